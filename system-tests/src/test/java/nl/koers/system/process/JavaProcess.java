package nl.koers.system.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started from the test's own class path, its output appended to a log file; it can be
 * killed as {@code kill -9} does (no shutdown hook, nothing closed). It runs its main class
 * through {@link WithParent}, so it never outlives the test's JVM.
 */
final class JavaProcess {

    private final Process process;

    private JavaProcess(Process process) {
        this.process = process;
    }

    /** Starts {@code mainClass} with the system properties and arguments; output goes to {@code log}. */
    static JavaProcess start(String mainClass, List<String> properties, List<String> arguments, Path log) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow(
                () -> new IllegalStateException("cannot tell which java runs this test")));
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(classPath());
        properties.forEach(property -> command.add("-D" + property));
        command.add(WithParent.class.getName());
        command.add(mainClass);
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            return new JavaProcess(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + mainClass, e);
        }
    }

    /**
     * The test's own class path holds the server, the app and their dependencies. Surefire runs
     * tests from a manifest-only jar whose manifest names every entry; it also publishes the full
     * class path.
     */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the process with SIGKILL and waits until it is gone. */
    void kill() {
        process.destroyForcibly();
        if (!waitFor(10)) {
            throw new IllegalStateException("the process did not end after SIGKILL");
        }
    }

    /** Waits at most the given seconds for the process to end; whether it ended. */
    boolean waitFor(long seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a process to end", e);
        }
    }

    int exitValue() {
        return process.exitValue();
    }
}
