package nl.koers.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/**
 * Why the server permanently refused a mutation. The reason code is stable (the app maps it to a
 * sentence in its conflict inbox); the message says in plain English what was wrong.
 */
public record Rejection(Reason reason, String message, List<String> details) {

    public Rejection {
        details = List.copyOf(details);
    }

    public static Rejection of(Reason reason, String message) {
        return new Rejection(reason, message, List.of());
    }

    /** The same reason with another message and no details: what is left when values must not be told. */
    public Rejection reasonOnly(String message) {
        return new Rejection(reason, message, List.of());
    }

    /**
     * This rejection as a client of the given schema version understands it: a reason code newer
     * than the client is answered as {@link Reason#INVALID}, message and details unchanged.
     */
    public Rejection forSchema(int schemaVersion) {
        return reason.since <= schemaVersion ? this : new Rejection(Reason.INVALID, message, details);
    }

    public enum Reason {
        /** The record was deleted; a delete wins over later updates. */
        RECORD_DELETED("record_deleted"),
        /** The participant was erased on request; nothing of them may be stored again. */
        PARTICIPANT_ERASED("participant_erased"),
        /** The record exists under another participant or type than the mutation claims. */
        IDENTITY_MISMATCH("identity_mismatch"),
        /**
         * The server has no such record and the change alone is not a whole one: it changes a record
         * whose creation was refused (or never arrived). Answered from schema version 2 on; older
         * clients get {@link #INVALID} with the same message ({@link Rejection#forSchema}).
         */
        RECORD_UNKNOWN("record_unknown", 2),
        /** The record would break a validation rule. */
        INVALID("invalid"),
        /** The user may not change this participant's records. */
        OUT_OF_SCOPE("out_of_scope"),
        /** The user's role may not perform this operation. */
        NOT_ALLOWED("not_allowed"),
        /** The client's schema version is older than the server still accepts. */
        UNSUPPORTED_SCHEMA("unsupported_schema");

        private final String code;
        private final int since;

        Reason(String code) {
            this(code, 1);
        }

        Reason(String code, int since) {
            this.code = code;
            this.since = since;
        }

        @JsonValue
        public String code() {
            return code;
        }

        @JsonCreator
        public static Reason fromCode(String code) {
            return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown rejection reason " + code));
        }
    }
}
