package nl.koers.app.views;

import java.util.function.Consumer;

/** How a presenter moves the coach to another screen. */
public interface Navigator {

    /** The top-level screens, one per tab. */
    enum Tab { TODAY, CASELOAD, SYNC, SETTINGS }

    /** Opens a screen on top of the current one; {@code setup} tells it what to show. */
    <P extends Presenter> P open(Class<P> screen, Consumer<P> setup);

    /** Back to the screen below (leaving the current one). */
    void back();

    /** Shows a tab's screen with nothing on top. */
    void home(Tab tab);
}
