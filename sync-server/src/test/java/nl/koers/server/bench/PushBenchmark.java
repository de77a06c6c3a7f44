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
 * Both are warmed up alike, then measured in alternating rounds (push, raw, push, raw…) so that
 * other load on the machine falls on both; the mutations are made before the clock starts.
 * Run with {@code ./koers bench-push}; not part of the test suite. Results: docs/PERFORMANCE.md.
 */
public final class PushBenchmark {

    private static final int BATCH = 100;
    private static final int WARM_UP = 20_000;
    private static final int ROUNDS = 6;
    private static final int PER_ROUND = 1000;

    private PushBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("koers-bench-");
        List<String> rows = new ArrayList<>();
        rows.add(run("SQLite", DatabaseSettings.sqlite(dir.resolve("sqlite")),
                () -> new SqliteDialect(dir.resolve("sqlite").resolve(SqliteStore.FILE_NAME)).open()));
        DatabaseSettings postgres = PostgresServer.shared().newDatabase();
        rows.add(run("PostgreSQL", postgres, () -> DriverManager.getConnection(postgres.url(), postgres.user(),
                postgres.password())));
        System.out.printf("%n%d mutations in pushes of %d, in %d rounds alternating with raw (after %d of each to warm up);"
                + " raw = the same rows, batched, one transaction per %d%n", ROUNDS * PER_ROUND, BATCH, ROUNDS, WARM_UP, BATCH);
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
        try (SyncWorld world = new SyncWorld(database); Connection connection = connector.open()) {
            SyncWorld.Phone coach = world.coach("Bench Coach");
            UUID participant = world.newId();
            coach.push(coach.newParticipant(participant, "Bench"));
            pushContacts(coach, contacts(world, coach, participant, WARM_UP));
            List<String[]> template = template(connection);
            insertRaw(connection, template, WARM_UP);
            long pushNanos = 0;
            long rawNanos = 0;
            double lowest = Double.MAX_VALUE;
            double highest = 0;
            for (int round = 0; round < ROUNDS; round++) {
                List<List<Mutation>> batches = contacts(world, coach, participant, PER_ROUND);
                long start = System.nanoTime();
                pushContacts(coach, batches);
                long push = System.nanoTime() - start;
                start = System.nanoTime();
                insertRaw(connection, template, PER_ROUND);
                long raw = System.nanoTime() - start;
                pushNanos += push;
                rawNanos += raw;
                lowest = Math.min(lowest, (double) raw / push);
                highest = Math.max(highest, (double) raw / push);
            }
            double push = ROUNDS * PER_ROUND / (pushNanos / 1e9);
            double raw = ROUNDS * PER_ROUND / (rawNanos / 1e9);
            System.out.printf(Locale.ROOT, "%s: push / raw per round from %.2f to %.2f%n", name, lowest, highest);
            return String.format(Locale.ROOT, "| %s | %,.0f | %,.0f | %.2f |", name, push, raw, push / raw);
        }
    }

    /** New contacts of the participant in batches of {@value #BATCH}, made before any clock starts. */
    private static List<List<Mutation>> contacts(SyncWorld world, SyncWorld.Phone coach, UUID participant, int count) {
        List<List<Mutation>> batches = new ArrayList<>();
        for (int done = 0; done < count; done += BATCH) {
            List<Mutation> batch = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                batch.add(coach.create(RecordType.CONTACT, world.newId(), participant,
                        "{\"minutes\":" + (1 + (done + i) % 120) + ",\"notes\":\"Gesprek over werk en taal\"}"));
            }
            batches.add(batch);
        }
        return batches;
    }

    private static void pushContacts(SyncWorld.Phone coach, List<List<Mutation>> batches) {
        for (List<Mutation> batch : batches) {
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
        if (rows.isEmpty()) {
            throw new IllegalStateException("no pushed contact to model the raw rows on");
        }
        return rows;
    }

    private static long rawVersion = 1_000_000_000L;

    /** Inserts in transactions of {@value #BATCH} rows; between calls the connection holds no transaction (and no lock). */
    private static void insertRaw(Connection connection, List<String[]> template, int count) throws SQLException {
        String[] row = template.get(0);
        connection.setAutoCommit(false);
        try (PreparedStatement records = connection.prepareStatement("INSERT INTO records"
                + " (id, type, participant_id, version, state, fields_json, stamps_json) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement applied = connection.prepareStatement("INSERT INTO applied_mutations"
                     + " (mutation_id, device_id, seq, payload_hash, participant_id, result_json) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int done = 0; done < count; done += BATCH) {
                for (int i = 0; i < BATCH; i++) {
                    long version = ++rawVersion;
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
        } finally {
            connection.setAutoCommit(true);
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
