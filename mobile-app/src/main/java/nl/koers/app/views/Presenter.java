package nl.koers.app.views;

/**
 * A screen's presenter: it reads and writes through the services, fills its view (FXML beside it)
 * and holds no state the store does not have.
 */
public interface Presenter {

    /** The title the shell shows above the screen. */
    String title();

    /** Reads the store again; called when the screen is shown and after each sync. */
    void refresh();

    /** The screen is left (back, another tab, the app stops): commit what is typed. */
    default void leave() {
    }
}
