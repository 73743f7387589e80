package io.camfleet.console.ui.support;

import io.camfleet.console.domain.support.Severity;
import io.camfleet.console.domain.support.SlaState;
import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.domain.support.TicketStatus;
import io.camfleet.console.service.common.Messages;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The SLA timers in the desk's words and tones, with no toolkit. */
class SlaTimerTest {

    private static final Messages M = new Messages(Locale.ENGLISH);
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration P1_RESPONSE = Duration.ofMinutes(15);

    private static SlaState running(Instant responseDue, boolean breached, boolean paused) {
        return new SlaState(responseDue, null, breached, NOW.plus(Duration.ofHours(3)), false, paused);
    }

    @Test
    void aQuarterOfTheTargetLeftIsBreachingSoon() {
        // 15 min target: a quarter is 3 min 45 s. 3 min 46 s left is still running; 3 min 44 s is soon.
        assertThat(SlaTimer.response(running(NOW.plusSeconds(226), false, false), P1_RESPONSE, NOW, M))
                .isEqualTo(new SlaTimer(SlaTimer.Tone.RUNNING, "3 min left"));
        assertThat(SlaTimer.response(running(NOW.plusSeconds(224), false, false), P1_RESPONSE, NOW, M))
                .isEqualTo(new SlaTimer(SlaTimer.Tone.SOON, "3 min left"));
    }

    @Test
    void aBreachSaysHowLateAndAPauseSaysWhatIsLeft() {
        assertThat(SlaTimer.response(running(NOW.minusSeconds(45 * 60), true, false), P1_RESPONSE, NOW, M))
                .isEqualTo(new SlaTimer(SlaTimer.Tone.BREACHED, "late by 45 min"));
        // a due instant reached is late, even before the service marks it: an answer at the due time is late
        assertThat(SlaTimer.response(running(NOW, false, false), P1_RESPONSE, NOW, M).tone())
                .isEqualTo(SlaTimer.Tone.BREACHED);
        assertThat(SlaTimer.response(running(NOW.plusSeconds(60), false, true), P1_RESPONSE, NOW, M))
                .isEqualTo(new SlaTimer(SlaTimer.Tone.PAUSED, "paused, 1 min left"));
    }

    @Test
    void aResponseGivenOrATicketResolvedStopsItsTimer() {
        SlaState answered = new SlaState(NOW, NOW.minusSeconds(60), false, NOW.plusSeconds(60), false, false);
        assertThat(SlaTimer.response(answered, P1_RESPONSE, NOW, M))
                .isEqualTo(new SlaTimer(SlaTimer.Tone.MET, "answered in time"));
        Ticket resolved = new Ticket(1, "t", Severity.P1, TicketStatus.RESOLVED, io.camfleet.console.domain.support
                .Level.L2, "", List.of("s"), List.of(), "", "", NOW, 3, "", "");
        SlaState late = new SlaState(NOW, NOW, true, NOW.minusSeconds(1), true, false);
        assertThat(SlaTimer.resolution(resolved, late, Duration.ofHours(4), NOW, M))
                .isEqualTo(new SlaTimer(SlaTimer.Tone.BREACHED, "resolved late"));
    }

    @Test
    void durationsAreTheTwoLargestUnitsRoundedDown() {
        assertThat(SlaTimer.words(Duration.ofSeconds(45), M)).isEqualTo("45 s");
        assertThat(SlaTimer.words(Duration.ofMinutes(12).plusSeconds(59), M)).isEqualTo("12 min");
        assertThat(SlaTimer.words(Duration.ofMinutes(238), M)).isEqualTo("3 h 58 min");
        assertThat(SlaTimer.words(Duration.ofHours(71).plusMinutes(30), M)).isEqualTo("2 d 23 h");
    }
}
