package nl.koers.app.views;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import nl.koers.app.AppContext;

/**
 * Loads a screen by the convention of the Gluon samples: presenter {@code views.today.TodayPresenter}
 * has {@code today.fxml}, {@code today.css} and the bundle {@code today.properties} (Dutch) /
 * {@code today_en.properties} beside it. Presenters are built with the app context and the navigator.
 */
public final class Views {

    private final AppContext context;
    private final Navigator navigator;

    public Views(AppContext context, Navigator navigator) {
        this.context = context;
        this.navigator = navigator;
    }

    /** The name of a screen: the last segment of its presenter's package. */
    public static String nameOf(Class<?> presenter) {
        String pkg = presenter.getPackageName();
        return pkg.substring(pkg.lastIndexOf('.') + 1);
    }

    public <P extends Presenter> View<P> load(Class<P> presenter) {
        String name = nameOf(presenter);
        URL fxml = presenter.getResource(name + ".fxml");
        FXMLLoader loader = new FXMLLoader(fxml, bundleOf(presenter, context.locale()));
        loader.setControllerFactory(this::construct);
        try {
            Parent root = loader.load();
            root.getStylesheets().add(presenter.getResource(name + ".css").toExternalForm());
            return new View<>(root, presenter.cast(loader.getController()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the screen " + fxml, e);
        }
    }

    /** The strings of a screen in a language. */
    public static ResourceBundle bundleOf(Class<?> presenter, Locale locale) {
        return Texts.bundle(presenter.getPackageName() + "." + nameOf(presenter), locale);
    }

    private Object construct(Class<?> type) {
        try {
            return type.getConstructor(AppContext.class, Navigator.class).newInstance(context, navigator);
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException(type + " needs a public (AppContext, Navigator) constructor", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot create " + type, e.getCause());
        }
    }
}
