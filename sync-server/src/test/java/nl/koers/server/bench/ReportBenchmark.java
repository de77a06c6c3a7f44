package nl.koers.server.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.koers.model.codes.ConsentPurpose;
import nl.koers.server.KoersServices;
import nl.koers.server.ServerSettings;
import nl.koers.server.admin.RandomIds;
import nl.koers.server.demo.DemoSeeder;
import nl.koers.server.report.Report;
import nl.koers.server.report.ReportEngine;
import nl.koers.server.report.ReportRequest;
import nl.koers.server.store.Store;
import nl.koers.server.store.sqlite.SqliteStore;
import nl.koers.server.sync.SyncSettings;

/**
 * {@code ./koers bench-reports}: the full programme report over 100,000 participants and
 * 5,000,000 records in one SQLite store, against one plain aggregate scan of the same table in the
 * same run. The data: the demo seeder's 60 participants (pushed through the real sync service)
 * cloned with fresh ids, each clone padded or trimmed to 50 records with extra contacts, bulk
 * inserted straight into the store file. Arguments: {@code [participants] [recordsPerParticipant]}.
 * Prints both timings and their ratio; see {@code docs/PERFORMANCE.md}.
 */
public final class ReportBenchmark {

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String SCAN = "SELECT type, count(*), sum(length(fields_json)) FROM records GROUP BY type";
    private static final LocalDate AS_OF = LocalDate.of(2025, 3, 1);

    private record Row(String id, String type, String participantId, String fieldsJson, String stampsJson) {
    }

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int participants = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int perParticipant = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Path dir = Files.createTempDirectory("koers-bench-reports");
        try {
            Clock clock = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);
            buildStore(dir, clock, participants, perParticipant);
            try (Store store = SqliteStore.openInDataDir(dir, clock)) {
                double scanCold = time(() -> scan(store));
                ReportEngine engine = new ReportEngine(store);
                ReportRequest request = ReportRequest.internal(AS_OF, ConsentPurpose.RAPPORTAGE_FINANCIER);
                Report[] report = new Report[1];
                double reportTime = time(() -> report[0] = engine.run(request));
                double scanWarm = time(() -> scan(store));
                System.out.printf(Locale.ROOT, "plain scan (%s): %.1f s cold, %.1f s warm%n", SCAN, scanCold, scanWarm);
                System.out.printf(Locale.ROOT, "full programme report: %.1f s (registered N = %s, %d silent listed)%n",
                        reportTime, report[0].populations().get(0).n(), report[0].silent().size());
                System.out.printf(Locale.ROOT, "ratio report / warm scan: %.1f%n", reportTime / scanWarm);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * A store in {@code dir} with the demo's projects and people and {@code participants} clones of
     * its participants, {@code perParticipant} records each; prints how long it took. Also the
     * store of {@code ./koers bench-erasure}.
     */
    static void buildStore(Path dir, Clock clock, int participants, int perParticipant) throws Exception {
        ServerSettings settings = new ServerSettings(dir, Duration.ofMinutes(15), SyncSettings.DEFAULTS, false);
        Map<String, List<Row>> templates;
        try (KoersServices services = new KoersServices(settings, SqliteStore.openInDataDir(dir, clock), clock,
                new RandomIds(new Random(1)))) {
            new DemoSeeder(services).seedIfEmpty();
            templates = templates(services.store());
        }
        long start = System.nanoTime();
        generate(dir.resolve(SqliteStore.FILE_NAME), templates, participants, perParticipant);
        System.out.printf(Locale.ROOT, "generated %,d participants, %,d records in %.1f s (%,d MB)%n", participants,
                (long) participants * perParticipant, seconds(start),
                Files.size(dir.resolve(SqliteStore.FILE_NAME)) / 1_000_000);
    }

    private static long scan(Store store) {
        return store.readSql(connection -> {
            long rows = 0;
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(SCAN)) {
                while (rs.next()) {
                    rows += rs.getLong(2);
                }
            }
            return rows;
        });
    }

    /** The demo's live records per participant. */
    private static Map<String, List<Row>> templates(Store store) {
        return store.readSql(connection -> {
            Map<String, List<Row>> byParticipant = new LinkedHashMap<>();
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                    "SELECT id, type, participant_id, fields_json, stamps_json FROM records WHERE state = 'LIVE'"
                            + " ORDER BY participant_id, version")) {
                while (rs.next()) {
                    byParticipant.computeIfAbsent(rs.getString(3), k -> new ArrayList<>()).add(new Row(rs.getString(1),
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
            return byParticipant;
        });
    }

    /** Replaces the demo records by clones: every participant of the templates in turn, with fresh ids. */
    private static void generate(Path file, Map<String, List<Row>> templates, int participants, int perParticipant)
            throws SQLException {
        List<List<Row>> stories = List.copyOf(templates.values());
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA synchronous = OFF");
                statement.execute("DELETE FROM records");
            }
            connection.setAutoCommit(false);
            long version = 1;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO records"
                    + " (id, type, participant_id, version, state, fields_json, stamps_json) VALUES (?, ?, ?, ?, 'LIVE', ?, ?)")) {
                for (int p = 0; p < participants; p++) {
                    List<Row> template = stories.get(p % stories.size());
                    List<Row> story = padded(template, perParticipant);
                    Map<String, String> ids = new HashMap<>();
                    for (Row row : template) {
                        fresh(ids, row.participantId(), p);
                        fresh(ids, row.id(), p);
                    }
                    for (int r = 0; r < story.size(); r++) {
                        Row row = story.get(r);
                        String participant = ids.get(row.participantId());
                        String id = r < template.size() ? ids.get(row.id()) : cloneId(p + ":extra:" + r);
                        insert.setString(1, id);
                        insert.setString(2, row.type());
                        insert.setString(3, participant);
                        insert.setLong(4, version++);
                        insert.setString(5, renumber(row.fieldsJson(), ids, id, row.id()));
                        insert.setString(6, row.stampsJson());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    if (p % 2000 == 1999) {
                        connection.commit();
                    }
                }
            }
            connection.commit();
        }
    }

    /** The story with exactly {@code size} records: extra copies of its last contact, or the first {@code size}. */
    private static List<Row> padded(List<Row> story, int size) {
        if (story.size() >= size) {
            return story.subList(0, size);
        }
        Row contact = story.stream().filter(r -> r.type().equals("contact")).reduce((a, b) -> b).orElse(story.get(0));
        List<Row> padded = new ArrayList<>(story);
        while (padded.size() < size) {
            padded.add(contact);
        }
        return padded;
    }

    /** The record's fields with the ids of the participant's own records replaced; projects and users stay. */
    private static String renumber(String json, Map<String, String> ids, String newId, String oldId) {
        Matcher matcher = UUID_TEXT.matcher(json);
        StringBuilder out = new StringBuilder(json.length());
        while (matcher.find()) {
            String old = matcher.group();
            matcher.appendReplacement(out, old.equals(oldId) ? newId : ids.getOrDefault(old, old));
        }
        return matcher.appendTail(out).toString();
    }

    /** The clone's id for a template id: the same within one clone, different across clones. */
    private static void fresh(Map<String, String> ids, String old, int p) {
        ids.computeIfAbsent(old, k -> cloneId(p + ":" + k));
    }

    private static String cloneId(String name) {
        return UUID.nameUUIDFromBytes(("bench:" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static double time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return seconds(start);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
