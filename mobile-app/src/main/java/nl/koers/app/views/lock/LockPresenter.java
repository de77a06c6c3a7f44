package nl.koers.app.views.lock;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import nl.koers.app.AppContext;
import nl.koers.app.security.PinRules;
import nl.koers.app.security.UnlockResult;
import nl.koers.app.views.Navigator;
import nl.koers.app.views.Presenter;
import nl.koers.app.views.Texts;

/**
 * The PIN screen, in three uses: choosing the PIN on first use (typed twice), unlocking on every
 * later start and after the app locked itself, and changing the PIN from Settings (the current one,
 * then the new one twice). A PIN pad for the thumb; the field also takes a passphrase from the
 * keyboard. Deriving the key takes a moment, so it runs off the JavaFX thread.
 */
public final class LockPresenter implements Presenter {

    private enum Step { CURRENT, NEW, REPEAT }

    private static final String[] PAD = {"1", "2", "3", "4", "5", "6", "7", "8", "9", null, "0", null};

    private final AppContext context;
    private final Navigator navigator;
    private Texts texts;
    private boolean changing;
    private Step step;
    private char[] current;
    private char[] chosen;

    @FXML private ResourceBundle resources;
    @FXML private Label heading;
    @FXML private Label prompt;
    @FXML private PasswordField pin;
    @FXML private Label message;
    @FXML private GridPane keypad;
    @FXML private Button submitButton;
    @FXML private Label hint;

    public LockPresenter(AppContext context, Navigator navigator) {
        this.context = context;
        this.navigator = navigator;
    }

    @FXML
    private void initialize() {
        texts = new Texts(resources, context.locale(), context.zone());
        for (int i = 0; i < PAD.length; i++) {
            Button key = PAD[i] != null ? digitKey(PAD[i]) : i == PAD.length - 1 ? eraseKey() : null;
            if (key != null) {
                keypad.add(key, i % 3, i / 3);
            }
        }
        step = context.store().hasPin() ? Step.CURRENT : Step.NEW;
        show();
    }

    private Button digitKey(String digit) {
        Button key = new Button(digit);
        key.setId("key-" + digit);
        key.getStyleClass().add("pad-key");
        key.setFocusTraversable(false);
        key.setOnAction(event -> pin.appendText(digit));
        return key;
    }

    private Button eraseKey() {
        Button key = new Button(texts.get("key.erase"));
        key.setId("key-erase");
        key.setAccessibleText(texts.get("key.erase.label"));
        key.getStyleClass().addAll("pad-key", "erase");
        key.setFocusTraversable(false);
        key.setOnAction(event -> {
            if (!pin.getText().isEmpty()) {
                pin.deletePreviousChar();
            }
        });
        return key;
    }

    /** Opens the screen to change the PIN (from Settings) instead of unlocking. */
    public void changePin() {
        changing = true;
        step = Step.CURRENT;
        show();
    }

    @Override
    public String title() {
        return texts.get(changing ? "title.change" : context.store().hasPin() ? "title.locked" : "title.choose");
    }

    @Override
    public void refresh() {
        context.store().pinWaitUntil().ifPresent(until -> showMessage(texts.get("tooMany") + " " + waitText(until)));
        pin.requestFocus();
    }

    @Override
    public void leave() {
        forget();
    }

    private void show() {
        String use = changing ? "change" : step == Step.CURRENT ? "unlock" : "choose";
        heading.setText(texts.get("heading." + use));
        prompt.setText(texts.get("prompt." + step.name().toLowerCase(Locale.ROOT) + (changing ? ".change" : "")));
        submitButton.setText(texts.get(step == Step.CURRENT && !changing ? "unlock" : "next"));
        boolean choosing = step != Step.CURRENT;
        hint.setText(texts.get(choosing ? "rules" : "forgotten"));
        pin.clear();
    }

