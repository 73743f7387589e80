package io.camfleet.console.domain.availability;

import java.util.List;
import java.util.Objects;

/**
 * The availability of one subject (a camera, a site, a customer, a region, an environment) over a period, by the
 * {@link SiteDownRule} in force. All durations are in seconds.
 *
 * @param grouping          what {@code subject} is
 * @param subject           the camera or site id, customer, region or environment name
 * @param period            the period asked for
 * @param observedSeconds   time with data, less planned maintenance: what uptime is measured over
 * @param noDataSeconds     time in the period without data (never counted as up)
 * @param downSeconds       unplanned downtime by the rule (for a camera: its own downtime)
 * @param maintenance       downtime inside the maintenance window: excluded from the figures, listed here (for a
 *                          group only when the list is short: it may be empty while maintenanceSeconds is not)
 * @param maintenanceSeconds the total of that planned downtime (for a group: summed over its members)
 * @param incidents         how many times the subject went down
 * @param cameraSecondsLost camera downtime at sites that were not down (camera-minutes lost, in seconds)
 * @param targetPercent     the SLA target the budget is measured against (for a group: the observed-time weighted
 *                          mean of its sites' targets)
 */
public record Availability(
        Grouping grouping,
        String subject,
        Period period,
        long observedSeconds,
        long noDataSeconds,
        long downSeconds,
        List<Span> maintenance,
        long maintenanceSeconds,
        int incidents,
        long cameraSecondsLost,
        double targetPercent) {

    /** A stretch of planned maintenance that was excluded. */
    public record Span(java.time.Instant from, java.time.Instant to) {
    }

    public Availability {
        Objects.requireNonNull(grouping, "grouping");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(period, "period");
        maintenance = List.copyOf(maintenance);
    }

    /** Figures whose planned downtime is exactly the listed spans (a camera's or a site's). */
    public Availability(Grouping grouping, String subject, Period period, long observedSeconds, long noDataSeconds,
                        long downSeconds, List<Span> maintenance, int incidents, long cameraSecondsLost,
                        double targetPercent) {
        this(grouping, subject, period, observedSeconds, noDataSeconds, downSeconds, maintenance,
                secondsOf(maintenance), incidents, cameraSecondsLost, targetPercent);
    }

    private static long secondsOf(List<Span> spans) {
        long seconds = 0;
        for (Span s : spans) {
            seconds += s.to().getEpochSecond() - s.from().getEpochSecond();
        }
        return seconds;
    }

    /** Uptime in percent of the observed time; NaN when nothing was observed. */
    public double uptimePercent() {
        return observedSeconds <= 0 ? Double.NaN : 100.0 * (observedSeconds - downSeconds) / observedSeconds;
    }

    /** The downtime the target allows over the observed time. */
    public long budgetSeconds() {
        return Math.round(observedSeconds * (100.0 - targetPercent) / 100.0);
    }

    /** Budget not yet spent; negative once the SLA is breached. */
    public long budgetLeftSeconds() {
        return budgetSeconds() - downSeconds;
    }

    /** Budget left as a share of the budget (1.0 untouched, 0 spent, below 0 breached); 1.0 with no budget yet. */
    public double budgetLeftFraction() {
        long budget = budgetSeconds();
        return budget <= 0 ? (downSeconds > 0 ? -1.0 : 1.0) : (double) budgetLeftSeconds() / budget;
    }

    public boolean metTarget() {
        return observedSeconds > 0 && uptimePercent() >= targetPercent;
    }
}
