package nl.koers.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What the sync engine needs to know of one record type: its fields, how each merges, which
 * hold personal data, and whether a whole record is valid. Implemented once per type in the
 * domain; used unchanged by server and app.
 */
public interface RecordSchema {

    RecordType type();

    /** Every field the current schema version knows; unknown fields are kept but not validated. */
    Set<String> fields();

    FieldKind kindOf(String field);

    /** Fields with names, contact details, dates of birth or free text: removed by erasure. */
    Set<String> personalFields();

    /**
     * The projects that these fields (a whole record or one change of it) file the participant
     * under: the well-formed ids in its project fields that are filled in, such as a trajectory's
     * {@code projectId}. A participant filed under a project is held by that project's leaders and
     * counted in its reports, so the server accepts a project here only from a user who works in it.
     */
    default Set<UUID> projectsNamed(ObjectNode fields) {
        return Set.of();
    }

    /** Checks a complete record (after merging); an empty list means valid. */
    List<Violation> validate(ObjectNode record);

    /**
     * Checks how a record changes, for rules that a whole record alone cannot show: a trajectory's
     * outflow is recorded once; a placement's status only moves forward. An empty list means the
     * change is allowed.
     *
     * @param before the record as the author of the change saw it: on a device its local record; on
     *               the server the stored record without the fields others changed since the
     *               author's base version (so concurrent edits are left to the merge rules, and
     *               the outcome does not depend on the order in which devices sync)
     * @param after  the record as it would be stored
     */
    default List<Violation> validateChange(ObjectNode before, ObjectNode after) {
        return List.of();
    }

    /**
     * Rank of a value of a {@link FieldKind#FORWARD_ONLY} field; higher is further along. Types
     * without such fields keep the default, which ranks every value alike.
     */
    default int forwardRank(String field, String value) {
        return 0;
    }
}
