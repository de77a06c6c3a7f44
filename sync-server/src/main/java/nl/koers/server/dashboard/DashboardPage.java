package nl.koers.server.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import nl.koers.server.auth.web.DashboardUser;
import nl.koers.server.export.Html;
import nl.koers.server.export.ReportCharts;
import nl.koers.server.report.Audience;
import nl.koers.server.report.Report;
import nl.koers.sync.Json;

/**
 * Renders the dashboard's pages as HTML: the frame (header, language switch, sign-out), and a
 * report view (filters, key figures, charts, lists to act on, drill-down, downloads, every table).
 * Pure rendering: the service decides what to show; every text comes from {@link DashboardText}.
 */
final class DashboardPage {

    static final String BASE = "/dashboard";

    /** What a report view shows besides the report itself. */
    record View(String path, String kind, String heading, Filters filters, List<Report.Section> sections,
                List<Report.SilentParticipant> silent, List<Report.OverdueCheckIn> overdue,
                Drill drill, List<Option> projects, List<String> municipalities, List<Audience> audiences,
                String devices) {
    }

    /** Groups to drill into: their title, where each links to (empty: no link), and the groups. */
    record Drill(String title, List<Report.Group> groups, Function<String, String> link) {
    }

    record Option(String value, String label) {
    }

    private DashboardPage() {
    }

    static String frame(DashboardText t, String title, DashboardUser user, String csrf, String path, Filters filters,
                        String main, int threshold) {
        StringBuilder html = new StringBuilder(32 * 1024);
        html.append("<!DOCTYPE html><html lang=\"").append(t.language()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.escape(title)).append(" · Koers</title>")
                .append("<link rel=\"stylesheet\" href=\"").append(BASE).append("/assets/dashboard.css\"></head><body>")
                .append("<header class=\"top\"><a class=\"brand\" href=\"").append(BASE).append("/")
                .append(langOnly(filters)).append("\">").append(t.get("app.name")).append("<span>")
                .append(t.get("dashboard.title")).append("</span></a><nav class=\"user\">");
        if (user != null) {
            html.append("<span class=\"who\" id=\"who\">").append(Html.escape(user.name())).append("<small>")
                    .append(t.get("role." + user.mainRole().name())).append("</small></span>");
        }
        String otherLanguage = t.get("lang.other_code");
        html.append("<a class=\"lang\" id=\"lang-switch\" hreflang=\"").append(otherLanguage).append("\" href=\"")
                .append(Html.escape(path)).append(Html.escape(filters.with("lang", "en".equals(otherLanguage) ? "en" : "")
                        .queryString())).append("\">").append(t.get("lang.other")).append("</a>");
        if (user != null) {
            html.append("<form class=\"signout\" method=\"post\" action=\"").append(BASE).append("/logout\">")
                    .append(hidden("csrf", csrf)).append(hidden("lang", filters.get("lang")))
                    .append("<button type=\"submit\" id=\"sign-out\">").append(t.get("signout")).append("</button></form>");
        }
        html.append("</nav></header><main>").append(main).append("</main>");
        if (threshold > 0) {
            html.append("<footer class=\"legend\" id=\"legend\"><span class=\"x\">x</span> ")
                    .append(t.report("legend.suppressed", threshold)).append("</footer>");
        }
        html.append("<script src=\"").append(BASE).append("/chartjs/chart.umd.js\"></script>")
                .append("<script src=\"").append(BASE).append("/assets/dashboard.js\"></script></body></html>");
        return html.toString();
    }

