package io.camfleet.console.ui.common;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The icon fonts the console draws with. */
public final class IconFonts {

    private IconFonts() {
    }

    /**
     * Loads the icon fonts now (about 150 ms the first time), so that the first window does not pay for it. Call on the
     * FX thread while nothing else needs it, e.g. while settings load at start-up.
     */
    public static void preload() {
        new FontIcon(Material2AL.HELP);
        new FontIcon(Material2MZ.SYNC);
    }
}