    @FXML
    private void submit() {
        char[] typed = pin.getText().toCharArray();
        pin.clear();
        if (typed.length == 0) {
            return;
        }
        hideMessage();
        switch (step) {
            case CURRENT -> {
                if (changing) {
                    current = typed;
                    step = Step.NEW;
                    show();
                } else {
                    unlock(typed);
                }
            }
            case NEW -> {
                Optional<PinRules.Problem> problem = PinRules.check(typed);
                if (problem.isPresent()) {
                    Arrays.fill(typed, '\0');
                    showMessage(texts.get("error." + problem.get().name().toLowerCase(Locale.ROOT)));
                    return;
                }
                chosen = typed;
                step = Step.REPEAT;
                show();
            }
            case REPEAT -> {
                if (!Arrays.equals(typed, chosen)) {
                    Arrays.fill(typed, '\0');
                    forgetChosen();
                    step = Step.NEW;
                    show();
                    showMessage(texts.get("error.different"));
                    return;
                }
                Arrays.fill(typed, '\0');
                if (changing) {
                    change();
                } else {
                    choose();
                }
            }
        }
    }

    private void unlock(char[] typed) {
        busy(true);
        context.sync().background(() -> context.store().unlock(typed), result -> {
            Arrays.fill(typed, '\0');
            busy(false);
            if (result instanceof UnlockResult.Unlocked) {
                context.lock().unlocked();
            } else {
                showMessage(refusal(result));
            }
        }, this::failed);
    }

    private void choose() {
        char[] pinToKeep = chosen;
        busy(true);
        context.sync().background(() -> {
            context.store().choosePin(pinToKeep);
            return true;
        }, done -> {
            forget();
            busy(false);
            context.lock().unlocked();
        }, this::failed);
    }

    private void change() {
        char[] old = current;
        char[] next = chosen;
        busy(true);
        context.sync().background(() -> context.store().changePin(old, next), result -> {
            forget();
            step = Step.CURRENT;
            busy(false);
            if (result instanceof UnlockResult.Unlocked) {
                navigator.back();
            } else {
                showMessage(refusal(result));
            }
        }, this::failed);
    }

    private void failed(Exception failure) {
        forget();
        step = changing || context.store().hasPin() ? Step.CURRENT : Step.NEW;
        busy(false);
        showMessage(texts.format("error.failed", failure.getMessage()));
    }

    private String refusal(UnlockResult result) {
        return switch (result) {
            case UnlockResult.WrongPin wrong when wrong.lockedUntil().isPresent() ->
                    texts.get("wrong") + " " + waitText(wrong.lockedUntil().get());
            case UnlockResult.WrongPin wrong -> texts.format("wrong.left", wrong.attemptsLeft());
            case UnlockResult.LockedOut out -> texts.get("tooMany") + " " + waitText(out.until());
            case UnlockResult.Unlocked unlocked -> throw new IllegalArgumentException("not a refusal");
        };
    }

    /** "Probeer het over 5 minuten opnieuw (om 14:35)." */
    private String waitText(Instant until) {
        Duration left = Duration.between(context.now(), until);
        long seconds = Math.max(1, left.toSeconds() + (left.toMillisPart() > 0 ? 1 : 0));
        String amount = seconds < 60 ? texts.format("wait.seconds", seconds)
                : seconds < 3600 ? texts.format("wait.minutes", (seconds + 59) / 60)
                : texts.format("wait.hours", (seconds + 3599) / 3600);
        return texts.format("wait", amount, texts.time(until));
    }

    private void busy(boolean busy) {
        submitButton.setDisable(busy);
        keypad.setDisable(busy);
        pin.setDisable(busy);
        if (busy) {
            submitButton.setText(texts.get("busy"));
        } else {
            show();
        }
    }

    private void showMessage(String text) {
        message.setText(text);
        message.setVisible(true);
        message.setManaged(true);
    }

    private void hideMessage() {
        message.setVisible(false);
        message.setManaged(false);
    }

    private void forgetChosen() {
        if (chosen != null) {
            Arrays.fill(chosen, '\0');
            chosen = null;
        }
    }

    /** Overwrites the PINs this screen holds. */
    private void forget() {
        forgetChosen();
        if (current != null) {
            Arrays.fill(current, '\0');
            current = null;
        }
    }
}
