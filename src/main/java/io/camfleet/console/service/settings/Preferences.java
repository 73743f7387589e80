package io.camfleet.console.service.settings;

import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.deploy.DeploySettings;
import io.camfleet.console.service.map.TileSettings;

/**
 * What the console remembers between runs about how the operator left it and what they set. Nothing here is a
 * secret.
 *
 * @param windowX    NaN when unknown
 * @param lastScreen the name of the screen shown last
 * @param tiles      the optional online map layer
 * @param source     where the fleet comes from
 * @param deploy     limits on deployments (the largest artifact)
 */
public record Preferences(double windowX, double windowY, double windowWidth, double windowHeight,
                          boolean maximized, boolean darkTheme, String lastScreen, TileSettings tiles,
                          SourceSettings source, DeploySettings deploy) {

    public static final Preferences DEFAULT =
            new Preferences(Double.NaN, Double.NaN, 1480, 920, false, false, "FLEET_TABLE", TileSettings.OFF,
                    SourceSettings.DEMO, DeploySettings.DEFAULT);

    public Preferences {
        tiles = tiles == null ? TileSettings.OFF : tiles;
        source = source == null ? SourceSettings.DEMO : source;
        deploy = deploy == null ? DeploySettings.DEFAULT : deploy;
    }

    public Preferences withWindow(double x, double y, double width, double height, boolean max) {
        return new Preferences(x, y, width, height, max, darkTheme, lastScreen, tiles, source, deploy);
    }

    public Preferences withDarkTheme(boolean dark) {
        return new Preferences(windowX, windowY, windowWidth, windowHeight, maximized, dark, lastScreen, tiles,
                source, deploy);
    }

    public Preferences withLastScreen(String screen) {
        return new Preferences(windowX, windowY, windowWidth, windowHeight, maximized, darkTheme, screen, tiles,
                source, deploy);
    }

    public Preferences withTiles(TileSettings t) {
        return new Preferences(windowX, windowY, windowWidth, windowHeight, maximized, darkTheme, lastScreen, t,
                source, deploy);
    }

    public Preferences withDeploy(DeploySettings d) {
        return new Preferences(windowX, windowY, windowWidth, windowHeight, maximized, darkTheme, lastScreen, tiles,
                source, d);
    }

    public Preferences withSource(SourceSettings s) {
        return new Preferences(windowX, windowY, windowWidth, windowHeight, maximized, darkTheme, lastScreen, tiles,
                s, deploy);
    }
}
