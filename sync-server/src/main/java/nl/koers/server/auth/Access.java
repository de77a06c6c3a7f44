package nl.koers.server.auth;

/**
 * Who may call a route: every route declares one when it is registered, and the access guard
 * enforces it before the route's handler runs (decision 0013). Project-scoped kinds take the
 * project from the path ({@code {projectId}}) and from every {@code project} query parameter.
 * Coaches, language buddies and jobcoaches have no dashboard session at all, so every kind that
 * needs one refuses them.
 */
public enum Access {

    /** Anyone, without credentials: sign-in, pairing, the dashboard's assets. */
    PUBLIC(null),

    /** A paired device that is not revoked ({@code Authorization: Bearer <device token>}). */
    DEVICE(null),

    /** An administrator's personal API token ({@code Authorization: Bearer kadm_...}). */
    ADMINISTRATOR(null),

    /** A dashboard session of a project leader, viewer or administrator; forms need its CSRF token. */
    SIGNED_IN(null),

    /**
     * A dashboard session whose user leads or views every project the request names (none named:
     * their own projects); administrators may name any. What a viewer then sees is narrowed to
     * external, suppressed aggregates by the report access rules.
     */
    SIGNED_IN_LEADER_OR_VIEWER_OF_PROJECT(null),

    /** A dashboard session of a leader of the project in the path; administrators too. */
    SIGNED_IN_LEADER_OF_PROJECT("projectId"),

    /**
     * A dashboard session of a leader of a project in which the user in the path ({@code {userId}})
     * has a role; administrators too.
     */
    SIGNED_IN_LEADER_OF_USER("userId"),

    /** An administrator's token, or else as {@link #SIGNED_IN_LEADER_OR_VIEWER_OF_PROJECT}: the report API. */
    ADMINISTRATOR_OR_SIGNED_IN_LEADER_OR_VIEWER_OF_PROJECT(null),

    /**
     * An administrator's personal token, or the monitoring scrape token configured as
     * {@code koers.observe.scrape-token} ({@code Authorization: Bearer <token>}): the server's metrics.
     */
    ADMINISTRATOR_OR_SCRAPER(null);

    private final String pathParameter;

    Access(String pathParameter) {
        this.pathParameter = pathParameter;
    }

    /** The path parameter a route of this kind must have, or null if it needs none. */
    public String requiredPathParameter() {
        return pathParameter;
    }

    /** Whether the kind is satisfied by a dashboard session (and so needs the session's CSRF token on forms). */
    public boolean usesSession() {
        return this != PUBLIC && this != DEVICE && this != ADMINISTRATOR && this != ADMINISTRATOR_OR_SCRAPER;
    }
}
