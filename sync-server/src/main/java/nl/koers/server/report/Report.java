package nl.koers.server.report;

import java.time.LocalDate;
import java.util.List;

/**
 * A finished report as every front end shows it (JSON API, dashboard, CSV, XLSX, PDF): tables with
 * their population and N, already labelled, formatted and suppressed for the audience.
 *
 * @param asOf        the reference date
 * @param purpose     consent purpose code
 * @param audience    audience code
 * @param groupBy     grouping code
 * @param threshold   suppression threshold (applied for external audiences only)
 * @param language    {@code nl} or {@code en}
 * @param title       the report's title in the language
 * @param populations the populations the tables use, with N
 * @param sections    the tables over the whole selection
 * @param groups      the same tables per group (empty without grouping)
 * @param silent      ongoing participants without contact for too long (internal audience only)
 * @param aftercareOverdue aftercare check-ins due and not done (internal audience only)
 */
public record Report(LocalDate asOf, String purpose, String audience, String groupBy, int threshold, String language,
                     String title, List<Table> populations, List<Section> sections, List<Group> groups,
                     List<SilentParticipant> silent, List<OverdueCheckIn> aftercareOverdue) {

    public Report {
        populations = List.copyOf(populations);
        sections = List.copyOf(sections);
        groups = List.copyOf(groups);
        silent = List.copyOf(silent);
        aftercareOverdue = List.copyOf(aftercareOverdue);
    }

    /** The table with the id among the sections, for readers that want one. */
    public Table table(String id) {
        return sections.stream().flatMap(s -> s.tables().stream()).filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no table " + id));
    }

    /** A group of the report: the key (project id, quarter, coach id…) and the tables over it. */
    public record Group(String key, String label, List<Section> sections) {
        public Group {
            sections = List.copyOf(sections);
        }
    }

    public record Section(String id, String title, List<Table> tables) {
        public Section {
            tables = List.copyOf(tables);
        }
    }

    /**
     * One table. {@code base} names the population its percentages are of; {@code n} is its size as
     * printed ({@code x} when suppressed).
     */
    public record Table(String id, String title, String base, String baseLabel, String n, List<Column> columns,
                        List<Row> rows, String note) {
        public Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }

        public Row row(String key) {
            return rows.stream().filter(r -> r.key().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("table " + id + " has no row " + key));
        }
    }

    public record Column(String key, String label) {
    }

    /** A row: a stable key (a code), its label, and one cell per column. */
    public record Row(String key, String label, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        public Cell cell(int column) {
            return cells.get(column);
        }
    }

    /**
     * One value: {@code value} is the exact number (null when suppressed or not a number) and
     * {@code text} is how the report prints it ({@code 20,1%}, {@code 1.012}, {@code x}).
     */
    public record Cell(Number value, String text) {
    }

    /** A participant who has gone quiet: for the project leader to act on. */
    public record SilentParticipant(String participantId, String name, String project, String coachId, String coach,
                                    LocalDate lastContact, long daysSilent) {
    }

    /** An aftercare check-in that was due and has not been done. */
    public record OverdueCheckIn(String participantId, String name, String project, String coachId, String coach,
                                 LocalDate dueDate, long daysOverdue) {
    }
}
