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

    public enum Reason {
        /** The record was deleted; a delete wins over later updates. */
        RECORD_DELETED("record_deleted"),
        /** The participant was erased on request; nothing of them may be stored again. */
        PARTICIPANT_ERASED("participant_erased"),
        /** The record exists under another participant or type than the mutation claims. */
        IDENTITY_MISMATCH("identity_mismatch"),
        /** The record would break a validation rule. */
        INVALID("invalid"),
        /** The user may not change this participant's records. */
        OUT_OF_SCOPE("out_of_scope"),
        /** The user's role may not perform this operation. */
        NOT_ALLOWED("not_allowed"),
        /** The client's schema version is older than the server still accepts. */
        UNSUPPORTED_SCHEMA("unsupported_schema");

        private final String code;

        Reason(String code) {
            this.code = code;
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
