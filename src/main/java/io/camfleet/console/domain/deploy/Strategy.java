package io.camfleet.console.domain.deploy;

import java.time.Duration;

/**
 * How a deployment rolls out: a canary (or {@link HostCount#NONE}) taken from the first targets, then waves,
 * at most {@code maxConcurrency} targets under way at once, stopping new dispatches when the failures exceed the
 * threshold, and waiting {@code pauseBetweenWaves} between waves. {@code ignoreMaintenanceWindows} is the emergency
 * override for a hotfix that cannot wait: every target is dispatched at once whatever its site's window says; the
 * launch audit names it. {@code budgetGuard} holds back the sites with too little error budget left this month.
 *
 * <p>Bounds, so that a typo cannot hold a rollout for ever: at most {@link #MOST_CONCURRENT} targets at once, and a
 * pause between waves of at most {@link #LONGEST_PAUSE}.
 */
public record Strategy(
        HostCount canary,
        CanaryApproval canaryApproval,
        WaveSizing waves,
        int maxConcurrency,
        FailureThreshold failureThreshold,
        Duration pauseBetweenWaves,
        boolean ignoreMaintenanceWindows,
        BudgetGuard budgetGuard) {

    /** The most targets under way at once. */
    public static final int MOST_CONCURRENT = 10_000;
    /** The longest pause between waves: a week. */
    public static final Duration LONGEST_PAUSE = Duration.ofDays(7);

    public Strategy(HostCount canary, CanaryApproval canaryApproval, WaveSizing waves, int maxConcurrency,
                    FailureThreshold failureThreshold, Duration pauseBetweenWaves) {
        this(canary, canaryApproval, waves, maxConcurrency, failureThreshold, pauseBetweenWaves, false);
    }

    public Strategy(HostCount canary, CanaryApproval canaryApproval, WaveSizing waves, int maxConcurrency,
                    FailureThreshold failureThreshold, Duration pauseBetweenWaves, boolean ignoreMaintenanceWindows) {
        this(canary, canaryApproval, waves, maxConcurrency, failureThreshold, pauseBetweenWaves,
                ignoreMaintenanceWindows, BudgetGuard.NONE);
    }

    /** This strategy with {@code guard} instead of its own. */
    public Strategy withBudgetGuard(BudgetGuard guard) {
        return new Strategy(canary, canaryApproval, waves, maxConcurrency, failureThreshold, pauseBetweenWaves,
                ignoreMaintenanceWindows, guard);
    }

    public Strategy {
        canary = canary == null ? HostCount.NONE : canary;
        canaryApproval = canaryApproval == null ? CanaryApproval.PAUSE_FOR_APPROVAL : canaryApproval;
        failureThreshold = failureThreshold == null ? FailureThreshold.NONE_TOLERATED : failureThreshold;
        pauseBetweenWaves = pauseBetweenWaves == null ? Duration.ZERO : pauseBetweenWaves;
        budgetGuard = budgetGuard == null ? BudgetGuard.NONE : budgetGuard;
        if (waves == null) {
            throw new IllegalArgumentException("A strategy needs a wave sizing: a size or explicit lists.");
        }
        if (maxConcurrency < 1 || maxConcurrency > MOST_CONCURRENT) {
            throw new IllegalArgumentException("The maximum concurrency must be from 1 to " + MOST_CONCURRENT
                    + " hosts, not " + maxConcurrency + ".");
        }
        if (pauseBetweenWaves.isNegative() || pauseBetweenWaves.compareTo(LONGEST_PAUSE) > 0) {
            throw new IllegalArgumentException("The pause between waves must be from 0 to 7 days, not "
                    + pauseBetweenWaves + ".");
        }
    }
}
