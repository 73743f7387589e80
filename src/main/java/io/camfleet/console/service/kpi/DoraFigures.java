package io.camfleet.console.service.kpi;

import io.camfleet.console.domain.availability.Period;

import java.util.List;

/**
 * The four DORA figures of a period, from the deployment journal ({@link DoraCalculator} says how each is counted).
 * Time to restore comes from the alerts: see {@link AlertFigures#timeToRestore()}.
 *
 * @param deployments      deployments started in the period
 * @param perDay           deployments started on each UTC day of the period, days without any included
 * @param running          deployments started in the period that have not finished yet
 * @param leadTime         from a release's creation to its deployment's success, for successes in the period
 * @param leadTimeUnknown  successes in the period whose release the release store does not hold (no creation time)
 * @param changes          the change failure rate's counts
 */
public record DoraFigures(Period period, int deployments, List<DayCount> perDay, int running, Spread leadTime,
                          int leadTimeUnknown, ChangeFailures changes) {

    public DoraFigures {
        perDay = List.copyOf(perDay);
    }

    /** Deployments started per day, over the whole period (partial days count as their share of a day). */
    public double perDayRate() {
        return deployments / (period.seconds() / 86_400.0);
    }

    public double perWeekRate() {
        return perDayRate() * 7;
    }

    /**
     * What the change failure rate counts: of the deployments started in the period that finished, those that failed,
     * rolled back a camera, or needed a hotfix. One deployment counts once however many of the three it did.
     *
     * @param finished   deployments started in the period that succeeded, failed or were aborted
     * @param failed     of those, how many ended FAILED
     * @param rolledBack of those, how many ended failed or aborted having rolled at least one camera back
     * @param hotfixed   of those, how many were followed by a hotfix at their sites
     * @param failures   of those, how many did at least one of the three
     */
    public record ChangeFailures(int finished, int failed, int rolledBack, int hotfixed, int failures) {

        public static final ChangeFailures NONE = new ChangeFailures(0, 0, 0, 0, 0);

        /** In percent; NaN when no deployment finished. */
        public double ratePercent() {
            return finished == 0 ? Double.NaN : 100.0 * failures / finished;
        }
    }
}
