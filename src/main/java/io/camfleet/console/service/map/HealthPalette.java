package io.camfleet.console.service.map;

import io.camfleet.console.domain.fleet.HealthState;

/**
 * The health colours as ARGB, the one source for every place that draws them (the JavaFX screens, the map, the PNG
 * snapshots): the Okabe-Ito palette, which stays distinguishable with the common forms of colour-blindness.
 */
public final class HealthPalette {

    private HealthPalette() {
    }

    public static int argb(HealthState s) {
        return switch (s) {
            case ONLINE -> 0xFF009E73;
            case DEGRADED -> 0xFFE69F00;
            case OFFLINE -> 0xFFD55E00;
            case MAINTENANCE -> 0xFFCC79A7;
            case UPDATING -> 0xFF0072B2;
            case UNKNOWN -> 0xFF8C8C8C;
        };
    }
}
