package io.camfleet.console.service.fleet;

import java.time.Duration;

/**
 * How much health history the cache keeps, so that it stays bounded however long the console runs live: the changes
 * of the last {@code age}, and of each camera no more than its newest {@code perCamera}. What is older is deleted as
 * the cache is written, about once an hour. Settings shows it.
 *
 * <p>Sized for the largest fleet: at 20,000 sites (100,000 cameras) the demo fleet's live feed changes about 3 million
 * health states a day; kept whole, a day of it alone would pass the 300 MB the cache may take.
 */
public record HistoryRetention(Duration age, int perCamera) {

    public static final HistoryRetention DEFAULT = new HistoryRetention(Duration.ofDays(7), 10);

    public HistoryRetention {
        if (age.isNegative() || age.isZero() || perCamera < 1) {
            throw new IllegalArgumentException("a retention keeps something: " + age + ", " + perCamera);
        }
    }

    public long days() {
        return age.toDays();
    }
}
