package nl.koers.app.views;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The card every list in the app is made of: a title, a badge, a few lines, tappable as a whole. */
public final class Cards {

    private Cards() {
    }

    /**
     * @param badge      short text at the right of the title (empty for none)
     * @param badgeStyle extra style class of the badge: {@code overdue}, {@code calm} or empty
     * @param onTap      what a tap does; null for a card that only informs
     */
    public static VBox card(String id, String title, String badge, String badgeStyle, List<String> lines, Runnable onTap) {
        Label heading = new Label(title);
        heading.getStyleClass().add("card-title");
        heading.setWrapText(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, heading, gap);
        top.setAlignment(Pos.CENTER_LEFT);
        if (!badge.isEmpty()) {
            Label tag = new Label(badge);
            tag.getStyleClass().add("badge");
            if (!badgeStyle.isEmpty()) {
                tag.getStyleClass().add(badgeStyle);
            }
            tag.setMinWidth(Region.USE_PREF_SIZE);
            top.getChildren().add(tag);
        }
        VBox card = new VBox(top);
        card.getStyleClass().add("card");
        card.setId(id);
        for (String line : lines) {
            Label text = new Label(line);
            text.getStyleClass().add("card-line");
            text.setWrapText(true);
            card.getChildren().add(text);
        }
        if (onTap != null) {
            card.getStyleClass().add("tap-card");
            card.setOnMouseClicked(event -> onTap.run());
        }
        return card;
    }

    /** A small heading above a group of cards. */
    public static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }
}
