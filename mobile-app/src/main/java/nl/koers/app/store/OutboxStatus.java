package nl.koers.app.store;

import java.util.Arrays;

/** Where an outbox entry stands; the code is what the database stores. */
public enum OutboxStatus {
    /** Not yet acknowledged by the server. */
    PENDING("pending"),
    /** Applied by the server; kept for a while for replay after a server restore. */
    ACKED("acked"),
    /** Refused by the server for good; shown in the coach's inbox. */
    REJECTED("rejected");

    private final String code;

    OutboxStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static OutboxStatus fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown outbox status " + code));
    }
}
