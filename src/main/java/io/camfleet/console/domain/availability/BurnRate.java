package io.camfleet.console.domain.availability;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * Multiwindow, multi-burn-rate alerting on the error budget (Google SRE workbook, chapter 5): the burn rate over a
 * window is how fast the budget goes, 1 being exactly the pace that spends it by the end of the SLA period:
 * {@code (down / observed) / (1 - target / 100)}.
 * <ul>
 *   <li>FAST: the burn over {@code fastLong} (1 h) and over {@code fastShort} (5 min) both above {@code fastFactor}
 *       (14.4: 2 % of a 30-day budget in an hour);</li>
 *   <li>SLOW: over {@code slowLong} (6 h) and {@code slowShort} (30 min) both above {@code slowFactor} (6: 5 % of a
 *       30-day budget in 6 hours).</li>
 * </ul>
 * The long window keeps one bad minute from paging; the short one lets the alert stop soon after the burn does.
 */
public record BurnRate(Duration fastLong, Duration fastShort, double fastFactor,
                       Duration slowLong, Duration slowShort, double slowFactor) {

    public enum Level { NONE, SLOW, FAST }

    public static final BurnRate DEFAULT = new BurnRate(Duration.ofHours(1), Duration.ofMinutes(5), 14.4,
            Duration.ofHours(6), Duration.ofMinutes(30), 6);

    public BurnRate {
        check("fast", fastLong, fastShort, fastFactor);
        check("slow", slowLong, slowShort, slowFactor);
    }

    private static void check(String name, Duration longWindow, Duration shortWindow, double factor) {
        Objects.requireNonNull(longWindow, name + "Long");
        Objects.requireNonNull(shortWindow, name + "Short");
        if (shortWindow.isNegative() || shortWindow.isZero() || longWindow.compareTo(shortWindow) <= 0) {
            throw new IllegalArgumentException("The " + name + " burn-rate alert needs a short window above zero and"
                    + " a long window longer than it, not " + shortWindow + " and " + longWindow + ".");
        }
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("The " + name + " burn-rate factor must be above zero, not " + factor
                    + ".");
        }
    }

    /** The burn rate of these figures: 0 when nothing was observed, infinite with a 100 % target and downtime. */
    public static double of(Availability figures) {
        return of(figures.downSeconds(), figures.observedSeconds(), figures.targetPercent());
    }

    /** {@code (down / observed) / (1 - target / 100)}; 0 when nothing was observed or nothing was down. */
    public static double of(long downSeconds, long observedSeconds, double targetPercent) {
        if (observedSeconds <= 0 || downSeconds <= 0) {
            return 0;
        }
        // (100 - target) rather than (1 - target / 100): exact for targets such as 99.5 and 99
        return downSeconds * 100.0 / (observedSeconds * (100.0 - targetPercent));
    }

    /** The alert these burn rates call for. */
    public Level level(double fastLongBurn, double fastShortBurn, double slowLongBurn, double slowShortBurn) {
        if (fastLongBurn > fastFactor && fastShortBurn > fastFactor) {
            return Level.FAST;
        }
        if (slowLongBurn > slowFactor && slowShortBurn > slowFactor) {
            return Level.SLOW;
        }
        return Level.NONE;
    }

    /**
     * The alert for a subject, given its figures over the last {@code window} for each of the four windows (the
     * caller computes them, e.g. from the stored history up to now).
     */
    public Level level(Function<Duration, Availability> figuresOverLast) {
        return level(of(figuresOverLast.apply(fastLong)), of(figuresOverLast.apply(fastShort)),
                of(figuresOverLast.apply(slowLong)), of(figuresOverLast.apply(slowShort)));
    }
}
