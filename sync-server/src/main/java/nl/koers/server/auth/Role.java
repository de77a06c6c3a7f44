package nl.koers.server.auth;

/** What a user does in a project; one user may hold different roles in several projects. */
public enum Role {
    /** Vrijwillige coach / maatje. */
    COACH,
    /** Taalmaatje. */
    LANGUAGE_BUDDY,
    JOBCOACH,
    /** Projectleider / coördinator: sees and manages the whole project. */
    PROJECT_LEADER,
    /** Funder or municipality: aggregate reports only. */
    VIEWER,
    ADMINISTRATOR;

    /** Roles that log work with participants on a device and see only assigned participants. */
    public boolean worksWithParticipants() {
        return this == COACH || this == LANGUAGE_BUDDY || this == JOBCOACH;
    }

    /** Roles that hold participants on a device and record their data: those above and project leaders. */
    public boolean usesDevices() {
        return worksWithParticipants() || this == PROJECT_LEADER;
    }
}
