package io.camfleet.console.service.alerts;

import io.camfleet.console.domain.alerts.AlertRules;
import io.camfleet.console.service.common.SettingsSection;

/**
 * The alert thresholds kept in {@code settings.json} (section {@code alerts}); a value out of bounds makes the section
 * unreadable, and the defaults are used with a warning.
 */
public final class AlertSettings {

    public static final SettingsSection<AlertRules> SECTION = SettingsSection.of("alerts", AlertRules.DEFAULT,
            Stored.class, AlertSettings::read, AlertSettings::write);

    private AlertSettings() {
    }

    private static AlertRules read(Stored s) {
        AlertRules d = AlertRules.DEFAULT;
        return new AlertRules(
                s.siteOfflineMinutes == null ? d.siteOfflineMinutes() : s.siteOfflineMinutes,
                s.cameraDegradedMinutes == null ? d.cameraDegradedMinutes() : s.cameraDegradedMinutes,
                s.syncStaleMinutes == null ? d.syncStaleMinutes() : s.syncStaleMinutes,
                s.clearMinutes == null ? d.clearMinutes() : s.clearMinutes,
                s.fastBurnRate == null ? d.fastBurnRate() : s.fastBurnRate,
                s.slowBurnRate == null ? d.slowBurnRate() : s.slowBurnRate);
    }

    private static Stored write(AlertRules r) {
        return new Stored(r.siteOfflineMinutes(), r.cameraDegradedMinutes(), r.syncStaleMinutes(), r.clearMinutes(),
                r.fastBurnRate(), r.slowBurnRate());
    }

    /** As kept in the file. */
    record Stored(Integer siteOfflineMinutes, Integer cameraDegradedMinutes, Integer syncStaleMinutes,
                  Integer clearMinutes, Double fastBurnRate, Double slowBurnRate) {
    }
}