    static String report(DashboardText t, Report report, View view) {
        StringBuilder html = new StringBuilder(64 * 1024);
        boolean internal = Audience.INTERNAL.code().equals(report.audience());
        html.append("<div class=\"heading\"><div>");
        if (!"overview".equals(view.kind())) {
            html.append("<p class=\"crumb\"><a id=\"back\" href=\"").append(BASE).append("/")
                    .append(Html.escape(view.filters().with("project", "").queryString())).append("\">")
                    .append(t.get("nav.overview")).append("</a> / ").append(t.get("page." + view.kind())).append("</p>");
        }
        html.append("<h1 id=\"page-title\">").append(Html.escape(view.heading())).append("</h1><p class=\"asof\">")
                .append(t.get("page.asof", date(report.asOf(), t))).append(" · ")
                .append(t.report("audience." + report.audience())).append("</p></div>");
        if (!view.devices().isEmpty()) {
            html.append("<p class=\"manage\"><a id=\"manage-devices\" href=\"").append(Html.escape(view.devices()))
                    .append("\">").append(t.get("devices.link")).append("</a></p>");
        }
        html.append("</div>");
        filters(html, t, view);
        kpis(html, t, view.sections());
        charts(html, t, view.sections());
        if (internal) {
            lists(html, t, view);
        } else {
            html.append("<p class=\"notice\">").append(t.get("external.note")).append("</p>");
        }
        if (view.drill() != null && !view.drill().groups().isEmpty()) {
            drill(html, t, view.drill());
        }
        downloads(html, t, view.filters());
        tables(html, t, view.sections());
        return html.toString();
    }

    private static void filters(StringBuilder html, DashboardText t, View view) {
        Filters f = view.filters();
        html.append("<form class=\"filters\" id=\"filters\" method=\"get\" action=\"").append(view.path()).append("\">")
                .append(hidden("lang", f.get("lang")))
                .append(field(t.get("filter.asof"), "<input type=\"date\" id=\"asOf\" name=\"asOf\" value=\""
                        + Html.escape(f.get("asOf")) + "\">"));
        if (!"project".equals(view.kind())) {
            List<Option> projects = new ArrayList<>();
            projects.add(new Option("", t.get("filter.all_projects")));
            view.projects().forEach(p -> projects.add(new Option(p.value(), Html.escape(p.label()))));
            html.append(field(t.get("filter.project"), select("project", projects, f.get("project"))));
        } else {
            html.append(hidden("project", f.get("project")));
        }
        List<Option> municipalities = new ArrayList<>();
        municipalities.add(new Option("", t.get("filter.all_municipalities")));
        view.municipalities().forEach(m -> municipalities.add(new Option(m, Html.escape(m))));
        html.append(field(t.get("filter.municipality"), select("municipality", municipalities, f.get("municipality"))))
                .append(field(t.get("filter.from"), "<input type=\"date\" id=\"from\" name=\"from\" value=\""
                        + Html.escape(f.get("from")) + "\">"))
                .append(field(t.get("filter.to"), "<input type=\"date\" id=\"to\" name=\"to\" value=\""
                        + Html.escape(f.get("to")) + "\">"));
        List<Option> audiences = view.audiences().stream()
                .map(a -> new Option(a.code(), t.report("audience." + a.code()))).toList();
        html.append(field(t.get("filter.audience"), select("audience", audiences, f.get("audience"))))
                .append("<button type=\"submit\" id=\"apply\">").append(t.get("filter.apply")).append("</button></form>");
    }

    private static void kpis(StringBuilder html, DashboardText t, List<Report.Section> sections) {
        html.append("<section class=\"kpis\" id=\"kpis\">");
        Optional<Report.Table> populations = ReportCharts.table(sections, "populations");
        kpi(html, t, "registered", populations.flatMap(p -> cell(p, "registered", 0)).map(Report.Cell::text), "",
                populations.map(Report.Table::n));
        kpi(html, t, "ongoing", populations.flatMap(p -> cell(p, "ongoing", 0)).map(Report.Cell::text),
                populations.flatMap(p -> cell(p, "ongoing", 1)).map(Report.Cell::text).orElse(""),
                populations.map(Report.Table::n));
        Optional<Report.Table> outflow = ReportCharts.table(sections, "outflow");
        kpi(html, t, "paid_work", outflow.flatMap(o -> cell(o, "betaald_werk", 0)).map(Report.Cell::text),
                outflow.flatMap(o -> cell(o, "betaald_werk", 1)).map(Report.Cell::text).orElse(""),
                outflow.map(Report.Table::n));
        Optional<Report.Table> durability = ReportCharts.table(sections, "durability_worked_month");
        kpi(html, t, "durability", durability.flatMap(d -> cell(d, "mean", 0)).map(Report.Cell::text), "",
                durability.map(Report.Table::n));
        Optional<Report.Table> aftercare = ReportCharts.table(sections, "aftercare");
        kpi(html, t, "aftercare", aftercare.flatMap(a -> cell(a, "done", 1)).map(Report.Cell::text),
                aftercare.flatMap(a -> cell(a, "done", 0)).map(Report.Cell::text).orElse(""),
                aftercare.map(Report.Table::n));
        Optional<Report.Table> silent = ReportCharts.table(sections, "silent");
        kpi(html, t, "silent", silent.flatMap(s -> cell(s, "silent", 0)).map(Report.Cell::text),
                silent.flatMap(s -> cell(s, "silent", 1)).map(Report.Cell::text).orElse(""), silent.map(Report.Table::n));
        html.append("</section>");
    }

