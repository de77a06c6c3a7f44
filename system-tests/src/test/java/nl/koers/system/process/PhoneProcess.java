package nl.koers.system.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * A {@link PhoneWorker} as a separate JVM on its own data directory. It can be killed with
 * SIGKILL and started again on the same files; every start gets a fresh seed so new record ids
 * never repeat. What it printed is read back from {@code phone.log} in its directory.
 */
final class PhoneProcess {

    private final String name;
    private final Path home;
    private final String serverUrl;
    private final UUID project;
    private final long seed;
    private final int changes;
    private JavaProcess process;
    private int starts;

    PhoneProcess(String name, Path home, String serverUrl, UUID project, long seed, int changes) {
        this.name = name;
        this.home = home;
        this.serverUrl = serverUrl;
        this.project = project;
        this.seed = seed;
        this.changes = changes;
    }

    void start() {
        starts++;
        process = JavaProcess.start(PhoneWorker.class.getName(), List.of(), List.of(home.toString(), serverUrl,
                project.toString(), Long.toString(seed * 31 + starts), Integer.toString(changes)), log());
    }

    /** Kills it as {@code kill -9} does and starts it again on the same store; it must still be working. */
    void killAndRestart() {
        if (!process.isAlive()) {
            throw new AssertionError(name + " ended before it was told to stop:\n" + String.join("\n", lines()));
        }
        process.kill();
        start();
    }

    /** Tells the worker to finish once it has made its changes; waits for it; fails with its log if it ended any other way. */
    void stopAndAwait(long seconds) {
        try {
            Files.writeString(home.resolve(PhoneWorker.STOP_FILE), "stop");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot tell " + name + " to stop", e);
        }
        if (!process.waitFor(seconds)) {
            process.kill();
            throw new AssertionError(name + " did not finish within " + seconds + " s; see " + log());
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(name + " failed with exit code " + process.exitValue() + ":\n" + String.join("\n", lines()));
        }
    }

    /** The values of the complete lines {@code <kind> <value>} the worker printed, over all its starts. */
    List<String> printed(String kind) {
        String prefix = kind + " ";
        return lines().stream().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length())).toList();
    }

    /** Only lines ended by a newline: a kill may cut the last one short. */
    private List<String> lines() {
        try {
            String text = Files.readString(log(), StandardCharsets.UTF_8);
            return text.substring(0, text.lastIndexOf('\n') + 1).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log(), e);
        }
    }

    private Path log() {
        return home.resolve("phone.log");
    }

    @Override
    public String toString() {
        return name;
    }
}
