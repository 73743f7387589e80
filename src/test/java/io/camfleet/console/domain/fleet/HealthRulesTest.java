package io.camfleet.console.domain.fleet;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HealthRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private final HealthRules rules = HealthRules.DEFAULT;

    private static CameraTelemetry beatAgo(Duration age) {
        return new CameraTelemetry(NOW.minus(age), OperatingMode.NORMAL, 600.0, 40.0, 45.0);
    }

    @Test
    void aHeartbeatWithinOneIntervalWithHealthyMetricsIsOnline() {
        assertThat(rules.evaluate(beatAgo(Duration.ZERO), NOW)).isEqualTo(HealthState.ONLINE);
        assertThat(rules.evaluate(beatAgo(Duration.ofSeconds(45)), NOW)).isEqualTo(HealthState.ONLINE);
    }

    @Test
    void oneMissedHeartbeatIsDegradedNotYetOffline() {
        assertThat(rules.evaluate(beatAgo(Duration.ofMillis(45_001)), NOW)).isEqualTo(HealthState.DEGRADED);
        assertThat(rules.evaluate(beatAgo(Duration.ofSeconds(90)), NOW)).isEqualTo(HealthState.DEGRADED);
    }

    @Test
    void twoMissedHeartbeatsAtFortyFiveSecondsMakeOffline() {
        assertThat(rules.offlineAfter()).isEqualTo(Duration.ofSeconds(90));
        assertThat(rules.evaluate(beatAgo(Duration.ofMillis(90_001)), NOW)).isEqualTo(HealthState.OFFLINE);
        assertThat(rules.evaluate(beatAgo(Duration.ofHours(5)), NOW)).isEqualTo(HealthState.OFFLINE);
    }

    @Test
    void silenceDatesTheStateItCausesAndNothingElseDoes() {
        CameraTelemetry silent = beatAgo(Duration.ofHours(5));
        assertThat(rules.enteredAt(silent, HealthState.OFFLINE)).isEqualTo(NOW.minus(Duration.ofHours(5))
                .plusSeconds(90));
        CameraTelemetry late = beatAgo(Duration.ofSeconds(60));
        assertThat(rules.enteredAt(late, HealthState.DEGRADED)).isEqualTo(NOW.minusSeconds(15));
        CameraTelemetry hot = new CameraTelemetry(NOW.minusSeconds(60), OperatingMode.NORMAL, 600.0, 40.0, 80.0);
        assertThat(rules.enteredAt(hot, HealthState.DEGRADED)).as("hot since when? the telemetry does not say")
                .isNull();
        assertThat(rules.enteredAt(beatAgo(Duration.ZERO), HealthState.ONLINE)).isNull();
        assertThat(rules.enteredAt(CameraTelemetry.NEVER_SEEN, HealthState.UNKNOWN)).isNull();
        assertThat(rules.enteredAt(new CameraTelemetry(NOW.minus(Duration.ofHours(5)), OperatingMode.MAINTENANCE,
                null, null, null), HealthState.MAINTENANCE)).isNull();
    }

    @Test
    void aCameraNeverHeardFromIsUnknown() {
        assertThat(rules.evaluate(CameraTelemetry.NEVER_SEEN, NOW)).isEqualTo(HealthState.UNKNOWN);
    }

    @Test
    void maintenanceWinsEvenOverSilence() {
        CameraTelemetry silentInMaintenance = new CameraTelemetry(NOW.minus(Duration.ofHours(2)),
                OperatingMode.MAINTENANCE, null, null, null);
        assertThat(rules.evaluate(silentInMaintenance, NOW)).isEqualTo(HealthState.MAINTENANCE);
        assertThat(rules.evaluate(new CameraTelemetry(null, OperatingMode.MAINTENANCE, null, null, null), NOW))
                .isEqualTo(HealthState.MAINTENANCE);
    }

    @Test
    void anUpdateMayMissHeartbeatsForItsGraceThenCountsAsOffline() {
        CameraTelemetry rebooting = new CameraTelemetry(NOW.minus(Duration.ofMinutes(15)), OperatingMode.UPDATING,
                0.0, 40.0, 45.0);
        CameraTelemetry stuck = new CameraTelemetry(NOW.minus(Duration.ofMinutes(15).plusMillis(1)),
                OperatingMode.UPDATING, 0.0, 40.0, 45.0);
        assertThat(rules.evaluate(rebooting, NOW)).isEqualTo(HealthState.UPDATING);
        assertThat(rules.evaluate(stuck, NOW)).isEqualTo(HealthState.OFFLINE);
    }

    @Test
    void metricsAtTheirThresholdsMakeDegraded() {
        CameraTelemetry diskBelow = new CameraTelemetry(NOW, OperatingMode.NORMAL, 600.0, 89.9, 45.0);
        CameraTelemetry diskAt = new CameraTelemetry(NOW, OperatingMode.NORMAL, 600.0, 90.0, 45.0);
        CameraTelemetry tempBelow = new CameraTelemetry(NOW, OperatingMode.NORMAL, 600.0, 40.0, 74.9);
        CameraTelemetry tempAt = new CameraTelemetry(NOW, OperatingMode.NORMAL, 600.0, 40.0, 75.0);
        CameraTelemetry framesAt = new CameraTelemetry(NOW, OperatingMode.NORMAL, 1.0, 40.0, 45.0);
        CameraTelemetry framesBelow = new CameraTelemetry(NOW, OperatingMode.NORMAL, 0.0, 40.0, 45.0);
        assertThat(rules.evaluate(diskBelow, NOW)).isEqualTo(HealthState.ONLINE);
        assertThat(rules.evaluate(diskAt, NOW)).isEqualTo(HealthState.DEGRADED);
        assertThat(rules.evaluate(tempBelow, NOW)).isEqualTo(HealthState.ONLINE);
        assertThat(rules.evaluate(tempAt, NOW)).isEqualTo(HealthState.DEGRADED);
        assertThat(rules.evaluate(framesAt, NOW)).isEqualTo(HealthState.ONLINE);
        assertThat(rules.evaluate(framesBelow, NOW)).isEqualTo(HealthState.DEGRADED);
    }

    @Test
    void missingMetricsAreNotHeldAgainstACamera() {
        CameraTelemetry bare = new CameraTelemetry(NOW, OperatingMode.NORMAL, null, null, null);
        assertThat(rules.evaluate(bare, NOW)).isEqualTo(HealthState.ONLINE);
    }

    @Test
    void aHeartbeatFromTheFutureCountsAsJustNow() {
        assertThat(rules.evaluate(beatAgo(Duration.ofMinutes(-10)), NOW)).isEqualTo(HealthState.ONLINE);
    }

    @Test
    void theThresholdsAreConfigurable() {
        HealthRules patient = new HealthRules(Duration.ofSeconds(60), 3, 95, 80, 1, Duration.ofMinutes(30));
        assertThat(patient.evaluate(beatAgo(Duration.ofSeconds(180)), NOW)).isEqualTo(HealthState.DEGRADED);
        assertThat(patient.evaluate(beatAgo(Duration.ofMillis(180_001)), NOW)).isEqualTo(HealthState.OFFLINE);
        assertThat(patient.evaluate(new CameraTelemetry(NOW, OperatingMode.NORMAL, 600.0, 92.0, 78.0), NOW))
                .isEqualTo(HealthState.ONLINE);
    }

    @Test
    void nonsensicalRulesAreRefused() {
        assertThatThrownBy(() -> new HealthRules(Duration.ZERO, 2, 90, 75, 1, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HealthRules(Duration.ofSeconds(45), 0, 90, 75, 1, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * The rules run for every camera on every tick (100,000 cameras every 3 s at the largest demo): judging must not
     * make garbage, which is what grew the heap of an idle console. It once went through BigDecimal for each camera.
     */
    @Test
    void judgingOneHundredThousandCamerasMakesNoGarbage() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        CameraTelemetry[] fleet = new CameraTelemetry[100_000];
        for (int i = 0; i < fleet.length; i++) {
            fleet[i] = beatAgo(Duration.ofSeconds(i % 200));
        }
        int offline = 0;
        long before = threads.getCurrentThreadAllocatedBytes();
        for (CameraTelemetry t : fleet) {
            offline += rules.evaluate(t, NOW) == HealthState.OFFLINE ? 1 : 0;
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(offline).isEqualTo(100_000 / 200 * 109);
        assertThat(allocated).as("bytes allocated judging 100,000 cameras").isLessThan(100_000);
    }
}
