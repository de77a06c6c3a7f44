package nl.koers.app.views.shell;

import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.StackPane;
import nl.koers.app.AppContext;
import nl.koers.app.views.Navigator;

/**
 * The scene's root: holds the shell and builds it again in the new language when the coach
 * switches (landing on the settings screen where they switched), when the app locks (the old
 * screens and what they showed are taken down; the new shell shows only the lock screen) and when
 * it is unlocked (landing on Today). Every tap, touch, scroll or key press counts as use for the
 * inactivity lock.
 */
public final class AppRoot extends StackPane {

    private final AppContext context;
    private ShellPresenter shell;

    public AppRoot(AppContext context) {
        this.context = context;
        getStylesheets().add(AppRoot.class.getResource("/nl/koers/app/views/koers.css").toExternalForm());
        getStyleClass().add("app-root");
        mount(Navigator.Tab.TODAY);
        context.languageProperty().addListener((observable, before, after) -> mount(Navigator.Tab.SETTINGS));
        context.lock().lockedProperty().addListener((observable, was, locked) -> mount(Navigator.Tab.TODAY));
        addEventFilter(MouseEvent.MOUSE_PRESSED, event -> context.lock().touched());
        addEventFilter(TouchEvent.TOUCH_PRESSED, event -> context.lock().touched());
        addEventFilter(ScrollEvent.SCROLL, event -> context.lock().touched());
        addEventFilter(KeyEvent.KEY_PRESSED, event -> context.lock().touched());
    }

    private void mount(Navigator.Tab tab) {
        if (shell != null) {
            shell.dispose();
        }
        shell = ShellPresenter.load(context);
        getChildren().setAll(shell.root());
        shell.home(tab);
    }

    public ShellPresenter shell() {
        return shell;
    }
}
