package nl.koers.app.views.pairing;

import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import nl.koers.app.AppContext;
import nl.koers.app.sync.DevicePairing;
import nl.koers.app.sync.ServerAddress;
import nl.koers.app.views.Navigator;
import nl.koers.app.views.Presenter;
import nl.koers.app.views.Texts;

/** Pairs the device with the project's server using the one-time code from the coordinator. */
public final class PairingPresenter implements Presenter {

    private final AppContext context;
    private final Navigator navigator;
    private Texts texts;

    @FXML private ResourceBundle resources;
    @FXML private TextField code;
    @FXML private TextField server;
    @FXML private TextField deviceName;
    @FXML private Label error;
    @FXML private Button pairButton;

    public PairingPresenter(AppContext context, Navigator navigator) {
        this.context = context;
        this.navigator = navigator;
    }

    @FXML
    private void initialize() {
        texts = new Texts(resources, context.locale(), context.zone());
        server.setText(context.suggestedServer());
        code.setText(context.suggestedCode());
    }

    @Override
    public String title() {
        return texts.get("title");
    }

    @Override
    public void refresh() {
        code.requestFocus();
    }

    @FXML
    private void pair() {
        ServerAddress address;
        try {
            address = ServerAddress.parse(server.getText());
        } catch (IllegalArgumentException e) {
            showError(texts.get("error.address"));
            return;
        }
        if (code.getText().isBlank()) {
            showError(texts.get("error.code"));
            return;
        }
        pairButton.setDisable(true);
        pairButton.setText(texts.get("pairing"));
        String typed = code.getText();
        String name = deviceName.getText().isBlank() ? texts.get("device.default") : deviceName.getText();
        context.sync().background(
                () -> new DevicePairing(context.store()).pair(address, context.services().transportTo(address), typed, name),
                pairing -> {
                    context.sync().syncNow();
                    navigator.home(Navigator.Tab.TODAY);
                },
                failure -> {
                    pairButton.setDisable(false);
                    pairButton.setText(texts.get("pair"));
                    showError(texts.format("error.failed", failure.getMessage()));
                });
    }

    private void showError(String message) {
        error.setText(message);
        error.setVisible(true);
        error.setManaged(true);
    }
}
