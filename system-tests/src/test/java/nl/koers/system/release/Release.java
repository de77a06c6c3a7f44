package nl.koers.system.release;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The release archive unpacked in a directory and run as an IT volunteer runs it: {@code bin/koers-server}
 * with nothing but a Java runtime ({@code JAVA_HOME}) and the system's own {@code PATH}, in an
 * environment of its own (none of the build's variables).
 */
final class Release {

    /** What a command printed (standard output and error together) and how it ended. */
    record Result(int exit, String output) {
    }

    private final Path home;
    private final Path javaHome;

    private Release(Path home, Path javaHome) {
        this.home = home;
        this.javaHome = javaHome;
    }

    /** Unpacks the archive into {@code dir} with tar and finds its one top directory. */
    static Release unpack(Path archive, Path dir, Path javaHome) {
        Result tar = exec(List.of("tar", "-xzf", archive.toString(), "-C", dir.toString()), dir, Map.of());
        assertEquals(0, tar.exit(), tar.output());
        try (var entries = Files.list(dir)) {
            List<Path> tops = entries.filter(Files::isDirectory).toList();
            assertEquals(1, tops.size(), "the archive has one top directory: " + tops);
            return new Release(tops.getFirst(), javaHome);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A minimal Java runtime made with jlink from the JDK that runs the test: no compiler, no tools. */
    static Path jre(Path target) {
        Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
        Result made = exec(List.of(jlink.toString(), "--add-modules",
                "java.se,jdk.unsupported,jdk.management,jdk.crypto.ec,jdk.charsets,jdk.zipfs,jdk.localedata",
                "--include-locales=en,nl", "--strip-debug", "--no-header-files", "--no-man-pages",
                "--output", target.toString()), target.getParent(), Map.of());
        assertEquals(0, made.exit(), made.output());
        return target;
    }

    Path home() {
        return home;
    }

    /** Runs {@code bin/koers-server} with the arguments to its end; its output and exit code. */
    Result run(Map<String, String> env, String... args) {
        return exec(command(args), home, environment(env));
    }

    /** Starts {@code bin/koers-server} with the arguments; its output goes to {@code log}. */
    Process start(Map<String, String> env, Path log, String... args) {
        ProcessBuilder builder = new ProcessBuilder(command(args)).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment(env));
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin").resolve("koers-server").toString()));
        command.addAll(List.of(args));
        return command;
    }

    private Map<String, String> environment(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", javaHome.toString(),
                "HOME", home.toString(), "LANG", "C.UTF-8"));
        all.putAll(env);
        return all;
    }

    private static Result exec(List<String> command, Path dir, Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        if (!env.isEmpty()) {
            builder.environment().clear();
            builder.environment().putAll(env);
        }
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not end within 120 s");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
