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
import java.util.function.Function;
import nl.koers.server.export.CsvExport;
import nl.koers.server.export.ReportFiles;
import nl.koers.server.export.XlsxExport;
import nl.koers.server.report.Report;
import nl.koers.server.report.ReportEngine;
import nl.koers.server.report.ReportQuery;
import nl.koers.server.report.ReportRequest;

/**
 * {@code /api/reports}: the programme report as JSON ({@code GET /api/reports}), CSV
 * ({@code /api/reports/csv}) and XLSX ({@code /api/reports/xlsx}), selected by query parameters
 * (see {@code docs/REPORTS.md}). Protected by the admin token for now, like the admin API.
 */
public final class ReportHttpService implements HttpService {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ReportEngine engine;
    private final byte[] adminToken;
    private final Clock clock;

    public ReportHttpService(ReportEngine engine, String adminToken, Clock clock) {
        this.engine = engine;
        this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.any(this::authorise)
                .get("/", (req, res) -> JsonBodies.send(res, run(req)))
                .get("/csv", (req, res) -> file(res, run(req), "csv", "text/csv; charset=UTF-8", CsvExport::write))
                .get("/xlsx", (req, res) -> file(res, run(req), "xlsx", XLSX, XlsxExport::write));
    }

    private Report run(ServerRequest req) {
        ReportRequest request = ReportQuery.parse(name -> req.query().all(name, List::of),
                LocalDate.now(clock));
        return engine.run(request);
    }

    static void file(ServerResponse res, Report report, String extension, String type, Function<Report, byte[]> writer) {
        byte[] body = writer.apply(report);
        res.header(HeaderNames.CONTENT_TYPE, type);
        res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + ReportFiles.name(report, extension) + "\"");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(body);
    }

    private void authorise(ServerRequest req, ServerResponse res) {
        byte[] given = BearerToken.of(req).orElse("").getBytes(StandardCharsets.UTF_8);
        if (adminToken.length == 0 || !MessageDigest.isEqual(adminToken, given)) {
            throw ApiException.unauthenticated("the report API needs 'Authorization: Bearer <admin token>'");
        }
        res.next();
    }
}
