package nl.koers.app.platform;

import java.nio.file.Path;

/** The directory where the app keeps its private files (the local database). */
@FunctionalInterface
public interface AppDirectory {

    Path path();
}
