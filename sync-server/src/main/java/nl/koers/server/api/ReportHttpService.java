package nl.koers.server.api;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import nl.koers.server.auth.Access;
import nl.koers.server.auth.web.ReportAccess;
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
 * external audience), selected by query parameters (see {@code docs/REPORTS.md}). Open to an
 * administrator's token, which sees everything, and to a dashboard session, which sees what the
 * user's roles allow ({@link ReportAccess}).
 */
public final class ReportHttpService implements RoutedService {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Access READER = Access.ADMINISTRATOR_OR_SIGNED_IN_LEADER_OR_VIEWER_OF_PROJECT;

    private final ReportEngine engine;
    private final Clock clock;

    public ReportHttpService(ReportEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/", READER, (caller, req, res) -> JsonBodies.send(res, engine.run(request(caller, req))))
                .get("/csv", READER, (caller, req, res) -> file(res, engine.run(request(caller, req)), "csv",
                        "text/csv; charset=UTF-8", CsvExport::write))
                .get("/xlsx", READER, (caller, req, res) -> file(res, engine.run(request(caller, req)), "xlsx", XLSX,
                        XlsxExport::write))
                .get("/pdf", READER, (caller, req, res) -> {
                    ReportRequest asked = ReportQuery.parse(name -> req.query().all(name, List::of), LocalDate.now(clock));
                    ReportRequest external = restrict(caller,
                            asked.audience().external() ? asked : asked.withAudience(Audience.FUNDER));
                    String selection = engine.describe(external);
                    file(res, engine.run(external), "pdf", "application/pdf", report -> PdfExport.write(report, selection));
                });
    }

    /** The request of the query parameters; for a dashboard session narrowed to what the user may see. */
    private ReportRequest request(Caller caller, ServerRequest req) {
        return restrict(caller, ReportQuery.parse(name -> req.query().all(name, List::of), LocalDate.now(clock)));
    }

    private static ReportRequest restrict(Caller caller, ReportRequest request) {
        return caller.isAdministrator() ? request : ReportAccess.restrict(caller.session().user(), request);
    }

    static void file(ServerResponse res, Report report, String extension, String type, Function<Report, byte[]> writer) {
        byte[] body = writer.apply(report);
        res.header(HeaderNames.CONTENT_TYPE, type);
        res.header(HeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + ReportFiles.name(report, extension) + "\"");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.send(body);
    }
}
