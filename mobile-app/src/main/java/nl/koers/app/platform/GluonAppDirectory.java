package nl.koers.app.platform;

import com.gluonhq.attach.storage.StorageService;
import java.io.File;

import java.nio.file.Path;

/**
 * The app's private storage as Gluon Attach gives it: the app sandbox on Android and iOS, a
 * directory under {@code ${user.home}/.gluon} on the desktop.
 */
public final class GluonAppDirectory implements AppDirectory {

    @Override
    public Path path() {
        return StorageService.create()
                .flatMap(StorageService::getPrivateStorage)
                .map(File::toPath)
                .orElseThrow(() -> new IllegalStateException("this device offers the app no private storage"));
    }
}
