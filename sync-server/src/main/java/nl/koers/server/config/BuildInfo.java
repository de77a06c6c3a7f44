package nl.koers.server.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What the build wrote into the server: its version ({@code build.properties}, filtered by Maven). */
public final class BuildInfo {

    private static final String VERSION = load().getProperty("version");

    private BuildInfo() {
    }

    /** Koers's version, such as {@code 0.1.0}. */
    public static String version() {
        return VERSION;
    }

    /** The version line of {@code --version}: Koers's version and the Java runtime it runs on. */
    public static String versionLine() {
        return "Koers " + VERSION + " (Java " + Runtime.version().feature() + ", " + System.getProperty("java.home") + ")";
    }

    private static Properties load() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                throw new IllegalStateException("build.properties is missing from the server's class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
