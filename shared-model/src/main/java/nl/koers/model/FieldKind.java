package nl.koers.model;

/**
 * How concurrent edits of one field are merged (see docs/decisions/0002-merge-rules.md). Free-text
 * notes are plain values here: the later text stays whole and the other whole text is kept in the
 * conflict record, so text is never spliced.
 */
public enum FieldKind {
    /** The later hybrid-logical-clock stamp wins; a real conflict is recorded with the other value. */
    VALUE,
    /** Placement status: only moves forward, so concurrent edits resolve to the furthest status. */
    FORWARD_ONLY
}
