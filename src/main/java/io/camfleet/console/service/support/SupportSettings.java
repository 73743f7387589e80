package io.camfleet.console.service.support;

import io.camfleet.console.domain.support.Severity;
import io.camfleet.console.domain.support.SlaTargets;
import io.camfleet.console.service.common.SettingsSection;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The SLA targets kept in {@code settings.json} (section {@code support}), in minutes per severity; a missing value
 * is its default. A value out of bounds, or a response target longer than its resolution target, makes the section
 * unreadable, and the defaults are used with a warning.
 */
public final class SupportSettings {

    public static final SettingsSection<SlaTargets> SECTION = SettingsSection.of("support", SlaTargets.DEFAULT,
            Stored.class, SupportSettings::read, SupportSettings::write);

    private SupportSettings() {
    }

    private static SlaTargets read(Stored s) {
        SlaTargets d = SlaTargets.DEFAULT;
        Map<Severity, Duration> response = new EnumMap<>(Severity.class);
        Map<Severity, Duration> resolution = new EnumMap<>(Severity.class);
        Integer[] r = {s.p1ResponseMinutes, s.p2ResponseMinutes, s.p3ResponseMinutes, s.p4ResponseMinutes};
        Integer[] f = {s.p1ResolutionMinutes, s.p2ResolutionMinutes, s.p3ResolutionMinutes, s.p4ResolutionMinutes};
        for (Severity sev : Severity.values()) {
            Integer rm = r[sev.ordinal()];
            Integer fm = f[sev.ordinal()];
            response.put(sev, rm == null ? d.response(sev) : Duration.ofMinutes(rm));
            resolution.put(sev, fm == null ? d.resolution(sev) : Duration.ofMinutes(fm));
        }
        return new SlaTargets(response, resolution);
    }

    private static Stored write(SlaTargets t) {
        return new Stored(min(t.response(Severity.P1)), min(t.resolution(Severity.P1)),
                min(t.response(Severity.P2)), min(t.resolution(Severity.P2)),
                min(t.response(Severity.P3)), min(t.resolution(Severity.P3)),
                min(t.response(Severity.P4)), min(t.resolution(Severity.P4)));
    }

    private static Integer min(Duration d) {
        return Math.toIntExact(d.toMinutes());
    }

    /** As kept in the file. */
    record Stored(Integer p1ResponseMinutes, Integer p1ResolutionMinutes, Integer p2ResponseMinutes,
                  Integer p2ResolutionMinutes, Integer p3ResponseMinutes, Integer p3ResolutionMinutes,
                  Integer p4ResponseMinutes, Integer p4ResolutionMinutes) {
    }
}
