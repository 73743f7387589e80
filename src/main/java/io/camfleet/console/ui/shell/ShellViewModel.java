package io.camfleet.console.ui.shell;

import io.camfleet.console.service.availability.AvailabilitySettings;
import io.camfleet.console.service.common.SettingsSection;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.map.TileSettings;
import io.camfleet.console.service.settings.Settings;
import io.camfleet.console.service.settings.SettingsStore;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The shell without its controls: which screen is shown, the theme, the banners, and what is remembered between
 * runs.
 */
public final class ShellViewModel {

    /** The banner saying the settings could not be read; it goes once they can be. */
    public static final String SETTINGS_TOPIC = "settings";

    private final SettingsStore store;
    private WindowSettings window;
    private final ObjectProperty<Screen> screen;
    private final BooleanProperty darkTheme;
    private final ObservableList<Banner> banners = FXCollections.observableArrayList();
    private final ObservableList<Toast> toasts = FXCollections.observableArrayList();
    private final ObjectProperty<TileSettings> tiles;
    private final ObjectProperty<SourceSettings> source;
    private final ObjectProperty<AvailabilitySettings> availability;
    private ScreenRegistry screens;
    private final java.util.Map<String, IntegerProperty> badges = new java.util.HashMap<>();

    public ShellViewModel(SettingsStore store, Settings loaded) {
        this.store = store;
        this.window = loaded.get(WindowSettings.SECTION);
        this.screen = new SimpleObjectProperty<>();
        this.darkTheme = new SimpleBooleanProperty(window.darkTheme());
        this.tiles = new SimpleObjectProperty<>(loaded.get(TileSettings.SECTION));
        this.source = new SimpleObjectProperty<>(loaded.get(SourceSettings.SECTION));
        this.availability = new SimpleObjectProperty<>(loaded.get(AvailabilitySettings.SECTION));
    }

    /**
     * Takes the screens the features registered, and shows the one shown last time, or the home screen when that one
     * is gone.
     */
    public void useScreens(ScreenRegistry registered) {
        screens = registered;
        screen.set(registered.find(window.lastScreen()).orElse(registered.home()));
    }

    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen;
    }

    /**
     * The count on a screen's navigation button (none shows at 0): the feature that owns the screen sets it, on the FX
     * thread.
     */
    public IntegerProperty badgeProperty(Screen s) {
        return badges.computeIfAbsent(s.id(), id -> new SimpleIntegerProperty());
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    /** The map's online tile layer, as set in Settings. */
    public ReadOnlyObjectProperty<TileSettings> tilesProperty() {
        return tiles;
    }

    /**
     * Takes tile settings from the Settings dialog and saves them at once; those who watch hear of a change only.
     *
     * @throws io.camfleet.console.service.common.Problem when they cannot be saved; they are used all the same
     */
    public void applyTiles(TileSettings settings) {
        tiles.set(settings);
        save(TileSettings.SECTION, settings);
    }

    /** Takes away the banner on {@code topic}, if one shows: what it warned of is over. */
    public void clearBanner(String topic) {
        banners.removeIf(b -> b.topic().equals(topic));
    }

    /** Where the fleet comes from, as set in Settings. */
    public ReadOnlyObjectProperty<SourceSettings> sourceProperty() {
        return source;
    }

    /**
     * Takes the fleet source from the Settings dialog and saves it at once; those who watch hear of a change only.
     *
     * @throws io.camfleet.console.service.common.Problem when it cannot be saved; it is used all the same
     */
    public void applySource(SourceSettings settings) {
        source.set(settings);
        save(SourceSettings.SECTION, settings);
    }

    /** How availability is judged (the site-down rule, the SLA targets, the history kept), as set in Settings. */
    public ReadOnlyObjectProperty<AvailabilitySettings> availabilityProperty() {
        return availability;
    }

    /**
     * Takes availability settings from the Settings dialog and saves them at once; those who watch hear of a change
     * only.
     *
     * @throws io.camfleet.console.service.common.Problem when they cannot be saved; they are used all the same
     */
    public void applyAvailability(AvailabilitySettings settings) {
        availability.set(settings);
        save(AvailabilitySettings.SECTION, settings);
    }

    /** Saves what the operator set; settings that could not be read are kept beside the new file by the store. */
    private <T> void save(SettingsSection<T> section, T value) {
        store.write(section, value);
        if (store.read().problems().isEmpty()) {
            clearBanner(SETTINGS_TOPIC);
        }
    }

    /** The toasts showing in the window's corner, oldest first; the view takes each away after a while. */
    public ObservableList<Toast> toasts() {
        return toasts;
    }

    /** Shows {@code toast} in the window's corner. FX thread only. */
    public void toast(Toast toast) {
        toasts.add(toast);
    }

    public ObservableList<Banner> banners() {
        return banners;
    }

    /** Where the window was and how it looked when it was last closed. */
    public WindowSettings window() {
        return window;
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

    /** Remembers the window and the screen for next time, unless the settings file cannot be read. */
    public void remember(double x, double y, double width, double height, boolean maximized) {
        window = window.withBounds(x, y, width, height, maximized)
                .withLook(darkTheme.get(), screen.get() == null ? window.lastScreen() : screen.get().id());
        store.remember(WindowSettings.SECTION, window);
    }
}
