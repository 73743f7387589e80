package io.camfleet.console.service.availability;

import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.domain.fleet.HealthState;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Port: the long health history availability is computed from, kept compact: per camera, only the stretches it spent
 * in a state other than ONLINE ({@code spans}), when the console had data at all ({@code observed}), and when each
 * camera was in the fleet ({@code lives}). The fleet cache records them as it writes health changes; this reads them,
 * read as streams so that a month of 100,000 cameras is never held as objects. Times are epoch seconds.
 */
public interface HealthHistory {

    /** A span still open ends here: it lasts as long as anyone asks. */
    long OPEN = Long.MAX_VALUE;

    /** One stretch of a camera in {@code state}, from {@code start} to {@code end} ({@link #OPEN} while it lasts). */
    interface SpanReader {
        void span(String cameraId, HealthState state, long start, long end);
    }

    /** A camera's life in the fleet: from {@code firstSeen} until {@code lastSeen} ({@link #OPEN} while in it). */
    interface LifeReader {
        void camera(String cameraId, String siteId, long firstSeen, long lastSeen);
    }

    /** When the console had data: from {@code start} to {@code end}, in epoch seconds. */
    record Observed(long start, long end) {
    }

    /** What a backfill writes: spans and camera lives, in any order. */
    interface Writer {
        void span(String cameraId, HealthState state, long start, long end);

        void life(String cameraId, String siteId, long firstSeen);
    }

    /** Each span that overlaps {@code period}, in no particular order. */
    void spans(Period period, SpanReader reader);

    /**
     * Each span of the cameras {@code cameraIds} that overlaps {@code period}, in no particular order: one site's
     * history (its timeline), read by camera rather than over the whole fleet.
     */
    default void spansOf(Collection<String> cameraIds, Period period, SpanReader reader) {
        Set<String> wanted = Set.copyOf(cameraIds);
        spans(period, (camera, state, start, end) -> {
            if (wanted.contains(camera)) {
                reader.span(camera, state, start, end);
            }
        });
    }

    /** The stretches with data that overlap {@code period}, oldest first. */
    List<Observed> observed(Period period);

    /** Every camera's life in the fleet. */
    void lives(LifeReader reader);

    /** When the history begins; empty when nothing was ever observed. */
    Optional<Instant> firstObserved();

    /**
     * Writes a history from before the console's first look (the demo fleet's), in one transaction, observed from
     * {@code from} to {@code to}: only into a history with nothing observed yet (a new cache).
     *
     * @return whether it was written
     */
    boolean backfill(Instant from, Instant to, Consumer<Writer> history);

    /** How many days of history the hourly pruning keeps: asked at each pruning (a setting, live). */
    void keepDays(IntSupplier days);
}
