package nl.koers.server.auth.web;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import nl.koers.server.report.Audience;
import nl.koers.server.report.GroupBy;
import nl.koers.server.report.ReportRequest;
import nl.koers.server.report.Selection;

/**
 * Narrows a report request to what a signed-in user may see. Administrators see everything. A
 * project leader sees their own projects, internal or external. A viewer (funder, municipality)
 * sees only external audiences (suppressed aggregates, no lists of people, no split per coach) of
 * the projects they view. Asking for a project outside one's own is refused, not silently dropped.
 */
public final class ReportAccess {

    private ReportAccess() {
    }

    public static ReportRequest restrict(DashboardUser user, ReportRequest request) {
        if (user.administrator()) {
            return request;
        }
        boolean internal = !request.audience().external();
        if (internal && user.ledProjects().isEmpty()) {
            throw new AccessDeniedException("viewers see external reports only (audience financier or gemeente)");
        }
        if (!user.seesInternal() && request.groupBy() == GroupBy.COACH) {
            throw new AccessDeniedException("viewers cannot split a report per coach");
        }
        Set<UUID> allowed = new HashSet<>(user.ledProjects());
        if (!internal) {
            allowed.addAll(user.viewedProjects());
        }
        Selection selection = request.selection();
        if (!allowed.containsAll(selection.projects())) {
            throw new AccessDeniedException("the report covers projects you do not lead or view");
        }
        Set<UUID> projects = selection.projects().isEmpty() ? allowed : selection.projects();
        return request.withSelection(new Selection(selection.programme(), projects, selection.organisations(),
                selection.municipalities(), selection.from(), selection.to()));
    }

    /** The audience a user's reports default to: internal for those who may, else the funder's. */
    public static Audience defaultAudience(DashboardUser user) {
        return user.seesInternal() ? Audience.INTERNAL : Audience.FUNDER;
    }
}
