package nl.koers.server.report;

/** A report request that cannot be answered as asked (an unknown code, an impossible period). */
public final class ReportException extends RuntimeException {

    private final String code;

    public ReportException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** Stable machine-readable reason, such as {@code unknown_audience}. */
    public String code() {
        return code;
    }
}
