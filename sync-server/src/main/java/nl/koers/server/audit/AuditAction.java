package nl.koers.server.audit;

/** What happened to a participant's record, as the audit log records it. */
public enum AuditAction {
    /**
     * A device sent a mutation in a push that failed as a whole after it was accepted for
     * processing (409 or 503): it may or may not have been applied before the failure.
     */
    PUSHED,
    /** A device's mutation was applied (a replay of an applied mutation is recorded again). */
    APPLIED,
    /** A device's mutation was permanently refused; the detail is the rejection reason. */
    REJECTED,
    /** A record was sent to a device in a pull page; the detail is its state. */
    PULLED,
    /** Everything about the participant was exported on request. */
    EXPORTED,
    /** The participant was erased (by a project leader's device, an administrator or retention). */
    ERASED
}
