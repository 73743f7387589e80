package io.camfleet.console.domain.alerts;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryBackoffTest {

    private static final DeliveryBackoff B =
            new DeliveryBackoff(5, Duration.ofMinutes(10), Duration.ofSeconds(2), Duration.ofSeconds(20));

    @Test
    void theWaitDoublesFromTheFirstUpToTheCapAndJitterPicksWithinIt() {
        // ceilings: after attempt 1: 2 s, 2: 4 s, 3: 8 s, 4: 16 s, 5: 32 s -> capped at 20 s
        assertThat(B.jittered(1, 0.5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(B.jittered(2, 0.5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(B.jittered(3, 0.5)).isEqualTo(Duration.ofSeconds(4));
        assertThat(B.jittered(4, 0.999)).isEqualTo(Duration.ofMillis(15_984)); // 16,000 ms * 0.999
        assertThat(B.jittered(5, 0.5)).isEqualTo(Duration.ofSeconds(10)); // the 20 s cap, not 32 s
        assertThat(B.jittered(60, 0.5)).isEqualTo(Duration.ofSeconds(10)); // no overflow however many
        assertThat(B.jittered(1, 0.0)).isEqualTo(Duration.ofMillis(1)); // never a busy loop
    }

    @Test
    void aRetryAfterLongerThanTheBackOffIsWaitedInFull() {
        assertThat(B.next(1, Duration.ZERO, Duration.ofSeconds(30), 0.5)).contains(Duration.ofSeconds(30));
        // a shorter Retry-After than the jittered wait does not shorten it
        assertThat(B.next(3, Duration.ZERO, Duration.ofSeconds(1), 0.5)).contains(Duration.ofSeconds(4));
    }

    @Test
    void itGivesUpAfterTheLastAttemptOrWhenTheNextWouldComeTooLate() {
        assertThat(B.next(4, Duration.ZERO, null, 0.5)).contains(Duration.ofSeconds(8));
        assertThat(B.next(5, Duration.ZERO, null, 0.5)).isEmpty();
        // 9 min 55 s old + a 1 s wait is 9 min 56 s: in time; + a 10 s Retry-After is 10 min 5 s: too late
        assertThat(B.next(1, Duration.ofSeconds(595), null, 0.5)).contains(Duration.ofSeconds(1));
        assertThat(B.next(1, Duration.ofSeconds(595), Duration.ofSeconds(10), 0.5)).isEmpty();
    }

    @Test
    void aBackOffThatCannotWorkIsRefused() {
        assertThatThrownBy(() -> new DeliveryBackoff(0, Duration.ofHours(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliveryBackoff(3, Duration.ofHours(1), Duration.ofSeconds(5),
                Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
