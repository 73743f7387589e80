package io.camfleet.console.ui.shell;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The screens of the console, in navigation order; Ctrl+1 to Ctrl+9 follow this order. */
public enum Screen {
    FLEET_MAP(Material2MZ.PUBLIC),
    FLEET_TABLE(Material2MZ.TABLE_CHART),
    DEPLOYMENTS(Material2MZ.ROCKET),
    IMAGES(Material2AL.LAYERS),
    REVIEW_DEVICES(Material2AL.LAPTOP_CHROMEBOOK),
    SUPPORT(Material2MZ.SUPPORT_AGENT),
    KPIS(Material2AL.INSIGHTS),
    REPORTS(Material2AL.DESCRIPTION),
    AUDIT(Material2MZ.POLICY);

    private final Ikon icon;

    Screen(Ikon icon) {
        this.icon = icon;
    }

    public Ikon icon() {
        return icon;
    }

    /** Message key of the screen's name. */
    public String key() {
        return "screen." + name();
    }

    public static Screen parse(String name, Screen fallback) {
        try {
            return name == null ? fallback : valueOf(name);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
