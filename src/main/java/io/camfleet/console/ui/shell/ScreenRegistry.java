package io.camfleet.console.ui.shell;

import io.camfleet.console.ui.common.ScreenView;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The screens the features registered, in navigation order, with what builds each; and how to open Settings, if a
 * feature offers them. The shell shows only what is here, and fails at once on a screen nobody registered, as
 * Cryptomator's controller factory does, rather than showing an empty page later.
 */
public final class ScreenRegistry {

    /** Opens the settings over {@code owner}. */
    @FunctionalInterface
    public interface SettingsOpener {
        void open(Window owner);
    }

    private final Map<String, Registered> byId;
    private final List<Screen> screens;
    private final Screen home;
    private final SettingsOpener settings;

    private record Registered(Screen screen, ScreenFactory factory) {
    }

    private ScreenRegistry(Builder b) {
        this.byId = Map.copyOf(b.byId);
        this.screens = List.copyOf(b.screens);
        this.home = b.home;
        this.settings = b.settings;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The registered screens, in navigation order. */
    public List<Screen> screens() {
        return screens;
    }

    /** The screen shown first, and where Ctrl+F goes from a screen without a search box. */
    public Screen home() {
        return home;
    }

    public Optional<Screen> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id)).map(Registered::screen);
    }

    /**
     * @throws IllegalArgumentException when no feature registered {@code screen}
     */
    public Screen require(Screen screen) {
        Registered r = byId.get(screen.id());
        if (r == null || !r.screen().equals(screen)) {
            throw unregistered(screen.id());
        }
        return screen;
    }

    /** Builds {@code screen}; see {@link #require}. */
    public ScreenView create(Screen screen) {
        return byId.get(require(screen).id()).factory().create();
    }

    public Optional<SettingsOpener> settings() {
        return Optional.ofNullable(settings);
    }

    private static IllegalArgumentException unregistered(String id) {
        return new IllegalArgumentException("No feature registered the screen " + id
                + "; a feature registers its screens in its window(...) method");
    }

    /** Collects what the features register; {@link #build()} checks it. */
    public static final class Builder {
        private final Map<String, Registered> byId = new LinkedHashMap<>();
        private final List<Screen> screens = new ArrayList<>();
        private Screen home;
        private String homeId;
        private SettingsOpener settings;

        private Builder() {
        }

        /** Adds a screen to the navigation, after those added before it. */
        public Builder add(Screen screen, ScreenFactory factory) {
            if (byId.putIfAbsent(screen.id(), new Registered(screen, factory)) != null) {
                throw new IllegalStateException("The screen " + screen.id() + " is registered twice");
            }
            screens.add(screen);
            return this;
        }

        /** The screen shown first; the first one added when no feature names one. */
        public Builder home(Screen screen) {
            homeId = screen.id();
            return this;
        }

        public Builder settings(SettingsOpener opener) {
            if (settings != null) {
                throw new IllegalStateException("Two features open the settings");
            }
            settings = opener;
            return this;
        }

        /**
         * @throws IllegalStateException when no screen was registered, or the home screen was not
         */
        public ScreenRegistry build() {
            if (screens.isEmpty()) {
                throw new IllegalStateException("No feature registered a screen: the window would be empty");
            }
            if (homeId != null && !byId.containsKey(homeId)) {
                throw new IllegalStateException(unregistered(homeId).getMessage() + " (it is the home screen)");
            }
            home = homeId == null ? screens.get(0) : byId.get(homeId).screen();
            return new ScreenRegistry(this);
        }
    }
}
