package nl.koers.app.views.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import nl.koers.app.AppContext;
import nl.koers.app.views.Navigator;
import nl.koers.app.views.Presenter;
import nl.koers.app.views.Texts;
import nl.koers.app.views.View;
import nl.koers.app.views.Views;
import nl.koers.app.views.caseload.CaseloadPresenter;
import nl.koers.app.views.lock.LockPresenter;
import nl.koers.app.views.pairing.PairingPresenter;
import nl.koers.app.views.settings.SettingsPresenter;
import nl.koers.app.views.sync.SyncPresenter;
import nl.koers.app.views.today.TodayPresenter;

/**
 * The frame around every screen: a title bar with back and the sync state, the screen, and the
 * tab bar. It keeps the stack of open screens and is the app's {@link Navigator}. A locked app
 * sees only the lock screen, an unpaired device only the pairing screen.
 */
public final class ShellPresenter implements Navigator {

    private static final Map<Tab, Class<? extends Presenter>> TAB_SCREENS = Map.of(
            Tab.TODAY, TodayPresenter.class, Tab.CASELOAD, CaseloadPresenter.class,
            Tab.SYNC, SyncPresenter.class, Tab.SETTINGS, SettingsPresenter.class);

    private final AppContext context;
    private final Views views;
    private final Texts texts;
    private final Deque<View<?>> stack = new ArrayDeque<>();
    private final InvalidationListener syncChanged = observable -> showSyncState();
    private final InvalidationListener roundDone = observable -> refreshCurrent();
    private Parent root;

    @FXML private HBox tabBar;
    @FXML private Button backButton;
    @FXML private Label title;
    @FXML private Button syncChip;
    @FXML private StackPane content;
    @FXML private ToggleButton todayTab;
    @FXML private ToggleButton caseloadTab;
    @FXML private ToggleButton syncTab;
    @FXML private ToggleButton settingsTab;

    private ShellPresenter(AppContext context) {
        this.context = context;
        this.views = new Views(context, this);
        this.texts = new Texts(Views.bundleOf(ShellPresenter.class, context.locale()), context.locale(), context.zone());
    }

    /** Loads the shell in the context's language. */
    public static ShellPresenter load(AppContext context) {
        ShellPresenter shell = new ShellPresenter(context);
        FXMLLoader loader = new FXMLLoader(ShellPresenter.class.getResource("shell.fxml"), shell.texts.bundle());
        loader.setController(shell);
        try {
            shell.root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the shell", e);
        }
        shell.root.getStylesheets().add(ShellPresenter.class.getResource("shell.css").toExternalForm());
        context.sync().pendingProperty().addListener(shell.syncChanged);
        context.sync().runningProperty().addListener(shell.syncChanged);
        context.sync().lastReportProperty().addListener(shell.roundDone);
        shell.showSyncState();
        return shell;
    }

    public Parent root() {
        return root;
    }

    /** The presenter of the screen on top. */
    public Presenter current() {
        return stack.isEmpty() ? null : stack.peek().presenter();
    }

    /** Stops listening to the app; the shell is being replaced (another language) or closed. */
    public void dispose() {
        leaveCurrent();
        context.sync().pendingProperty().removeListener(syncChanged);
        context.sync().runningProperty().removeListener(syncChanged);
        context.sync().lastReportProperty().removeListener(roundDone);
    }

    @Override
    public <P extends Presenter> P open(Class<P> screen, Consumer<P> setup) {
        leaveCurrent();
        View<P> view = views.load(screen);
        setup.accept(view.presenter());
        stack.push(view);
        show();
        return view.presenter();
    }

    @Override
    public void back() {
        if (stack.size() > 1) {
            leaveCurrent();
            stack.pop();
            show();
        }
    }

    @Override
    public void home(Tab tab) {
        leaveCurrent();
        stack.clear();
        boolean locked = context.lock().isLocked();
        boolean paired = !locked && context.store().pairing().isPresent();
        tabBar.setVisible(paired);
        tabBar.setManaged(paired);
        syncChip.setVisible(paired);
        if (locked) {
            stack.push(views.load(LockPresenter.class));
        } else if (!paired) {
            stack.push(views.load(PairingPresenter.class));
        } else {
            stack.push(views.load(TAB_SCREENS.get(tab)));
            Map.of(Tab.TODAY, todayTab, Tab.CASELOAD, caseloadTab, Tab.SYNC, syncTab, Tab.SETTINGS, settingsTab)
                    .get(tab).setSelected(true);
        }
        show();
    }

    private void show() {
        View<?> top = stack.peek();
        top.presenter().refresh();
        content.getChildren().setAll(top.root());
        title.setText(top.presenter().title());
        backButton.setVisible(stack.size() > 1);
        backButton.setManaged(stack.size() > 1);
    }

    private void refreshCurrent() {
        if (!stack.isEmpty()) {
            stack.peek().presenter().refresh();
            title.setText(stack.peek().presenter().title());
        }
    }

    private void leaveCurrent() {
        if (!stack.isEmpty()) {
            stack.peek().presenter().leave();
        }
    }

    private void showSyncState() {
        long pending = context.sync().pendingProperty().get();
        syncChip.getStyleClass().remove("waiting");
        if (context.sync().runningProperty().get()) {
            syncChip.setText(texts.get("sync.running"));
        } else if (pending == 0) {
            syncChip.setText(texts.get("sync.allSent"));
        } else {
            syncChip.setText(texts.format("sync.waiting", pending));
            syncChip.getStyleClass().add("waiting");
        }
    }

    @FXML
    private void goBack() {
        back();
    }

    @FXML
    private void openSync() {
        home(Tab.SYNC);
    }

    @FXML
    private void showToday() {
        home(Tab.TODAY);
    }

    @FXML
    private void showCaseload() {
        home(Tab.CASELOAD);
    }

    @FXML
    private void showSync() {
        home(Tab.SYNC);
    }

    @FXML
    private void showSettings() {
        home(Tab.SETTINGS);
    }
}
