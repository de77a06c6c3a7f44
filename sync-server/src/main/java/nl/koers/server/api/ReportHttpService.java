package nl.koers.server.api;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.koers.server.auth.web.DashboardUser;
import nl.koers.server.auth.web.ReportAccess;
import nl.koers.server.auth.web.SessionCookie;
import nl.koers.server.auth.web.SignIn;
import nl.koers.server.export.CsvExport;
import nl.koers.server.export.PdfExport;
import nl.koers.server.export.ReportFiles;
import nl.koers.server.export.XlsxExport;
import nl.koers.server.report.Audience;
import nl.koers.server.report.Report;
import nl.koers.server.report.ReportEngine;
import nl.koers.server.report.ReportQuery;
import nl.koers.server.report.ReportRequest;

/**
 * {@code /api/reports}: the programme report as JSON ({@code GET /api/reports}), CSV
 * ({@code /csv}), XLSX ({@code /xlsx}) and the funder report as PDF ({@code /pdf}, always for an
 * external audience), selected by query parameters (see {@code docs/REPORTS.md}). Open to the
 * admin token, which sees everything, and to a dashboard session, which sees what the user's
 * roles allow ({@link ReportAccess}).
 */
public final class ReportHttpService implements HttpService {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ReportEngine engine;
    private final SignIn signIn;
    private final byte[] adminToken;
    private final Clock clock;

    public ReportHttpService(ReportEngine engine, SignIn signIn, String adminToken, Clock clock) {
        this.engine = engine;
        this.signIn = signIn;
        this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> JsonBodies.send(res, engine.run(request(req))))
                .get("/csv", (req, res) -> file(res, engine.run(request(req)), "csv", "text/csv; charset=UTF-8",
                        CsvExport::write))
                .get("/xlsx", (req, res) -> file(res, engine.run(request(req)), "xlsx", XLSX, XlsxExport::write))
                .get("/pdf", (req, res) -> {
                    ReportRequest request = request(req);
                    ReportRequest external = request.audience().external() ? request : request.withAudience(Audience.FUNDER);
                    String selection = engine.describe(external);
                    file(res, engine.run(external), "pdf", "application/pdf", report -> PdfExport.write(report, selection));
                });
    }

    /** The request of the query parameters, narrowed to the signed-in user's projects; 401 without credentials. */
    private ReportRequest request(ServerRequest req) {
        Optional<DashboardUser> user = Optional.empty();
        if (!hasAdminToken(req)) {
            user = Optional.of(SessionCookie.signedIn(req, signIn).orElseThrow(() -> ApiException.unauthenticated(
                    "the report API needs 'Authorization: Bearer <admin token>' or a dashboard session")).user());
        }
        ReportRequest request = ReportQuery.parse(name -> req.query().all(name, List::of), LocalDate.now(clock));
        return user.map(u -> ReportAccess.restrict(u, request)).orElse(request);
    }

    private boolean hasAdminToken(ServerRequest req) {
        byte[] given = BearerToken.of(req).orElse("").getBytes(StandardCharsets.UTF_8);
        return adminToken.length > 0 && MessageDigest.isEqual(adminToken, given);
    }

    static void file(ServerResponse res, Report report, String extension, String type, Function<Report, byte[]> writer) {
        byte[] body = writer.apply(report);
        res.header(HeaderNames.CONTENT_TYPE, type);
        res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + ReportFiles.name(report, extension) + "\"");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(body);
    }
}
