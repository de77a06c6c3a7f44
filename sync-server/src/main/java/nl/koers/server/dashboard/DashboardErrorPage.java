package nl.koers.server.dashboard;

import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Locale;
import nl.koers.server.api.ErrorPage;
import nl.koers.server.export.Html;
import nl.koers.server.report.ReportRequest;
import nl.koers.sync.ErrorBody;

/**
 * The dashboard's errors as a page in the dashboard's language, with its headers and content
 * security policy: what went wrong in words, the server's own explanation, and a way back.
 */
public final class DashboardErrorPage implements ErrorPage {

    @Override
    public boolean shows(ServerRequest req) {
        String path = req.path().absolute().path();
        return path.equals(DashboardPage.BASE) || path.startsWith(DashboardPage.BASE + "/");
    }

    @Override
    public void send(ServerRequest req, ServerResponse res, Status status, ErrorBody error) {
        Filters filters = Filters.of(name -> req.query().first(name).orElse(null));
        DashboardText t = new DashboardText(filters.english() ? Locale.ENGLISH : ReportRequest.DUTCH);
        String kind = switch (status.code()) {
            case 400, 401, 403, 404, 409, 413, 429 -> String.valueOf(status.code());
            default -> status.code() >= 500 ? "500" : "400";
        };
        String main = "<div class=\"error-page\" id=\"error-page\"><h1>" + t.get("error." + kind + ".title") + "</h1><p>"
                + t.get("error." + kind + ".text") + "</p><p class=\"detail\" id=\"error-detail\">" + Html.escape(error.message())
                + " <code>" + Html.escape(error.error()) + "</code></p><p><a id=\"error-back\" href=\"" + DashboardPage.BASE
                + "/" + DashboardPage.langOnly(filters) + "\">" + t.get("error.back") + "</a></p></div>";
        DashboardHttpService.send(res, status, DashboardPage.frame(t, t.plain("error." + kind + ".title"), null, "",
                DashboardPage.BASE + "/", filters, main, 0));
    }
}
