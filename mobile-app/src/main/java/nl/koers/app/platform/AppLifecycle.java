package nl.koers.app.platform;

import com.gluonhq.attach.lifecycle.LifecycleEvent;
import com.gluonhq.attach.lifecycle.LifecycleService;

/** The device's lifecycle through Gluon Attach: what to do when the app comes back to the front. */
public final class AppLifecycle {

    private AppLifecycle() {
    }

    /** Runs {@code action} each time the app resumes; does nothing where no lifecycle service exists. */
    public static void onResume(Runnable action) {
        LifecycleService.create().ifPresent(service -> service.addListener(LifecycleEvent.RESUME, action));
    }
}
