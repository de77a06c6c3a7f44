package nl.koers.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import nl.koers.server.store.DatabaseSettings;

/**
 * A real PostgreSQL server for the tests, started once per JVM from the PostgreSQL binaries
 * installed on this machine ({@code /usr/lib/postgresql/<version>/bin}, Debian's {@code postgresql}
 * package): {@code initdb} into a temporary directory, {@code pg_ctl start} on a free local port
 * with durability switched off (test data only), stopped and deleted when the JVM exits. When run
 * as root, the server runs as the {@code postgres} user (PostgreSQL refuses to run as root). Each
 * test takes a fresh database from {@link #newDatabase}.
 */
public final class PostgresServer {

    private static final Path INSTALLS = Path.of("/usr/lib/postgresql");
    private static final String USER = "koers";
    private static PostgresServer shared;

    private final Path bin;
    private final Path dataDir;
    private final int port;
    private final boolean asPostgresUser;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresServer(Path bin, Path dataDir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The JVM's server, started on first use. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** A new, empty database on the shared server. */
    public DatabaseSettings newDatabase() {
        String name = "koers_test_" + databases.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(url("postgres"), USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        return DatabaseSettings.postgres(url(name), USER, "");
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static PostgresServer start() {
        Path bin = findBinaries();
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            Path dataDir = Files.createTempDirectory("koers-pg-");
            if (root) {
                UserPrincipal postgres = dataDir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
                Files.setOwner(dataDir, postgres);
            }
            int port = freePort();
            PostgresServer server = new PostgresServer(bin, dataDir, port, root);
            server.run("initdb", "-D", dataDir.toString(), "-U", USER, "--auth=trust", "--encoding=UTF8",
                    "--locale=C", "--no-sync");
            server.run("pg_ctl", "-D", dataDir.toString(), "-l", dataDir.resolve("server.log").toString(), "-w",
                    "-t", "60", "-o", "-p " + port + " -k " + dataDir + " -c listen_addresses=127.0.0.1"
                            + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                    "start");
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "koers-test-postgres-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test PostgreSQL server", e);
        }
    }

    private void stop() {
        try {
            run("pg_ctl", "-D", dataDir.toString(), "-m", "immediate", "-w", "stop");
        } finally {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // the JVM is exiting; a leftover temporary directory is harmless
            }
        }
    }

    private static Path findBinaries() {
        try (Stream<Path> versions = Files.isDirectory(INSTALLS) ? Files.list(INSTALLS) : Stream.empty()) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().split("\\.")[0])))
                    .orElseThrow(() -> new IllegalStateException("The PostgreSQL tests need a PostgreSQL server"
                            + " installation (initdb and pg_ctl under " + INSTALLS + "/<version>/bin) and found none."
                            + " Install it, e.g. 'apt-get install postgresql' on Debian or Ubuntu."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Runs one of the server's tools (as the postgres user when we are root); fails with its output. */
    private void run(String tool, String... args) {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        try {
            Path output = Files.createTempFile("koers-pg-tool-", ".log");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(tool + " did not finish within 120 s: " + command);
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(tool + " failed (exit " + process.exitValue() + "): " + command
                            + "\n" + Files.readString(output));
                }
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + tool, e);
        }
    }
}
