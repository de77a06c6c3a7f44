package nl.koers.app.views.shell;

import javafx.scene.layout.StackPane;
import nl.koers.app.AppContext;
import nl.koers.app.views.Navigator;

/**
 * The scene's root: holds the shell and builds it again in the new language when the coach
 * switches (landing on the settings screen where they switched).
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
