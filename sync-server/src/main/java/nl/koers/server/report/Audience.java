package nl.koers.server.report;

/** Who a report is for; external audiences see only aggregates with small counts suppressed. */
public enum Audience {
    /** The project leader or coordinator: every count, and the lists of participants to act on. */
    INTERNAL("intern"),
    /** The funder (<i>financier</i>). */
    FUNDER("financier"),
    /** The municipality (<i>gemeente</i>). */
    MUNICIPALITY("gemeente");

    private final String code;

    Audience(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean external() {
        return this != INTERNAL;
    }

    public static Audience fromCode(String code) {
        for (Audience audience : values()) {
            if (audience.code.equals(code)) {
                return audience;
            }
        }
        throw new ReportException("unknown_audience", "audience must be one of intern, financier, gemeente: " + code);
    }
}
