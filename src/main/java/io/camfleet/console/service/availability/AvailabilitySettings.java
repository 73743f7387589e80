package io.camfleet.console.service.availability;

import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.domain.availability.SlaTargets;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.service.common.SettingsSection;

import java.util.EnumMap;
import java.util.Map;

/**
 * How availability is judged, kept in {@code settings.json}: when a site counts as down, what each SLA tier promises,
 * and how many days of health history are kept for the figures.
 */
public record AvailabilitySettings(SiteDownRule rule, SlaTargets targets, int retentionDays) {

    /** 13 months: this month and the same month last year. */
    public static final AvailabilitySettings DEFAULT =
            new AvailabilitySettings(SiteDownRule.DEFAULT, SlaTargets.DEFAULT, 400);

    public static final SettingsSection<AvailabilitySettings> SECTION = SettingsSection.of("availability", DEFAULT,
            Stored.class, AvailabilitySettings::read, AvailabilitySettings::write);

    public AvailabilitySettings {
        if (retentionDays < 31 || retentionDays > 3660) {
            throw new IllegalArgumentException("Health history is kept from 31 to 3,660 days, not " + retentionDays
                    + ".");
        }
    }

    private static AvailabilitySettings read(Stored s) {
        SiteDownRule rule = s.rule == null ? DEFAULT.rule
                : new SiteDownRule(SiteDownRule.Kind.valueOf(s.rule), s.threshold == null ? 0 : s.threshold,
                s.degradedCounts != null && s.degradedCounts);
        Map<SlaTier, Double> targets = new EnumMap<>(SlaTier.class);
        if (s.targets != null) {
            s.targets.forEach((tier, percent) -> targets.put(SlaTier.valueOf(tier), percent));
        }
        return new AvailabilitySettings(rule, new SlaTargets(targets),
                s.retentionDays == null ? DEFAULT.retentionDays : s.retentionDays);
    }

    private static Stored write(AvailabilitySettings a) {
        Map<String, Double> targets = new java.util.TreeMap<>();
        a.targets.percent().forEach((tier, percent) -> targets.put(tier.name(), percent));
        return new Stored(a.rule.kind().name(), a.rule.threshold(), a.rule.degradedCounts(), targets,
                a.retentionDays);
    }

    /** As kept in the file. */
    record Stored(String rule, Integer threshold, Boolean degradedCounts, Map<String, Double> targets,
                  Integer retentionDays) {
    }
}
