package nl.koers.system.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Run directories for simulations: in memory-backed /dev/shm where the machine has it (fsync is then cheap). */
final class SimFiles {

    private SimFiles() {
    }

    static Path newRunDirectory(String prefix) throws IOException {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm)
                ? Files.createTempDirectory(shm, "koers-" + prefix)
                : Files.createTempDirectory("koers-" + prefix);
    }

    static void delete(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
