package nl.koers.sync;

import java.util.Optional;
import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.model.Violation;

/**
 * Whether a change may touch the record it names at all, before any field is looked at: the one
 * admission rule of Koers, used by the phone before it saves ({@code LocalStore}) and by the server
 * before it merges ({@code MutationApplier}, {@link MergeEngine}). A refusal says why with a
 * {@link Rejection.Reason}, the one vocabulary of refusals: the server answers it on the wire, the
 * phone shows it as a {@link Violation} whose code is {@code admission.<reason code>}.
 * <ol>
 *   <li>nothing more is stored about an erased participant ({@code participant_erased});</li>
 *   <li>a participant record's id is its participant's id ({@code identity_mismatch});</li>
 *   <li>a record stays the type and the participant it was created as ({@code identity_mismatch});</li>
 *   <li>a tombstone is final: erased ({@code participant_erased}), or deleted
 *       ({@code record_deleted}; deleting it again changes nothing and is admitted).</li>
 * </ol>
 */
public final class Admission {

    private Admission() {
    }

    /** What the side that judges knows of the record the change names. */
    public record Existing(RecordType type, UUID participantId, RecordState state) {

        public static Existing of(StoredRecord record) {
            return new Existing(record.type(), record.participantId(), record.state());
        }
    }

    /** Why a change is not admitted: the reason code, the field it is about, and a plain English message. */
    public record Refusal(Rejection.Reason reason, String field, String message) {

        public Rejection rejection() {
            return Rejection.of(reason, message);
        }

        /** The refusal as the phone shows it before saving, in the coach's language. */
        public Violation violation(UUID value) {
            return Violation.of(field, "admission." + reason.code(), value);
        }
    }

    /**
     * Judges one change.
     *
     * @param existing          the record as the judging side holds it, or null if it holds none
     * @param participantErased whether the participant was erased
     */
    public static Optional<Refusal> check(Operation op, RecordType type, UUID recordId, UUID participantId,
                                          Existing existing, boolean participantErased) {
        if (participantErased || (existing != null && existing.state() == RecordState.ERASED)) {
            return refuse(Rejection.Reason.PARTICIPANT_ERASED, "participantId",
                    "the participant's data was erased on request; this change was not stored");
        }
        if (type == RecordType.PARTICIPANT && !recordId.equals(participantId)) {
            return refuse(Rejection.Reason.IDENTITY_MISMATCH, "participantId",
                    "a participant record's id must be its participantId");
        }
        if (existing != null && (existing.type() != type || !existing.participantId().equals(participantId))) {
            return refuse(Rejection.Reason.IDENTITY_MISMATCH, "id", "record " + recordId + " is a "
                    + existing.type().wireName() + " of another participant or type than this change says");
        }
        if (existing != null && existing.state() == RecordState.DELETED && op != Operation.DELETE) {
            return refuse(Rejection.Reason.RECORD_DELETED, "id",
                    "the " + type.wireName() + " was deleted; a delete wins over later changes");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(Rejection.Reason reason, String field, String message) {
        return Optional.of(new Refusal(reason, field, message));
    }
}
