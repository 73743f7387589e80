package io.camfleet.console.service.timeline;

import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.service.availability.HealthHistory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/** A health history in memory, of only the spans a test gives it. */
public final class SpanList implements HealthHistory {

    private record Span(String camera, HealthState state, long start, long end) {
    }

    private final List<Span> spans = new ArrayList<>();

    /** A span from {@code from} to {@code to} (null: still open). */
    public SpanList add(String camera, HealthState state, Instant from, Instant to) {
        spans.add(new Span(camera, state, from.getEpochSecond(), to == null ? OPEN : to.getEpochSecond()));
        return this;
    }

    @Override
    public void spans(Period period, SpanReader reader) {
        for (Span s : spans) {
            if (s.end() > period.from().getEpochSecond() && s.start() < period.to().getEpochSecond()) {
                reader.span(s.camera(), s.state(), s.start(), s.end());
            }
        }
    }

    @Override
    public List<Observed> observed(Period period) {
        return List.of();
    }

    @Override
    public void lives(LifeReader reader) {
    }

    @Override
    public Optional<Instant> firstObserved() {
        return Optional.empty();
    }

    @Override
    public boolean backfill(Instant from, Instant to, Consumer<Writer> history) {
        return false;
    }

    @Override
    public void keepDays(IntSupplier days) {
    }
}
