package io.camfleet.console.service.availability;

import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.service.timeline.SpanList;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A history without a query by camera of its own reads some cameras' spans from the whole period's. */
class HealthHistorySpansOfTest {

    @Test
    void onlyTheCamerasAskedForAreRead() {
        Instant t = Instant.parse("2026-12-01T10:00:00Z");
        SpanList history = new SpanList().add("a-1", HealthState.OFFLINE, t, t.plusSeconds(60))
                .add("b-1", HealthState.OFFLINE, t, t.plusSeconds(60))
                .add("a-2", HealthState.DEGRADED, t.plusSeconds(30), null);
        List<String> read = new ArrayList<>();
        history.spansOf(List.of("a-1", "a-2"), new Period(t, t.plusSeconds(120)),
                (camera, state, start, end) -> read.add(camera + " " + state));
        assertThat(read).containsExactlyInAnyOrder("a-1 OFFLINE", "a-2 DEGRADED");
    }
}
