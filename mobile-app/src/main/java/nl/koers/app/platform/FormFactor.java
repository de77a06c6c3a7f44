package nl.koers.app.platform;

import com.gluonhq.attach.display.DisplayService;
import javafx.geometry.Dimension2D;

/**
 * The size the app lays itself out for. On a phone or tablet the Gluon Attach display service
 * gives the screen; on the desktop the window is phone-sized, so what a coach sees on a laptop is
 * what they see on their phone.
 */
public final class FormFactor {

    /** The reference phone: 360 × 720 logical pixels. */
    public static final Dimension2D PHONE = new Dimension2D(360, 720);

    private FormFactor() {
    }

    public static Dimension2D sceneSize() {
        return DisplayService.create()
                .filter(display -> !display.isDesktop())
                .map(DisplayService::getDefaultDimensions)
                .orElse(PHONE);
    }
}
