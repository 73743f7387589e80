package io.camfleet.console.adapter.aws;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShadowTelemetryTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final Duration LOOKBACK = Duration.ofMinutes(10);
    private static final long T = NOW.getEpochSecond();

    @Test
    void theReportedFieldsAreReadAndTheNewestTimestampIsTheHeartbeat() {
        String shadow = """
                {"reported": {"framesCaptured": 1520, "diskUsedPercent": 41.5, "temperatureC": 48, "other": "x"},
                 "metadata": {"reported": {"framesCaptured": {"timestamp": %d}, "diskUsedPercent": {"timestamp": %d},
                  "temperatureC": {"timestamp": %d}, "other": {"timestamp": %d}}},
                 "version": 7, "hasDelta": false}""".formatted(T - 30, T - 90, T - 60, T);

        ShadowTelemetry t = ShadowTelemetry.of(shadow, NOW, LOOKBACK);

        assertThat(t).isEqualTo(new ShadowTelemetry(NOW.minusSeconds(30), 1520.0, 41.5, 48.0));
    }

    @Test
    void aFieldNotReportedStaysMissingAndTheOthersAreKept() {
        String shadow = """
                {"reported": {"temperatureC": 51.25},
                 "metadata": {"reported": {"temperatureC": {"timestamp": %d}}}}""".formatted(T - 5);

        assertThat(ShadowTelemetry.of(shadow, NOW, LOOKBACK))
                .isEqualTo(new ShadowTelemetry(NOW.minusSeconds(5), null, null, 51.25));
    }

    @Test
    void valuesOlderThanTheLookbackAreLeftOutButTheLastHeartbeatIsKept() {
        String shadow = """
                {"reported": {"framesCaptured": 1500, "diskUsedPercent": 30},
                 "metadata": {"reported": {"framesCaptured": {"timestamp": %d},
                  "diskUsedPercent": {"timestamp": %d}}}}""".formatted(T - 7200, T - 120);

        assertThat(ShadowTelemetry.of(shadow, NOW, LOOKBACK))
                .isEqualTo(new ShadowTelemetry(NOW.minusSeconds(120), null, 30.0, null));
    }

    @Test
    void aTimestampAheadOfTheConsolesClockCountsAsNow() {
        String shadow = """
                {"reported": {"diskUsedPercent": 30},
                 "metadata": {"reported": {"diskUsedPercent": {"timestamp": %d}}}}""".formatted(T + 90);

        assertThat(ShadowTelemetry.of(shadow, NOW, LOOKBACK).heartbeat()).isEqualTo(NOW);
    }

    @Test
    void aShadowWithoutTheFieldsOrTheirTimestampsHasNoTelemetry() {
        assertThat(ShadowTelemetry.of(null, NOW, LOOKBACK)).isNull();
        assertThat(ShadowTelemetry.of("", NOW, LOOKBACK)).isNull();
        assertThat(ShadowTelemetry.of("{\"reported\": {\"door\": \"open\"}}", NOW, LOOKBACK)).isNull();
        // A value without its time, or a time without a number, tells nothing about when the camera reported.
        assertThat(ShadowTelemetry.of("""
                {"reported": {"framesCaptured": 1500, "temperatureC": "hot"},
                 "metadata": {"reported": {"temperatureC": {"timestamp": %d}}}}""".formatted(T), NOW, LOOKBACK))
                .isNull();
    }

    @Test
    void aShadowThatIsNotJsonIsRefusedSaying() {
        assertThatThrownBy(() -> ShadowTelemetry.of("{\"reported\": {\"framesCaptured\": 15", NOW, LOOKBACK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the indexed shadow is not JSON");
    }
}