    private static void kpi(StringBuilder html, DashboardText t, String id, Optional<String> value, String detail,
                            Optional<String> n) {
        html.append("<div class=\"kpi\" id=\"kpi-").append(id).append("\"><div class=\"label\">")
                .append(t.get("kpi." + id)).append("</div><div class=\"value\">")
                .append(Html.escape(value.filter(v -> !v.isEmpty()).orElse("–"))).append("</div><div class=\"detail\">");
        if (!detail.isEmpty()) {
            html.append("<span class=\"share\">").append(Html.escape(detail)).append("</span> ");
        }
        html.append("<span class=\"n\">").append(t.get("kpi.n", n.orElse("–"))).append("</span></div></div>");
    }

    private static void charts(StringBuilder html, DashboardText t, List<Report.Section> sections) {
        List<ReportCharts.Chart> charts = ReportCharts.of(sections);
        html.append("<section class=\"charts\"><h2>").append(t.get("section.charts")).append("</h2><div class=\"grid\">");
        for (int i = 0; i < charts.size(); i++) {
            ReportCharts.Chart chart = charts.get(i);
            html.append("<figure class=\"chart chart-").append(chart.id()).append("\"><figcaption><h3>")
                    .append(Html.escape(chart.title())).append("</h3><p class=\"base\">").append(Html.escape(chart.baseLabel()))
                    .append(" · N = ").append(Html.escape(chart.n())).append("</p></figcaption><div class=\"canvas\">")
                    .append("<canvas id=\"chart-").append(chart.id()).append("\" data-chart=\"").append(i)
                    .append("\" role=\"img\" aria-label=\"").append(Html.escape(chart.title())).append("\"></canvas></div></figure>");
        }
        html.append("</div><script type=\"application/json\" id=\"chart-data\">")
                .append(Json.write(charts).replace("<", "\\u003c")).append("</script></section>");
    }

    private static void lists(StringBuilder html, DashboardText t, View view) {
        html.append("<section class=\"lists\"><div class=\"list\" id=\"list-silent\"><h2>").append(t.get("lists.silent"))
                .append(" <span class=\"count\">").append(view.silent().size()).append("</span></h2>");
        if (view.silent().isEmpty()) {
            html.append("<p class=\"empty\">").append(t.get("list.empty")).append("</p>");
        } else {
            html.append("<div class=\"scroll\"><table><thead><tr><th>").append(t.get("list.name")).append("</th><th>")
                    .append(t.get("list.project")).append("</th><th>").append(t.get("list.coach")).append("</th><th>")
                    .append(t.get("list.last_contact")).append("</th><th class=\"num\">").append(t.get("list.days_silent"))
                    .append("</th></tr></thead><tbody>");
            for (Report.SilentParticipant p : view.silent()) {
                html.append("<tr><td>").append(Html.escape(p.name())).append("</td><td>").append(Html.escape(p.project()))
                        .append("</td><td>").append(coachLink(p.coachId(), p.coach(), view.filters())).append("</td><td>")
                        .append(date(p.lastContact(), t)).append("</td><td class=\"num\"><span class=\"badge\">")
                        .append(p.daysSilent()).append("</span></td></tr>");
            }
            html.append("</tbody></table></div>");
        }
        html.append("</div><div class=\"list\" id=\"list-overdue\"><h2>").append(t.get("lists.overdue"))
                .append(" <span class=\"count\">").append(view.overdue().size()).append("</span></h2>");
        if (view.overdue().isEmpty()) {
            html.append("<p class=\"empty\">").append(t.get("list.empty")).append("</p>");
        } else {
            html.append("<div class=\"scroll\"><table><thead><tr><th>").append(t.get("list.name")).append("</th><th>")
                    .append(t.get("list.project")).append("</th><th>").append(t.get("list.coach")).append("</th><th>")
                    .append(t.get("list.due")).append("</th><th class=\"num\">").append(t.get("list.days_overdue"))
                    .append("</th></tr></thead><tbody>");
            for (Report.OverdueCheckIn c : view.overdue()) {
                html.append("<tr><td>").append(Html.escape(c.name())).append("</td><td>").append(Html.escape(c.project()))
                        .append("</td><td>").append(coachLink(c.coachId(), c.coach(), view.filters())).append("</td><td>")
                        .append(date(c.dueDate(), t)).append("</td><td class=\"num\"><span class=\"badge warn\">")
                        .append(c.daysOverdue()).append("</span></td></tr>");
            }
            html.append("</tbody></table></div>");
        }
        html.append("</div></section>");
    }

