package nl.koers.server.audit;

import java.util.UUID;
import java.util.regex.Pattern;
import nl.koers.model.RecordType;

/**
 * One thing to record in the audit log. It holds ids and codes only, never a field value: the
 * detail must be a lower-case code (an operation, a rejection reason, a record state), so no
 * personal data can enter the log by mistake.
 *
 * @param participantId the participant concerned; null for actions about no participant
 * @param recordType    the record's type, or null if the action concerns the participant as a whole
 * @param recordId      the record; for an action on an account or a device, the token, device or user concerned;
 *                      null if the action concerns the participant as a whole or names no such thing
 * @param detail        a code that says more ({@code upsert.v1}, {@code out_of_scope}, {@code live}); may be empty
 */
public record AuditEvent(Actor actor, AuditAction action, UUID participantId, RecordType recordType, UUID recordId,
                         String detail) {

    private static final Pattern CODE = Pattern.compile("[a-z0-9_.]{0,60}");

    public AuditEvent {
        if (actor == null || action == null) {
            throw new IllegalArgumentException("an audit event needs an actor and an action");
        }
        detail = detail == null ? "" : detail;
        if (!CODE.matcher(detail).matches()) {
            throw new IllegalArgumentException("an audit detail must be a code of at most 60 characters a-z 0-9 _ .");
        }
    }

    /** An action about no participant: a sign-in, a token, a device ({@code subjectId} may be null). */
    public static AuditEvent about(Actor actor, AuditAction action, UUID subjectId, String detail) {
        return new AuditEvent(actor, action, null, null, subjectId, detail);
    }

    /** An action on the participant as a whole (export, erasure). */
    public static AuditEvent ofParticipant(Actor actor, AuditAction action, UUID participantId, String detail) {
        return new AuditEvent(actor, action, participantId, null, null, detail);
    }
}
