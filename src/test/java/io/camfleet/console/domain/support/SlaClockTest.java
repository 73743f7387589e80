package io.camfleet.console.domain.support;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.camfleet.console.domain.support.TicketStatus.IN_PROGRESS;
import static io.camfleet.console.domain.support.TicketStatus.NEW;
import static io.camfleet.console.domain.support.TicketStatus.RESOLVED;
import static io.camfleet.console.domain.support.TicketStatus.TRIAGE;
import static io.camfleet.console.domain.support.TicketStatus.WAITING_ON_CUSTOMER;
import static io.camfleet.console.domain.support.TicketStatus.WAITING_ON_VENDOR;
import static org.assertj.core.api.Assertions.assertThat;

/** Every case is computed by hand in its comment; T0 = 10:00 on 2026-12-07, the ticket's creation. */
class SlaClockTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    static final SlaTargets TARGETS = SlaTargets.DEFAULT;

    private static Instant at(String hhmm) {
        return Instant.parse("2026-12-07T" + hhmm + ":00Z");
    }

    private static Ticket ticket(Severity severity) {
        return Ticket.open("Camera drops frames", severity, "Acme", List.of("ams-01"), List.of(), "nina", T0)
                .withId(1);
    }

    /** A timeline of moves: {at, from, to} triples, by nina. */
    private static List<TimelineEntry> moves(Object... steps) {
        List<TimelineEntry> out = new ArrayList<>();
        out.add(TimelineEntry.status(T0, "nina", null, NEW, ""));
        for (int i = 0; i < steps.length; i += 3) {
            out.add(TimelineEntry.status(at((String) steps[i]), "nina", (TicketStatus) steps[i + 1],
                    (TicketStatus) steps[i + 2], ""));
        }
        return out;
    }

    @Test
    void eachSeverityHasItsOwnDueTimesFromTheDefaults() {
        // Nothing done yet, read at 10:00: response due 10:00 + target, resolution due 10:00 + target.
        // P1 15 min / 4 h -> 10:15 / 14:00; P2 1 h / 8 h -> 11:00 / 18:00; P3 4 h / 3 d -> 14:00 / 10th 10:00;
        // P4 1 d / 10 d -> 8th 10:00 / 17th 10:00.
        List<TimelineEntry> none = moves();
        assertThat(SlaClock.at(ticket(Severity.P1), none, TARGETS, T0))
                .isEqualTo(new SlaState(at("10:15"), null, false, at("14:00"), false, false));
        assertThat(SlaClock.at(ticket(Severity.P2), none, TARGETS, T0))
                .isEqualTo(new SlaState(at("11:00"), null, false, at("18:00"), false, false));
        assertThat(SlaClock.at(ticket(Severity.P3), none, TARGETS, T0))
                .isEqualTo(new SlaState(at("14:00"), null, false, Instant.parse("2026-12-10T10:00:00Z"), false,
                        false));
        assertThat(SlaClock.at(ticket(Severity.P4), none, TARGETS, T0))
                .isEqualTo(new SlaState(Instant.parse("2026-12-08T10:00:00Z"), null, false,
                        Instant.parse("2026-12-17T10:00:00Z"), false, false));
    }

    @Test
    void aP1NotAnsweredIn15MinutesIsBreachedExactlyAtTheDueInstantNotASecondBefore() {
        // P1 response 15 min: due 10:15. At 10:14:59 not breached; at 10:15:00 breached (the due is the first late
        // instant).
        Ticket t = ticket(Severity.P1);
        assertThat(SlaClock.at(t, moves(), TARGETS, at("10:15").minusSeconds(1)).responseBreached()).isFalse();
        assertThat(SlaClock.at(t, moves(), TARGETS, at("10:15")).responseBreached()).isTrue();
    }

    @Test
    void aResponseAtTheDueInstantIsLateAndOneSecondBeforeIsInTime() {
        // P1: moved out of NEW at 10:15:00 -> the clock ran 15 min of 15: breached; at 10:14:59 it ran 14:59: met.
        Ticket t = ticket(Severity.P1);
        SlaState late = SlaClock.at(t, moves("10:15", NEW, TRIAGE), TARGETS, at("12:00"));
        assertThat(late.respondedAt()).isEqualTo(at("10:15"));
        assertThat(late.responseBreached()).isTrue();
        List<TimelineEntry> inTime = moves();
        inTime.add(TimelineEntry.status(at("10:15").minusSeconds(1), "nina", NEW, TRIAGE, ""));
        assertThat(SlaClock.at(t, inTime, TARGETS, at("12:00")).responseBreached()).isFalse();
    }

    @Test
    void aPersonsFirstCommentAnswersButTheConsolesOwnEntriesDoNot() {
        // P2 response due 11:00. The console moves it at 10:10 (by ""), nina comments at 10:40: responded 10:40.
        Ticket t = ticket(Severity.P2);
        List<TimelineEntry> timeline = moves();
        timeline.add(TimelineEntry.status(at("10:10"), "", NEW, TRIAGE, ""));
        timeline.add(TimelineEntry.comment(at("10:40"), "nina", "Calling the site"));
        SlaState s = SlaClock.at(t, timeline, TARGETS, at("13:00"));
        assertThat(s.respondedAt()).isEqualTo(at("10:40"));
        assertThat(s.responseBreached()).isFalse();
        assertThat(s.responseDue()).isEqualTo(at("11:00"));
    }

    @Test
    void waitingOnTheCustomerPausesTheResolutionClockAndWaitingOnAVendorDoesNot() {
        // P1 resolution 4 h. 10:05 NEW->IN_PROGRESS; 11:00 -> WAITING_ON_CUSTOMER; 12:30 -> IN_PROGRESS;
        // 13:00 -> WAITING_ON_VENDOR (runs on). Paused 1 h 30 -> due 14:00 + 1:30 = 15:30. At 15:29 not breached.
        Ticket t = ticket(Severity.P1);
        List<TimelineEntry> timeline = moves("10:05", NEW, IN_PROGRESS, "11:00", IN_PROGRESS, WAITING_ON_CUSTOMER,
                "12:30", WAITING_ON_CUSTOMER, IN_PROGRESS, "13:00", IN_PROGRESS, WAITING_ON_VENDOR);
        SlaState s = SlaClock.at(t, timeline, TARGETS, at("15:29"));
        assertThat(s.resolutionDue()).isEqualTo(at("15:30"));
        assertThat(s.resolutionBreached()).isFalse();
        assertThat(s.paused()).isFalse();
        assertThat(SlaClock.at(t, timeline, TARGETS, at("15:30")).resolutionBreached()).isTrue();
    }

    @Test
    void severalPausesAddUp() {
        // P1 resolution 4 h. Pauses 10:30-11:00 (30 min), 11:30-12:15 (45 min), 13:00-13:20 (20 min): 95 min in all.
        // Due 14:00 + 1:35 = 15:35.
        Ticket t = ticket(Severity.P1);
        List<TimelineEntry> timeline = moves("10:01", NEW, IN_PROGRESS,
                "10:30", IN_PROGRESS, WAITING_ON_CUSTOMER, "11:00", WAITING_ON_CUSTOMER, IN_PROGRESS,
                "11:30", IN_PROGRESS, WAITING_ON_CUSTOMER, "12:15", WAITING_ON_CUSTOMER, IN_PROGRESS,
                "13:00", IN_PROGRESS, WAITING_ON_CUSTOMER, "13:20", WAITING_ON_CUSTOMER, IN_PROGRESS);
        SlaState s = SlaClock.at(t, timeline, TARGETS, at("15:00"));
        assertThat(s.resolutionDue()).isEqualTo(at("15:35"));
        assertThat(s.resolutionBreached()).isFalse();
        assertThat(SlaClock.at(t, timeline, TARGETS, at("15:35")).resolutionBreached()).isTrue();
    }

    @Test
    void aPauseAcrossTheDueTimeHoldsTheBreachOffUntilTheClockRunsOutAfterIt() {
        // P1 resolution 4 h, due 14:00. Waiting on the customer 13:30 - 15:00 (90 min, across 14:00).
        // Ran 3 h 30 by 13:30: 30 min left. At 14:30 (paused): not breached, due as if it ran on now: 14:30 + 0:30 =
        // 15:00. Resumed 15:00: due 15:00 + 0:30 = 15:30; at 15:29 not breached, at 15:30 breached.
        Ticket t = ticket(Severity.P1);
        List<TimelineEntry> timeline = moves("10:02", NEW, IN_PROGRESS,
                "13:30", IN_PROGRESS, WAITING_ON_CUSTOMER, "15:00", WAITING_ON_CUSTOMER, IN_PROGRESS);
        SlaState during = SlaClock.at(t, timeline.subList(0, 3), TARGETS, at("14:30"));
        assertThat(during.paused()).isTrue();
        assertThat(during.resolutionBreached()).isFalse();
        assertThat(during.resolutionDue()).isEqualTo(at("15:00"));
        assertThat(SlaClock.at(t, timeline, TARGETS, at("15:29")).resolutionBreached()).isFalse();
        SlaState after = SlaClock.at(t, timeline, TARGETS, at("15:30"));
        assertThat(after.resolutionDue()).isEqualTo(at("15:30"));
        assertThat(after.resolutionBreached()).isTrue();
        assertThat(after.paused()).isFalse();
    }

    @Test
    void aResolvedTicketStopsItsClockAndAReopenedOneRunsOnFromWhereItStopped() {
        // P2 resolution 8 h, due 18:00. Resolved 12:00 (ran 2 h, 6 h left): read at 20:00, not breached, due as it
        // stood at 12:00 + 6 h = 18:00. Reopened 20:00: due 20:00 + 6 h = 02:00 on the 8th; breached from then.
        Ticket t = ticket(Severity.P2);
        List<TimelineEntry> resolved = moves("10:20", NEW, IN_PROGRESS, "12:00", IN_PROGRESS, RESOLVED);
        SlaState s = SlaClock.at(t, resolved, TARGETS, at("20:00"));
        assertThat(s.resolutionBreached()).isFalse();
        assertThat(s.resolutionDue()).isEqualTo(at("18:00"));
        List<TimelineEntry> reopened = new ArrayList<>(resolved);
        reopened.add(TimelineEntry.status(at("20:00"), "nina", RESOLVED, IN_PROGRESS, "It came back"));
        Instant due = Instant.parse("2026-12-08T02:00:00Z");
        assertThat(SlaClock.at(t, reopened, TARGETS, due.minusSeconds(1)).resolutionBreached()).isFalse();
        SlaState late = SlaClock.at(t, reopened, TARGETS, due);
        assertThat(late.resolutionDue()).isEqualTo(due);
        assertThat(late.resolutionBreached()).isTrue();
    }

    @Test
    void aTicketResolvedAfterItsDueStaysBreached() {
        // P1 resolution 4 h, due 14:00; resolved 14:10: breached at 14:00, and still so at 18:00.
        Ticket t = ticket(Severity.P1);
        List<TimelineEntry> timeline = moves("10:03", NEW, IN_PROGRESS, "14:10", IN_PROGRESS, RESOLVED);
        SlaState s = SlaClock.at(t, timeline, TARGETS, at("18:00"));
        assertThat(s.resolutionBreached()).isTrue();
        assertThat(s.resolutionDue()).isEqualTo(at("14:00"));
        assertThat(s.breached()).isTrue();
    }

    @Test
    void configuredTargetsAreTheOnesUsed() {
        // P3 with response 30 min, resolution 2 h: due 10:30 and 12:00.
        SlaTargets mine = new SlaTargets(
                java.util.Map.of(Severity.P1, Duration.ofMinutes(5), Severity.P2, Duration.ofMinutes(10),
                        Severity.P3, Duration.ofMinutes(30), Severity.P4, Duration.ofHours(1)),
                java.util.Map.of(Severity.P1, Duration.ofHours(1), Severity.P2, Duration.ofHours(2),
                        Severity.P3, Duration.ofHours(2), Severity.P4, Duration.ofHours(3)));
        SlaState s = SlaClock.at(ticket(Severity.P3), moves(), mine, at("10:10"));
        assertThat(s.responseDue()).isEqualTo(at("10:30"));
        assertThat(s.resolutionDue()).isEqualTo(at("12:00"));
    }
}
