package io.camfleet.console.domain.availability;

import io.camfleet.console.domain.fleet.SlaTier;

import java.util.EnumMap;
import java.util.Map;

/**
 * The availability each SLA tier promises, in percent: configurable, defaulting to the tiers' list prices
 * (PLATINUM 99.99 %: 4.3 minutes a month).
 */
public record SlaTargets(Map<SlaTier, Double> percent) {

    public static final SlaTargets DEFAULT = defaults();

    public SlaTargets {
        EnumMap<SlaTier, Double> all = new EnumMap<>(SlaTier.class);
        for (SlaTier tier : SlaTier.values()) {
            Double p = percent.get(tier);
            double value = p == null ? tier.targetPercent() : p;
            if (!(value > 0 && value < 100)) {
                throw new IllegalArgumentException("The " + tier + " target must be above 0 and below 100 %, not "
                        + value + ".");
            }
            all.put(tier, value);
        }
        percent = Map.copyOf(all);
    }

    private static SlaTargets defaults() {
        return new SlaTargets(Map.of());
    }

    /** The target of {@code tier}, in percent (99.99). */
    public double target(SlaTier tier) {
        return percent.get(tier);
    }

    /** The share of time {@code tier} may be down (0.0001 for 99.99 %). */
    public double budgetFraction(SlaTier tier) {
        return (100.0 - target(tier)) / 100.0;
    }
}
