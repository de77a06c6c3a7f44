package nl.koers.server.report;

/** How a report splits its tables besides the total: one set of tables per group. */
public enum GroupBy {
    NONE("geen"),
    PROJECT("project"),
    ORGANISATION("organisatie"),
    MUNICIPALITY("gemeente"),
    /** The quarter of intake. */
    QUARTER("kwartaal"),
    /** The trajectory's primary coach (<i>vaste contactpersoon</i>). */
    COACH("coach");

    private final String code;

    GroupBy(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static GroupBy fromCode(String code) {
        for (GroupBy groupBy : values()) {
            if (groupBy.code.equals(code)) {
                return groupBy;
            }
        }
        throw new ReportException("unknown_grouping",
                "group must be one of geen, project, organisatie, gemeente, kwartaal, coach: " + code);
    }
}
