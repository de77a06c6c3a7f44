package nl.koers.app.testing;

import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import org.testfx.api.FxRobot;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A coach's thumb on the real UI, counting what it costs: every tap is one interaction, every
 * typed character one more, and every swipe needed to bring a control into view one more.
 */
public final class CoachHands {

    private final FxRobot robot;
    private int interactions;

    public CoachHands(FxRobot robot) {
        this.robot = robot;
    }

    /** Taps the control with this id. */
    public CoachHands tap(String id) {
        Node node = find(id);
        swipeIntoView(node);
        robot.clickOn(node, Motion.DIRECT);
        interactions++;
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Taps a field and types into it. */
    public CoachHands type(String id, String text) {
        tap(id);
        robot.write(text);
        interactions += text.length();
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    public int interactions() {
        return interactions;
    }

    /** The visible node with this id; fails if it is not on screen. */
    public Node find(String id) {
        return robot.lookup("#" + id).queryAll().stream().filter(Node::isVisible).findFirst()
                .orElseThrow(() -> new AssertionError("nothing with id " + id + " on screen"));
    }

    private void swipeIntoView(Node node) {
        Optional<ScrollPane> pane = scrollPaneOf(node);
        if (pane.isEmpty()) {
            return;
        }
        ScrollPane scroll = pane.get();
        Bounds inView = scroll.getViewportBounds();
        Bounds nodeInContent = scroll.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double contentHeight = scroll.getContent().getBoundsInLocal().getHeight();
        double hidden = contentHeight - inView.getHeight();
        if (hidden <= 0) {
            return;
        }
        double top = scroll.getVvalue() * hidden;
        if (nodeInContent.getMinY() >= top && nodeInContent.getMaxY() <= top + inView.getHeight()) {
            return;
        }
        double target = Math.max(0, Math.min(hidden, nodeInContent.getMinY() - inView.getHeight() / 3));
        robot.interact(() -> scroll.setVvalue(target / hidden));
        interactions++;
    }

    private static Optional<ScrollPane> scrollPaneOf(Node node) {
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane scroll) {
                return Optional.of(scroll);
            }
        }
        return Optional.empty();
    }
}