    private static String coachLink(String coachId, String name, Filters filters) {
        return coachId.isEmpty() ? Html.escape(name) : "<a class=\"coach-link\" href=\"" + BASE + "/coach/" + coachId
                + Html.escape(filters.queryString()) + "\">" + Html.escape(name) + "</a>";
    }

    private static void drill(StringBuilder html, DashboardText t, Drill drill) {
        html.append("<section class=\"drill\" id=\"drill\"><h2>").append(t.get(drill.title())).append("</h2>")
                .append("<div class=\"scroll\"><table><thead><tr><th></th><th class=\"num\">").append(t.get("drill.registered"))
                .append("</th><th class=\"num\">").append(t.get("drill.ongoing")).append("</th><th class=\"num\">")
                .append(t.get("drill.paid_work")).append("</th><th class=\"num\">").append(t.get("drill.silent"))
                .append("</th><th class=\"num\">").append(t.get("drill.overdue")).append("</th></tr></thead><tbody>");
        for (Report.Group group : drill.groups()) {
            List<Report.Section> s = group.sections();
            String link = drill.link().apply(group.key());
            html.append("<tr><td>").append(link.isEmpty() ? Html.escape(group.label())
                            : "<a class=\"drill-link\" href=\"" + Html.escape(link) + "\">" + Html.escape(group.label()) + "</a>")
                    .append("</td>")
                    .append(num(text(s, "populations", "registered", 0)))
                    .append(num(text(s, "populations", "ongoing", 0)))
                    .append(num(text(s, "outflow", "betaald_werk", 0)
                            .map(n -> n + text(s, "outflow", "betaald_werk", 1).map(p -> " (" + p + ")").orElse(""))))
                    .append(num(text(s, "silent", "silent", 0)))
                    .append(num(text(s, "aftercare", "overdue", 0)))
                    .append("</tr>");
        }
        html.append("</tbody></table></div></section>");
    }

    private static void downloads(StringBuilder html, DashboardText t, Filters filters) {
        String query = Html.escape(filters.queryString());
        html.append("<section class=\"downloads\" id=\"downloads\"><h2>").append(t.get("downloads.title"))
                .append("</h2><div class=\"buttons\">")
                .append("<a class=\"button\" id=\"download-csv\" href=\"/api/reports/csv").append(query).append("\">")
                .append(t.get("download.csv")).append("</a>")
                .append("<a class=\"button\" id=\"download-xlsx\" href=\"/api/reports/xlsx").append(query).append("\">")
                .append(t.get("download.xlsx")).append("</a>")
                .append("<a class=\"button primary\" id=\"download-pdf\" href=\"/api/reports/pdf").append(query).append("\">")
                .append(t.get("download.pdf")).append("</a></div><p class=\"hint\">").append(t.get("download.pdf_note"))
                .append("</p></section>");
    }

