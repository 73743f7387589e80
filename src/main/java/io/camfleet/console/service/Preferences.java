package io.camfleet.console.service;

/**
 * What the console remembers between runs about how the operator left it. Nothing here is a secret.
 *
 * @param windowX       NaN when unknown
 * @param lastScreen    the name of the screen shown last
 */
public record Preferences(double windowX, double windowY, double windowWidth, double windowHeight,
                          boolean maximized, boolean darkTheme, String lastScreen) {

    public static final Preferences DEFAULT =
            new Preferences(Double.NaN, Double.NaN, 1480, 920, false, false, "FLEET_TABLE");

    public Preferences withWindow(double x, double y, double width, double height, boolean max) {
        return new Preferences(x, y, width, height, max, darkTheme, lastScreen);
    }

    public Preferences withDarkTheme(boolean dark) {
        return new Preferences(windowX, windowY, windowWidth, windowHeight, maximized, dark, lastScreen);
    }

    public Preferences withLastScreen(String screen) {
        return new Preferences(windowX, windowY, windowWidth, windowHeight, maximized, darkTheme, screen);
    }
}
