package nl.koers.server.store.postgres;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import nl.koers.server.store.StoreFailure;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A logical backup of a Koers PostgreSQL database: a ZIP file with one entry per table,
 * {@code <table>.copy}, holding the table's rows in PostgreSQL's {@code COPY} text format, written
 * from one snapshot with parents before children (foreign keys). No PostgreSQL tools are needed
 * on the server. Restoring loads every table except the store's lifetime tables
 * ({@code server_meta}: the epoch, {@code feed_counter}: the feed clock), which the restore keeps,
 * so feed positions are never handed out twice.
 */
final class PostgresBackup {

    private static final String SUFFIX = ".copy";
    private static final String MIGRATIONS = "schema_migrations";
    private static final Set<String> LIFETIME_TABLES = Set.of("server_meta", "feed_counter");

    private PostgresBackup() {
    }

    /** Writes every table from the connection's current snapshot. */
    static void write(Connection connection, Path target) throws SQLException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try (OutputStream file = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW);
             ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(file))) {
            for (String table : tablesParentsFirst(connection)) {
                zip.putNextEntry(new ZipEntry(table + SUFFIX));
                copy.copyOut("COPY " + quote(table) + " TO STDOUT", zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backup " + target, e);
        }
    }

    /**
     * Replaces the data tables' rows with the backup's, inside the caller's write transaction.
     * The backup must be of this schema version.
     */
    static void load(Connection connection, Path source) throws SQLException {
        List<String> tables = tablesParentsFirst(connection);
        List<String> data = tables.stream().filter(t -> !LIFETIME_TABLES.contains(t) && !t.equals(MIGRATIONS)).toList();
        checkSchemaVersion(connection, source);
        try (Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE " + String.join(", ", data.stream().map(PostgresBackup::quote).toList()));
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        Set<String> loaded = new TreeSet<>();
        try (ZipInputStream zip = open(source)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String table = tableOf(entry);
                if (data.contains(table)) {
                    copy.copyIn("COPY " + quote(table) + " FROM STDIN", zip);
                    loaded.add(table);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the backup " + source, e);
        }
        if (!loaded.equals(new TreeSet<>(data))) {
            throw new StoreFailure("backup " + source + " lacks tables; it holds " + loaded + ", expected " + data, null);
        }
    }

    private static void checkSchemaVersion(Connection connection, Path source) throws SQLException {
        String current;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM " + MIGRATIONS)) {
            rs.next();
            current = Integer.toString(rs.getInt(1));
        }
        String backup = null;
        try (ZipInputStream zip = open(source)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (tableOf(entry).equals(MIGRATIONS)) {
                    backup = highestVersion(zip);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the backup " + source, e);
        }
        if (!current.equals(backup)) {
            throw new StoreFailure("backup " + source + " is of schema version " + backup + ", this store of version "
                    + current + "; restore it with the server version that wrote it", null);
        }
    }

    /** The highest version in a {@code schema_migrations} entry (tab-separated, version first). */
    private static String highestVersion(InputStream entry) throws IOException {
        String text = new String(entry.readAllBytes(), StandardCharsets.UTF_8);
        return text.lines().map(line -> Integer.parseInt(line.substring(0, line.indexOf('\t'))))
                .max(Integer::compare).map(String::valueOf).orElse("0");
    }

    private static ZipInputStream open(Path source) throws IOException {
        return new ZipInputStream(new BufferedInputStream(Files.newInputStream(source)));
    }

    private static String tableOf(ZipEntry entry) {
        String name = entry.getName();
        return name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
    }

    /** The schema's tables, every table after the tables its foreign keys point to. */
    private static List<String> tablesParentsFirst(Connection connection) throws SQLException {
        Map<String, Set<String>> parents = new HashMap<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT c.relname FROM pg_class c"
                    + " WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' ORDER BY c.relname")) {
                while (rs.next()) {
                    parents.put(rs.getString(1), new TreeSet<>());
                }
            }
            try (ResultSet rs = statement.executeQuery("SELECT child.relname, parent.relname FROM pg_constraint k"
                    + " JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid"
                    + " WHERE k.contype = 'f' AND child.relnamespace = current_schema()::regnamespace")) {
                while (rs.next()) {
                    parents.get(rs.getString(1)).add(rs.getString(2));
                }
            }
        }
        Set<String> ordered = new LinkedHashSet<>();
        new TreeSet<>(parents.keySet()).forEach(table -> visit(table, parents, ordered));
        return new ArrayList<>(ordered);
    }

    private static void visit(String table, Map<String, Set<String>> parents, Set<String> ordered) {
        if (ordered.contains(table)) {
            return;
        }
        for (String parent : parents.get(table)) {
            if (!parent.equals(table)) {
                visit(parent, parents, ordered);
            }
        }
        ordered.add(table);
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
