package io.camfleet.console.ui.shell;

import io.camfleet.console.service.common.SettingsSection;

/**
 * How the operator left the window: where it was, the theme, the screen shown last. The console remembers it by
 * itself; nothing here is set in Settings.
 *
 * @param x          NaN when unknown
 * @param lastScreen the name of the screen shown last
 */
public record WindowSettings(double x, double y, double width, double height, boolean maximized, boolean darkTheme,
                             String lastScreen) {

    public static final WindowSettings DEFAULT =
            new WindowSettings(Double.NaN, Double.NaN, 1480, 920, false, false, "FLEET_TABLE");

    /**
     * The shell's part of the settings file. Its fields keep the names they had at the top level of a version 1
     * file, which the store reads as this section.
     */
    public static final SettingsSection<WindowSettings> SECTION =
            SettingsSection.of("window", DEFAULT, Stored.class, Stored::settings, Stored::of);

    public WindowSettings {
        lastScreen = lastScreen == null ? DEFAULT.lastScreen : lastScreen;
    }

    public WindowSettings withBounds(double x, double y, double width, double height, boolean maximized) {
        return new WindowSettings(x, y, width, height, maximized, darkTheme, lastScreen);
    }

    public WindowSettings withLook(boolean dark, String screen) {
        return new WindowSettings(x, y, width, height, maximized, dark, screen);
    }

    /** As kept in the file; what it lacks is as {@link #DEFAULT} has it. */
    record Stored(Double windowX, Double windowY, Double windowWidth, Double windowHeight, Boolean maximized,
                  String theme, String lastScreen) {

        static Stored of(WindowSettings w) {
            return new Stored(Double.isNaN(w.x) ? null : w.x, Double.isNaN(w.y) ? null : w.y, w.width, w.height,
                    w.maximized, w.darkTheme ? "dark" : "light", w.lastScreen);
        }

        WindowSettings settings() {
            return new WindowSettings(or(windowX, DEFAULT.x), or(windowY, DEFAULT.y), or(windowWidth, DEFAULT.width),
                    or(windowHeight, DEFAULT.height), maximized != null && maximized, "dark".equals(theme),
                    lastScreen);
        }

        private static double or(Double value, double otherwise) {
            return value == null ? otherwise : value;
        }
    }
}
