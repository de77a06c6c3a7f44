package nl.koers.app.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Real failures inside the store's transactions, made by SQLite itself: a trigger that aborts the
 * statement the way a full disk or an I/O error would. The store's code is not touched.
 */
public final class SqliteFaults {

    private SqliteFaults() {
    }

    /** Every insert into {@code table} (optionally only where {@code condition} holds) fails. */
    public static void failInserts(Path dataDir, String table, String condition) {
        execute(dataDir, "CREATE TRIGGER fail_" + table + " BEFORE INSERT ON " + table
                + (condition == null ? "" : " WHEN " + condition)
                + " BEGIN SELECT RAISE(ABORT, 'injected fault: disk I/O error'); END");
    }

    public static void heal(Path dataDir, String table) {
        execute(dataDir, "DROP TRIGGER IF EXISTS fail_" + table);
    }

    /** A count straight from the file, past the store. */
    public static long count(Path dataDir, String sql) {
        try (Connection c = DriverManager.getConnection(url(dataDir)); Statement s = c.createStatement()) {
            var rows = s.executeQuery(sql);
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(Path dataDir, String sql) {
        try (Connection c = DriverManager.getConnection(url(dataDir)); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String url(Path dataDir) {
        return "jdbc:sqlite:" + dataDir.resolve("koers.db").toAbsolutePath();
    }
}
