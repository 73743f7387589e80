package io.camfleet.console.ui.common;

import io.camfleet.console.domain.fleet.HealthState;
import javafx.scene.paint.Color;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.Locale;

/**
 * How each health state looks everywhere in the console: a colour from the Okabe-Ito palette, which stays
 * distinguishable with colour-blindness, and a glyph, so that colour is never the only cue.
 */
public final class HealthStyle {

    private HealthStyle() {
    }

    public static Color color(HealthState s) {
        return switch (s) {
            case ONLINE -> Color.web("#009E73");
            case DEGRADED -> Color.web("#E69F00");
            case OFFLINE -> Color.web("#D55E00");
            case MAINTENANCE -> Color.web("#CC79A7");
            case UPDATING -> Color.web("#0072B2");
            case UNKNOWN -> Color.web("#8C8C8C");
        };
    }

    public static Ikon glyph(HealthState s) {
        return switch (s) {
            case ONLINE -> Material2AL.CHECK_CIRCLE;
            case DEGRADED -> Material2MZ.WARNING;
            case OFFLINE -> Material2AL.CANCEL;
            case MAINTENANCE -> Material2AL.BUILD;
            case UPDATING -> Material2MZ.SYNC;
            case UNKNOWN -> Material2AL.HELP;
        };
    }

    public static FontIcon icon(HealthState s, int size) {
        FontIcon icon = new FontIcon();
        icon.setIconSize(size);
        paint(icon, s);
        return icon;
    }

    /**
     * Gives {@code icon} the state's glyph and colour. The colour comes from the {@code health-*} style class
     * (health.css): the theme's stylesheet colours every icon, and only a stylesheet rule reliably wins over it when
     * cells are reused.
     */
    public static void paint(FontIcon icon, HealthState s) {
        icon.setIconCode(glyph(s));
        icon.getStyleClass().removeIf(c -> c.startsWith("health-"));
        icon.getStyleClass().add(styleClass(s));
    }

    /** The stylesheet with the {@code health-*} colours; every scene showing health icons adds it. */
    public static String stylesheet() {
        return HealthStyle.class.getResource("health.css").toExternalForm();
    }

    /** CSS class, e.g. {@code health-offline}. */
    public static String styleClass(HealthState s) {
        return "health-" + s.name().toLowerCase(Locale.ROOT);
    }

    /** Message key of the state's name, e.g. {@code health.OFFLINE}. */
    public static String key(HealthState s) {
        return "health." + s.name();
    }
}
