package nl.koers.server.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * Brings a database to the current schema by running the versioned scripts in
 * {@code db/migration} that it has not run yet, each in its own transaction, and records each
 * applied version in {@code schema_migrations}. A database that a newer Koers has migrated is
 * refused: a downgrade is a restore of a backup made before the upgrade.
 */
final class Migrator {

    /** Every migration, oldest first. A released migration is never edited; add a new one. */
    static final List<String> MIGRATIONS = List.of("V1__initial_schema.sql", "V2__dashboard_passwords.sql",
            "V3__audit_log.sql", "V4__admin_tokens.sql", "V5__auth_attempts.sql", "V6__web_sessions.sql",
            "V7__sync_edges.sql");

    private final Dialect dialect;

    Migrator(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Runs the missing migrations; returns the schema version now in place. Each step runs under
     * the dialect's write lock and reads the applied version inside it, so that several servers
     * starting at once over one database migrate it once.
     */
    int migrate(Connection connection, long now) throws SQLException {
        while (true) {
            dialect.beginWrite(connection);
            try {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                            + "version INTEGER PRIMARY KEY, script VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)");
                }
                int current = appliedVersion(connection);
                refuseNewer(current);
                String next = MIGRATIONS.stream().filter(script -> versionOf(script) > current).findFirst().orElse(null);
                if (next == null) {
                    dialect.commit(connection);
                    return current;
                }
                apply(connection, next, now);
                dialect.commit(connection);
            } catch (SQLException | RuntimeException e) {
                dialect.rollback(connection);
                throw e;
            }
        }
    }

    /** A database a newer Koers has migrated is not opened: this one cannot know what its schema means. */
    private static void refuseNewer(int applied) {
        int known = MIGRATIONS.stream().mapToInt(Migrator::versionOf).max().orElse(0);
        if (applied > known) {
            throw new IllegalStateException("the database is at schema version " + applied + ", newer than this Koers"
                    + " knows (" + known + "): a newer Koers has used it. Run that version again, or restore a backup"
                    + " made before the upgrade (docs/OPERATIONS.md, Upgrade)");
        }
    }

    private static void apply(Connection connection, String script, long now) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(load(script))) {
                statement.execute(sql);
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO schema_migrations (version, script, applied_at) VALUES (?, ?, ?)")) {
            insert.setInt(1, versionOf(script));
            insert.setString(2, script);
            insert.setLong(3, now);
            insert.executeUpdate();
        }
    }

    private static int appliedVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static int versionOf(String script) {
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }

    /** Splits a script into statements; comment lines are dropped, statements end with ';'. */
    static List<String> statements(String script) {
        String withoutComments = script.lines()
                .filter(line -> !line.strip().startsWith("--"))
                .reduce("", (a, b) -> a + b + "\n");
        return Arrays.stream(withoutComments.split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String load(String script) {
        try (InputStream in = Migrator.class.getResourceAsStream("/db/migration/" + script)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from the build: " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
