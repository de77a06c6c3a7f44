package nl.koers.system.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The real sync server ({@code nl.koers.server.Main}) as a separate JVM on a SQLite data
 * directory and a fixed local port, so that it can be killed with SIGKILL and started again on
 * the same files and address. Its output goes to {@code server.log} in the data directory.
 */
final class ServerProcess implements AutoCloseable {

    /** Generous: a JVM takes 20 s and more to start on a loaded 2-core machine. */
    private static final Duration START_LIMIT = Duration.ofSeconds(90);

    private final Path dataDir;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private JavaProcess process;
    private int starts;

    private ServerProcess(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Starts a server on a free local port and waits until it answers its health check. */
    static ServerProcess start(Path dataDir) {
        ServerProcess server = new ServerProcess(dataDir, freePort());
        server.restart();
        return server;
    }

    String url() {
        return "http://localhost:" + port;
    }

    int starts() {
        return starts;
    }

    /** Kills the server at once, as {@code kill -9} does: no shutdown hook, no clean close of the store. */
    void kill() {
        process.kill();
    }

    /** Starts the server again on the same data directory and port; waits until it is healthy. */
    void restart() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the server is still running");
        }
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (true) {
            process = launch();
            starts++;
            if (awaitHealthy(deadline)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                kill();
                throw new IllegalStateException("the server did not become healthy within " + START_LIMIT
                        + "; see " + log());
            }
            // The process ended before it served (the port was not yet free after the kill): try again.
        }
    }

    private JavaProcess launch() {
        return JavaProcess.start("nl.koers.server.Main", List.of("koers.data.dir=" + dataDir, "server.port=" + port,
                "server.host=localhost", "koers.demo.seed=false"), List.of(), log());
    }

    private boolean awaitHealthy(long deadline) {
        HttpRequest health = HttpRequest.newBuilder(URI.create(url() + "/observe/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try {
                int status = http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    return true;
                }
            } catch (ConnectException e) {
                // not listening yet
            } catch (IOException e) {
                // a connection reset while it starts: ask again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the server", e);
            }
            pause(Duration.ofMillis(50));
        }
        return false;
    }

    Path log() {
        return dataDir.resolve("server.log");
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }
}
