package nl.koers.server.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import nl.koers.model.RecordType;
import nl.koers.server.store.DatabaseSettings;
import nl.koers.server.store.sqlite.SqliteDialect;
import nl.koers.server.store.sqlite.SqliteStore;
import nl.koers.server.testing.PostgresServer;
import nl.koers.server.testing.SyncWorld;
import nl.koers.sync.Mutation;
import nl.koers.sync.MutationResult;

/**
 * Push throughput: mutations applied per second through the sync service (in process, no HTTP),
 * against a raw batched insert of the same rows (one {@code records} row and one
 * {@code applied_mutations} row per mutation) into the same database, for SQLite and PostgreSQL.
 * Run with {@code ./koers bench-push}; not part of the test suite. Results: docs/PERFORMANCE.md.
 */
public final class PushBenchmark {

    private static final int MUTATIONS = 3000;
    private static final int BATCH = 100;
    private static final int WARM_UP = 300;

    private PushBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("koers-bench-");
        List<String> rows = new ArrayList<>();
        rows.add(run("SQLite", DatabaseSettings.sqlite(dir.resolve("sqlite")),
                () -> {
                    Connection c = new SqliteDialect(dir.resolve("sqlite").resolve(SqliteStore.FILE_NAME)).open();
                    c.setAutoCommit(false);
                    return c;
                }));
        DatabaseSettings postgres = PostgresServer.shared().newDatabase();
        rows.add(run("PostgreSQL", postgres, () -> {
            Connection c = DriverManager.getConnection(postgres.url(), postgres.user(), postgres.password());
            c.setAutoCommit(false);
            return c;
        }));
        System.out.printf("%n%d mutations in pushes of %d (after %d to warm up); raw = the same rows, batched, one transaction per %d%n",
                MUTATIONS, BATCH, WARM_UP, BATCH);
        System.out.println("| store | push (mutations/s) | raw batched insert (mutations/s) | push / raw |");
        System.out.println("|---|---:|---:|---:|");
        rows.forEach(System.out::println);
        deleteTree(dir);
    }

    @FunctionalInterface
    private interface Connector {
        Connection open() throws SQLException;
    }

    private static String run(String name, DatabaseSettings database, Connector connector) throws SQLException {
        double push;
        try (SyncWorld world = new SyncWorld(database)) {
            SyncWorld.Phone coach = world.coach("Bench Coach");
            UUID participant = world.newId();
            coach.push(coach.newParticipant(participant, "Bench"));
            pushContacts(world, coach, participant, WARM_UP);
            long start = System.nanoTime();
            pushContacts(world, coach, participant, MUTATIONS);
            push = MUTATIONS / seconds(start);
        }
        double raw;
        try (Connection connection = connector.open()) {
            List<String[]> template = template(connection);
            insertRaw(connection, template, WARM_UP);
            long start = System.nanoTime();
            insertRaw(connection, template, MUTATIONS);
            raw = MUTATIONS / seconds(start);
        }
        return String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.2f |", name, push, raw, push / raw);
    }

    private static void pushContacts(SyncWorld world, SyncWorld.Phone coach, UUID participant, int count) {
        for (int done = 0; done < count; done += BATCH) {
            List<Mutation> batch = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                batch.add(coach.create(RecordType.CONTACT, world.newId(), participant,
                        "{\"minutes\":" + (1 + (done + i) % 120) + ",\"notes\":\"Gesprek over werk en taal\"}"));
            }
            List<MutationResult> results = coach.push(batch.toArray(Mutation[]::new)).results();
            if (results.size() != BATCH || results.stream().anyMatch(r -> r.status() != MutationResult.Status.APPLIED)) {
                throw new IllegalStateException("benchmark push was not applied: " + results.stream()
                        .filter(r -> r.status() != MutationResult.Status.APPLIED).findFirst().orElse(null));
            }
        }
    }

    /** One stored contact and its applied-mutation row, as the raw insert's model row. */
    private static List<String[]> template(Connection connection) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet r = s.executeQuery("SELECT r.type, r.participant_id, r.state, r.fields_json, r.stamps_json,"
                     + " a.device_id, a.payload_hash, a.result_json FROM records r JOIN applied_mutations a"
                     + " ON a.participant_id = r.participant_id WHERE r.type = 'contact' LIMIT 1")) {
            while (r.next()) {
                String[] row = new String[8];
                for (int i = 0; i < row.length; i++) {
                    row[i] = r.getString(i + 1);
                }
                rows.add(row);
            }
        }
        connection.commit();
        if (rows.isEmpty()) {
            throw new IllegalStateException("no pushed contact to model the raw rows on");
        }
        return rows;
    }

    private static void insertRaw(Connection connection, List<String[]> template, int count) throws SQLException {
        String[] row = template.get(0);
        long version = 1_000_000_000L;
        try (PreparedStatement records = connection.prepareStatement("INSERT INTO records"
                + " (id, type, participant_id, version, state, fields_json, stamps_json) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement applied = connection.prepareStatement("INSERT INTO applied_mutations"
                     + " (mutation_id, device_id, seq, payload_hash, participant_id, result_json) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int done = 0; done < count; done += BATCH) {
                for (int i = 0; i < BATCH; i++) {
                    version++;
                    records.setString(1, UUID.randomUUID().toString());
                    records.setString(2, row[0]);
                    records.setString(3, row[1]);
                    records.setLong(4, version);
                    records.setString(5, row[2]);
                    records.setString(6, row[3]);
                    records.setString(7, row[4]);
                    records.addBatch();
                    applied.setString(1, UUID.randomUUID().toString());
                    applied.setString(2, row[5]);
                    applied.setLong(3, version);
                    applied.setString(4, row[6]);
                    applied.setString(5, row[1]);
                    applied.setString(6, row[7]);
                    applied.addBatch();
                }
                records.executeBatch();
                applied.executeBatch();
                connection.commit();
            }
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
