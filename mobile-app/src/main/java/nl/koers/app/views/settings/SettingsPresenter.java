package nl.koers.app.views.settings;

import java.util.Locale;
import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import nl.koers.app.AppContext;
import nl.koers.app.platform.AppPreferences;
import nl.koers.app.views.Navigator;
import nl.koers.app.views.Presenter;
import nl.koers.app.views.Texts;

/** Settings: the language of the app, the server this device is paired with, and about Koers. */
public final class SettingsPresenter implements Presenter {

    private final AppContext context;
    private Texts texts;

    @FXML private ResourceBundle resources;
    @FXML private ToggleButton dutch;
    @FXML private ToggleButton english;
    @FXML private Label server;
    @FXML private Label device;

    public SettingsPresenter(AppContext context, Navigator navigator) {
        this.context = context;
    }

    @FXML
    private void initialize() {
        texts = new Texts(resources, context.locale(), context.zone());
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
        context.store().pairing().ifPresent(pairing -> {
            server.setText(texts.format("server.paired", pairing.serverUrl()));
            device.setText(texts.format("device.id", pairing.deviceId()));
        });
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
