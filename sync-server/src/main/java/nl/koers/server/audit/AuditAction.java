package nl.koers.server.audit;

/**
 * What happened, as the audit log records it: to a participant's records, and to the accounts and
 * devices that may reach them (sign-ins, administrators' tokens, pairings, revocations).
 */
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
    ERASED,
    /** A user signed in to the dashboard. */
    SIGN_IN,
    /**
     * A dashboard sign-in whose password was checked was refused; the detail says why
     * ({@code wrong_credentials}, {@code unknown_account}, {@code not_allowed}: right password, but no
     * role that may sign in). The user is named only if the address belongs to one; neither the
     * address typed nor the password is kept. Attempts refused unchecked by the sign-in limits are
     * not recorded (the limits bound the checked ones, nothing bounds the refused ones).
     */
    SIGN_IN_FAILED,
    /** An administrator's personal token was issued; the record id is the token's id. */
    ADMIN_TOKEN_ISSUED,
    /** An administrator's personal token was revoked; the record id is the token's id. */
    ADMIN_TOKEN_REVOKED,
    /** A device exchanged a pairing code for its token; the actor is the new device and its user. */
    DEVICE_PAIRED,
    /** A device was revoked (by an administrator or a project leader); the record id is the device's id. */
    DEVICE_REVOKED
}
