package nl.koers.app.views;

import javafx.scene.Parent;

/** A loaded screen: its node tree and its presenter. */
public record View<P extends Presenter>(Parent root, P presenter) {
}
