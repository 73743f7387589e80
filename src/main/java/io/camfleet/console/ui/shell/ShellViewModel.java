package io.camfleet.console.ui.shell;

import io.camfleet.console.service.Preferences;
import io.camfleet.console.service.PreferencesStore;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The shell without its controls: which screen is shown, the theme, the banners, and what is remembered between
 * runs.
 */
public final class ShellViewModel {

    private final PreferencesStore store;
    private Preferences preferences;
    private final ObjectProperty<Screen> screen;
    private final BooleanProperty darkTheme;
    private final ObservableList<Banner> banners = FXCollections.observableArrayList();

    public ShellViewModel(PreferencesStore store, Preferences loaded) {
        this.store = store;
        this.preferences = loaded;
        this.screen = new SimpleObjectProperty<>(Screen.parse(loaded.lastScreen(), Screen.FLEET_TABLE));
        this.darkTheme = new SimpleBooleanProperty(loaded.darkTheme());
    }

    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    public ObservableList<Banner> banners() {
        return banners;
    }

    public Preferences preferences() {
        return preferences;
    }

    public void show(Screen s) {
        screen.set(s);
    }

    public void toggleTheme() {
        darkTheme.set(!darkTheme.get());
    }

    public void addBanner(Banner banner) {
        banners.add(banner);
    }

    /** Remembers the window and the screen for next time. */
    public void remember(double x, double y, double width, double height, boolean maximized) {
        preferences = preferences.withWindow(x, y, width, height, maximized)
                .withDarkTheme(darkTheme.get())
                .withLastScreen(screen.get().name());
        store.save(preferences);
    }
}
