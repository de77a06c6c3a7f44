package nl.koers.system.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Writes every log record of this JVM (server and app alike, down to {@code FINEST}) to a file
 * while it is open, so a test can look for personal data in the logs.
 */
final class LogCapture implements AutoCloseable {

    private final Logger root = Logger.getLogger("");
    private final Level before = root.getLevel();
    private final FileHandler handler;

    private LogCapture(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        handler = new FileHandler(file.toString());
        handler.setFormatter(new SimpleFormatter());
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        root.setLevel(Level.ALL);
    }

    static LogCapture everythingTo(Path file) {
        try {
            return new LogCapture(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot log to " + file, e);
        }
    }

    @Override
    public void close() {
        root.setLevel(before);
        root.removeHandler(handler);
        handler.close();
    }
}
