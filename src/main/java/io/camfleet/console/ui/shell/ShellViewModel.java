package io.camfleet.console.ui.shell;

import io.camfleet.console.service.settings.Preferences;
import io.camfleet.console.service.settings.PreferencesStore;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.map.TileSettings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
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
    private final ObjectProperty<TileSettings> tiles;
    private final ObjectProperty<SourceSettings> source;
    private ScreenRegistry screens;

    public ShellViewModel(PreferencesStore store, Preferences loaded) {
        this.store = store;
        this.preferences = loaded;
        this.screen = new SimpleObjectProperty<>();
        this.darkTheme = new SimpleBooleanProperty(loaded.darkTheme());
        this.tiles = new SimpleObjectProperty<>(loaded.tiles());
        this.source = new SimpleObjectProperty<>(loaded.source());
    }

    /**
     * Takes the screens the features registered, and shows the one shown last time, or the home screen when that one
     * is gone.
     */
    public void useScreens(ScreenRegistry registered) {
        screens = registered;
        screen.set(registered.find(preferences.lastScreen()).orElse(registered.home()));
    }

    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    /** The map's online tile layer, as set in Settings. */
    public ReadOnlyObjectProperty<TileSettings> tilesProperty() {
        return tiles;
    }

    /** Takes new tile settings from the Settings dialog and saves them at once. */
    public void applyTiles(TileSettings settings) {
        tiles.set(settings);
        preferences = preferences.withTiles(settings);
        store.save(preferences);
    }

    /** Takes away the banner on {@code topic}, if one shows: what it warned of is over. */
    public void clearBanner(String topic) {
        banners.removeIf(b -> b.topic().equals(topic));
    }

    /** Where the fleet comes from, as set in Settings. */
    public ReadOnlyObjectProperty<SourceSettings> sourceProperty() {
        return source;
    }

    /** Takes a new fleet source from the Settings dialog and saves it at once. */
    public void applySource(SourceSettings settings) {
        source.set(settings);
        preferences = preferences.withSource(settings);
        store.save(preferences);
    }

    public ObservableList<Banner> banners() {
        return banners;
    }

    public Preferences preferences() {
        return preferences;
    }

    /**
     * @throws IllegalArgumentException when no feature registered {@code s}
     */
    public void show(Screen s) {
        screen.set(screens.require(s));
    }

    public void toggleTheme() {
        darkTheme.set(!darkTheme.get());
    }

    public void addBanner(Banner banner) {
        if (!banner.topic().isEmpty()) {
            banners.removeIf(b -> b.topic().equals(banner.topic()));
        }
        banners.add(banner);
    }

    /** Remembers the window and the screen for next time. */
    public void remember(double x, double y, double width, double height, boolean maximized) {
        preferences = preferences.withWindow(x, y, width, height, maximized)
                .withDarkTheme(darkTheme.get())
                .withLastScreen(screen.get() == null ? preferences.lastScreen() : screen.get().id());
        store.save(preferences);
    }
}
