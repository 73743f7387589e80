package io.camfleet.console.service;

import io.camfleet.console.service.map.TileSettings;

/**
 * What the console remembers between runs about how the operator left it and what they set. Nothing here is a
 * secret.
 *
 * @param windowX    NaN when unknown
 * @param lastScreen the name of the screen shown last
 * @param tiles      the optional online map layer
 */
public record Preferences(double windowX, double windowY, double windowWidth, double windowHeight,
                          boolean maximized, boolean darkTheme, String lastScreen, TileSettings tiles) {

    public static final Preferences DEFAULT =
            new Preferences(Double.NaN, Double.NaN, 1480, 920, false, false, "FLEET_TABLE", TileSettings.OFF);

    public Preferences {
        tiles = tiles == null ? TileSettings.OFF : tiles;
    }

    public Preferences withWindow(double x, double y, double width, double height, boolean max) {
        return new Preferences(x, y, width, height, max, darkTheme, lastScreen, tiles);
    }

    public Preferences withDarkTheme(boolean dark) {
        return new Preferences(windowX, windowY, windowWidth, windowHeight, maximized, dark, lastScreen, tiles);
    }

    public Preferences withLastScreen(String screen) {
        return new Preferences(windowX, windowY, windowWidth, windowHeight, maximized, darkTheme, screen, tiles);
    }

    public Preferences withTiles(TileSettings t) {
        return new Preferences(windowX, windowY, windowWidth, windowHeight, maximized, darkTheme, lastScreen, t);
    }
}
