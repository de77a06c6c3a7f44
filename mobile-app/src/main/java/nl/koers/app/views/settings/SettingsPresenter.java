package nl.koers.app.views.settings;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import nl.koers.app.AppContext;
import nl.koers.app.platform.AppPreferences;
import nl.koers.app.views.Navigator;
import nl.koers.app.views.Presenter;
import nl.koers.app.views.Texts;
import nl.koers.app.views.lock.LockPresenter;

/**
 * Settings: the language of the app, when it locks itself and its PIN, the server this device is
 * paired with, and about Koers.
 */
public final class SettingsPresenter implements Presenter {

    private static final List<Integer> LOCK_MINUTES = List.of(1, 2, 5, 10, 15);

    private final AppContext context;
    private final Navigator navigator;
    private Texts texts;

    @FXML private ResourceBundle resources;
    @FXML private ToggleButton dutch;
    @FXML private ToggleButton english;
    @FXML private Label server;
    @FXML private Label device;
    @FXML private HBox lockMinutes;

    public SettingsPresenter(AppContext context, Navigator navigator) {
        this.context = context;
        this.navigator = navigator;
    }

    @FXML
    private void initialize() {
        texts = new Texts(resources, context.locale(), context.zone());
        ToggleGroup group = new ToggleGroup();
        for (int minutes : LOCK_MINUTES) {
            ToggleButton chip = new ToggleButton(Integer.toString(minutes));
            chip.setId("lock-after-" + minutes);
            chip.getStyleClass().add("chip");
            chip.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(chip, Priority.ALWAYS);
            chip.setToggleGroup(group);
            chip.setOnAction(event -> {
                context.preferences().setLockAfter(Duration.ofMinutes(minutes));
                refresh();
            });
            lockMinutes.getChildren().add(chip);
        }
    }

    @Override
    public String title() {
        return texts.get("title");
    }

    @Override
    public void refresh() {
        boolean isEnglish = context.locale().getLanguage().equals(Locale.ENGLISH.getLanguage());
        dutch.setSelected(!isEnglish);
        english.setSelected(isEnglish);
        long chosen = context.preferences().lockAfter().toMinutes();
        for (int i = 0; i < LOCK_MINUTES.size(); i++) {
            ((ToggleButton) lockMinutes.getChildren().get(i)).setSelected(LOCK_MINUTES.get(i) == chosen);
        }
        context.store().pairing().ifPresent(pairing -> {
            server.setText(texts.format("server.paired", pairing.serverUrl()));
            device.setText(texts.format("device.id", pairing.deviceId()));
        });
    }

    @FXML
    private void changePin() {
        navigator.open(LockPresenter.class, LockPresenter::changePin);
    }

    @FXML
    private void chooseDutch() {
        context.setLanguage(AppPreferences.DUTCH);
    }

    @FXML
    private void chooseEnglish() {
        context.setLanguage(Locale.ENGLISH);
    }
}