    private static void tables(StringBuilder html, DashboardText t, List<Report.Section> sections) {
        html.append("<section class=\"tables\" id=\"tables\"><h2>").append(t.get("tables.title")).append("</h2>");
        for (Report.Section section : sections) {
            html.append("<details><summary>").append(Html.escape(section.title())).append("</summary>");
            for (Report.Table table : section.tables()) {
                html.append("<div class=\"table\" id=\"table-").append(table.id()).append("\"><h3>")
                        .append(Html.escape(table.title())).append("</h3><p class=\"base\">")
                        .append(Html.escape(table.baseLabel())).append(" · N = ").append(Html.escape(table.n()))
                        .append("</p><div class=\"scroll\"><table><thead><tr><th></th>");
                table.columns().forEach(c -> html.append("<th class=\"num\">").append(Html.escape(c.label())).append("</th>"));
                html.append("</tr></thead><tbody>");
                for (Report.Row row : table.rows()) {
                    html.append("<tr><td>").append(Html.escape(row.label())).append("</td>");
                    row.cells().forEach(c -> html.append(num(c.text())));
                    html.append("</tr>");
                }
                html.append("</tbody></table></div>");
                if (table.note() != null && !table.note().isBlank()) {
                    html.append("<p class=\"note\">").append(Html.escape(table.note())).append("</p>");
                }
                html.append("</div>");
            }
            html.append("</details>");
        }
        html.append("</section>");
    }

    static String signIn(DashboardText t, String csrf, Filters filters, String message) {
        StringBuilder html = new StringBuilder();
        html.append("<div class=\"signin\"><h1>").append(t.get("signin.title")).append("</h1><p class=\"intro\">")
                .append(t.get("signin.intro")).append("</p>");
        if (!message.isEmpty()) {
            html.append("<p class=\"error\" id=\"signin-error\" role=\"alert\">").append(message).append("</p>");
        }
        html.append("<form method=\"post\" action=\"").append(BASE).append("/login\" id=\"signin\">")
                .append(hidden("csrf", csrf)).append(hidden("lang", filters.get("lang")))
                .append(field(t.get("signin.email"), "<input type=\"email\" id=\"email\" name=\"email\" required"
                        + " autocomplete=\"username\" autofocus>"))
                .append(field(t.get("signin.password"), "<input type=\"password\" id=\"password\" name=\"password\""
                        + " required autocomplete=\"current-password\">"))
                .append("<button type=\"submit\" id=\"signin-submit\">").append(t.get("signin.submit"))
                .append("</button></form></div>");
        return html.toString();
    }

    private static Optional<Report.Cell> cell(Report.Table table, String row, int column) {
        return table.rows().stream().filter(r -> r.key().equals(row)).findFirst()
                .filter(r -> r.cells().size() > column).map(r -> r.cell(column));
    }

    private static Optional<String> text(List<Report.Section> sections, String table, String row, int column) {
        return ReportCharts.table(sections, table).flatMap(t -> cell(t, row, column)).map(Report.Cell::text)
                .filter(Predicate.not(String::isEmpty));
    }

    private static String num(Optional<String> text) {
        return num(text.orElse("–"));
    }

    private static String num(String text) {
        return "<td class=\"num" + ("x".equals(text) ? " suppressed" : "") + "\">" + Html.escape(text) + "</td>";
    }

    static String field(String label, String input) {
        return "<label>" + label + input + "</label>";
    }

    static String hidden(String name, String value) {
        return value.isEmpty() ? "" : "<input type=\"hidden\" name=\"" + name + "\" value=\"" + Html.escape(value) + "\">";
    }

    private static String select(String name, List<Option> options, String selected) {
        StringBuilder html = new StringBuilder("<select id=\"" + name + "\" name=\"" + name + "\">");
        for (Option option : options) {
            html.append("<option value=\"").append(Html.escape(option.value())).append('"')
                    .append(option.value().equals(selected) ? " selected" : "").append('>').append(option.label())
                    .append("</option>");
        }
        return html.append("</select>").toString();
    }

    static String langOnly(Filters filters) {
        return filters.english() ? "?lang=en" : "";
    }

    static String date(LocalDate date, DashboardText t) {
        return "en".equals(t.language()) ? date.toString()
                : String.format("%02d-%02d-%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }
}
