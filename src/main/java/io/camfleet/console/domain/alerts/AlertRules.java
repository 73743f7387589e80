package io.camfleet.console.domain.alerts;

import io.camfleet.console.domain.availability.BurnRate;

import java.time.Duration;

/**
 * The thresholds each rule fires at, and the hysteresis against flapping. The defaults are what the NOC asked for:
 * a dark site must be known within a minute.
 *
 * @param siteOfflineMinutes    a site down (by the site-down rule) for more than this raises SITE_OFFLINE
 * @param cameraDegradedMinutes a camera DEGRADED for more than this raises CAMERA_DEGRADED
 * @param syncStaleMinutes      no successful sync for more than this raises SYNC_STALE
 * @param clearMinutes          an alert resolves by itself only after its condition stayed clear this long; one that
 *                              comes back sooner is the same alert, counted as a flap
 * @param fastBurnRate          BUDGET_BURN_FAST fires when the error budget burns faster than this in both the last
 *                              hour and the last 5 minutes (14.4: 2 % of a 30-day budget in an hour, SRE workbook)
 * @param slowBurnRate          BUDGET_BURN_SLOW fires when it burns faster than this in both the last 6 hours and
 *                              the last 30 minutes (6: 5 % of the budget in 6 hours)
 */
public record AlertRules(int siteOfflineMinutes, int cameraDegradedMinutes, int syncStaleMinutes, int clearMinutes,
                         double fastBurnRate, double slowBurnRate) {

    public static final AlertRules DEFAULT = new AlertRules(1, 15, 15, 2, 14.4, 6.0);

    private static final int MOST_MINUTES = 7 * 24 * 60;

    public AlertRules {
        minutes("siteOfflineMinutes", siteOfflineMinutes, 0);
        minutes("cameraDegradedMinutes", cameraDegradedMinutes, 0);
        minutes("syncStaleMinutes", syncStaleMinutes, 1);
        minutes("clearMinutes", clearMinutes, 0);
        rate("fastBurnRate", fastBurnRate);
        rate("slowBurnRate", slowBurnRate);
        if (slowBurnRate > fastBurnRate) {
            throw new IllegalArgumentException("The alert setting slowBurnRate (" + slowBurnRate
                    + ") must not be above fastBurnRate (" + fastBurnRate + ").");
        }
    }

    private static void minutes(String what, int value, int least) {
        if (value < least || value > MOST_MINUTES) {
            throw new IllegalArgumentException("The alert setting " + what + " must be from " + least + " to "
                    + MOST_MINUTES + " minutes, not " + value + ".");
        }
    }

    private static void rate(String what, double value) {
        if (!(value >= 1 && value <= 1000)) {
            throw new IllegalArgumentException("The alert setting " + what
                    + " must be from 1 to 1000 times the budget's pace, not " + value + ".");
        }
    }

    /** How long the condition of {@code kind} must hold before it raises an alert. */
    public Duration threshold(AlertKind kind) {
        return switch (kind) {
            case SITE_OFFLINE -> Duration.ofMinutes(siteOfflineMinutes);
            case CAMERA_DEGRADED -> Duration.ofMinutes(cameraDegradedMinutes);
            case SYNC_STALE -> Duration.ofMinutes(syncStaleMinutes);
            // the windows are the delay, and a failed deployment is news at once
            case BUDGET_BURN_FAST, BUDGET_BURN_SLOW, DEPLOYMENT_FAILED -> Duration.ZERO;
        };
    }

    public Duration clearAfter() {
        return Duration.ofMinutes(clearMinutes);
    }

    /** What pages (CRITICAL) and what waits for office hours (WARNING). */
    public static AlertSeverity severity(AlertKind kind) {
        return switch (kind) {
            case SITE_OFFLINE, BUDGET_BURN_FAST, DEPLOYMENT_FAILED -> AlertSeverity.CRITICAL;
            case CAMERA_DEGRADED, BUDGET_BURN_SLOW, SYNC_STALE -> AlertSeverity.WARNING;
        };
    }

    /**
     * Whether an alert of {@code kind} ends only by an explicit sign (a later success, a sync that went through) or
     * by hand, rather than by its condition being absent: a deployment that failed stays failed after a restart.
     */
    public static boolean latched(AlertKind kind) {
        return kind == AlertKind.DEPLOYMENT_FAILED || kind == AlertKind.SYNC_STALE;
    }

    /** The multiwindow burn-rate rule at these rates, on the SRE workbook's windows (1 h, 5 min; 6 h, 30 min). */
    public BurnRate burnRate() {
        return new BurnRate(BurnRate.DEFAULT.fastLong(), BurnRate.DEFAULT.fastShort(), fastBurnRate,
                BurnRate.DEFAULT.slowLong(), BurnRate.DEFAULT.slowShort(), slowBurnRate);
    }
}
