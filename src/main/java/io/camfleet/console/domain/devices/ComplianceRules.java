package io.camfleet.console.domain.devices;

/**
 * The thresholds of the compliance rules.
 *
 * @param milestonesBehind a device whose OS milestone is more than this many behind the newest seen is OS_BEHIND
 * @param updatesEndingDays a device within this many days of the end of automatic updates is UPDATES_ENDING
 * @param notSyncedDays     a device not synced for this many days is NOT_SYNCED
 */
public record ComplianceRules(int milestonesBehind, int updatesEndingDays, int notSyncedDays) {

    public static final ComplianceRules DEFAULT = new ComplianceRules(2, 90, 14);

    public ComplianceRules {
        if (milestonesBehind < 0 || updatesEndingDays < 0 || notSyncedDays < 1) {
            throw new IllegalArgumentException("Compliance thresholds are counts of milestones and days, not "
                    + milestonesBehind + ", " + updatesEndingDays + ", " + notSyncedDays);
        }
    }
}
