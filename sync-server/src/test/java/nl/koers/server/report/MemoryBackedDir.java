package nl.koers.server.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary data directory in shared memory where the system has one (Linux), so that report
 * fixtures of thousands of synced records do not wait for a disk flush per commit; elsewhere a
 * plain temporary directory. The store is the same; only the medium differs.
 */
final class MemoryBackedDir implements AutoCloseable {

    private static final Path SHARED_MEMORY = Path.of("/dev/shm");

    final Path path;

    MemoryBackedDir() {
        try {
            path = Files.isDirectory(SHARED_MEMORY) && Files.isWritable(SHARED_MEMORY)
                    ? Files.createTempDirectory(SHARED_MEMORY, "koers-report-")
                    : Files.createTempDirectory("koers-report-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
