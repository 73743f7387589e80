package io.camfleet.console.service.environments;

import io.camfleet.console.service.common.Problem;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a sync's report tells: its fields as given, its calls in total and by operation, most made first. */
class SyncReportTest {

    private static SyncReport withCalls(Map<String, Integer> calls) {
        return new SyncReport("prod-eu", true, 2, 3, 1, 4, 5, 6, 7, Duration.ofSeconds(8), List.of(), calls,
                SyncReport.Path.REGISTRY);
    }

    @Test
    void aReportOfASyncThatReadWhatItSetOutToHasNoReasonToReadEverything() {
        Problem warning = new Problem("sync.because.unsupported");
        SyncReport r = new SyncReport("prod-eu", true, 2, 3, 1, 4, 5, 6, 7, Duration.ofSeconds(8), List.of(warning),
                Map.of("SearchIndex", 2), SyncReport.Path.FLEET_INDEX);

        assertThat(r).isEqualTo(new SyncReport("prod-eu", true, 2, 3, 1, 4, 5, 6, 7, Duration.ofSeconds(8),
                List.of(warning), Map.of("SearchIndex", 2), SyncReport.Path.FLEET_INDEX, null));
        assertThat(r.readAllBecause()).isNull();
        assertThat(r.path()).isEqualTo(SyncReport.Path.FLEET_INDEX);
        assertThat(r.warnings()).containsExactly(warning);
    }

    @Test
    void itsWarningsAndCallsCannotChangeAfterwards() {
        List<Problem> warnings = new ArrayList<>();
        Map<String, Integer> calls = new LinkedHashMap<>(Map.of("SearchIndex", 2));
        SyncReport r = new SyncReport("prod-eu", false, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO, warnings, calls,
                SyncReport.Path.UNKNOWN);
        warnings.add(new Problem("sync.because.unsupported"));
        calls.put("ListMetrics", 1);

        assertThat(r.warnings()).isEmpty();
        assertThat(r.calls()).containsOnlyKeys("SearchIndex");
        assertThatThrownBy(() -> r.calls().put("X", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.warnings().add(null)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theCallsByOperationAreTheMostMadeFirstThenByName() {
        Map<String, Integer> calls = new LinkedHashMap<>();
        calls.put("ListMetrics", 1);
        calls.put("ListThings", 3);
        calls.put("SearchIndex", 200);
        calls.put("DescribeThing", 3);

        SyncReport r = withCalls(calls);

        assertThat(r.callsByOperation()).isEqualTo("SearchIndex 200, DescribeThing 3, ListThings 3, ListMetrics 1");
        assertThat(r.totalCalls()).isEqualTo(207);
    }

    @Test
    void aSyncThatMadeNoCallsSaysSo() {
        SyncReport r = withCalls(Map.of());

        assertThat(r.callsByOperation()).isEmpty();
        assertThat(r.totalCalls()).isZero();
    }
}
