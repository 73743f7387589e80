package io.camfleet.console.domain.support;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketMovesTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private static Ticket in(TicketStatus status) {
        Ticket t = Ticket.open("Site ams-01 is dark", Severity.P1, "Acme", List.of("ams-01"), List.of(), "nina", T0);
        return new Ticket(7, t.title(), t.severity(), status, t.level(), t.customer(), t.siteIds(), t.cameraIds(),
                "", "nina", T0, 3, "", "");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "NEW, TRIAGE", "NEW, IN_PROGRESS", "NEW, CLOSED",
            "TRIAGE, IN_PROGRESS", "TRIAGE, WAITING_ON_CUSTOMER", "TRIAGE, CLOSED",
            "IN_PROGRESS, WAITING_ON_CUSTOMER", "IN_PROGRESS, WAITING_ON_VENDOR", "IN_PROGRESS, RESOLVED",
            "WAITING_ON_CUSTOMER, IN_PROGRESS", "WAITING_ON_CUSTOMER, RESOLVED",
            "WAITING_ON_VENDOR, IN_PROGRESS",
            "RESOLVED, IN_PROGRESS", "RESOLVED, CLOSED"})
    void eachAllowedMoveTakesTheTicketThereAndBumpsItsVersion(TicketStatus from, TicketStatus to) {
        Ticket moved = in(from).moveTo(to);
        assertThat(moved.status()).isEqualTo(to);
        assertThat(moved.version()).isEqualTo(4);
        assertThat(moved.id()).isEqualTo(7);
    }

    @ParameterizedTest(name = "{0} -> {1} refused")
    @CsvSource({
            "NEW, NEW", "NEW, WAITING_ON_CUSTOMER", "NEW, WAITING_ON_VENDOR", "NEW, RESOLVED",
            "TRIAGE, NEW", "TRIAGE, TRIAGE", "TRIAGE, WAITING_ON_VENDOR", "TRIAGE, RESOLVED",
            "IN_PROGRESS, NEW", "IN_PROGRESS, TRIAGE", "IN_PROGRESS, IN_PROGRESS", "IN_PROGRESS, CLOSED",
            "WAITING_ON_CUSTOMER, NEW", "WAITING_ON_CUSTOMER, TRIAGE", "WAITING_ON_CUSTOMER, WAITING_ON_CUSTOMER",
            "WAITING_ON_CUSTOMER, WAITING_ON_VENDOR", "WAITING_ON_CUSTOMER, CLOSED",
            "WAITING_ON_VENDOR, NEW", "WAITING_ON_VENDOR, TRIAGE", "WAITING_ON_VENDOR, WAITING_ON_CUSTOMER",
            "WAITING_ON_VENDOR, WAITING_ON_VENDOR", "WAITING_ON_VENDOR, RESOLVED", "WAITING_ON_VENDOR, CLOSED",
            "RESOLVED, NEW", "RESOLVED, TRIAGE", "RESOLVED, WAITING_ON_CUSTOMER", "RESOLVED, WAITING_ON_VENDOR",
            "RESOLVED, RESOLVED",
            "CLOSED, NEW", "CLOSED, TRIAGE", "CLOSED, IN_PROGRESS", "CLOSED, WAITING_ON_CUSTOMER",
            "CLOSED, WAITING_ON_VENDOR", "CLOSED, RESOLVED", "CLOSED, CLOSED"})
    void eachMoveNotListedIsRefusedNamingBothStatuses(TicketStatus from, TicketStatus to) {
        assertThatThrownBy(() -> in(from).moveTo(to))
                .isInstanceOfSatisfying(TicketRefused.class, r -> {
                    assertThat(r.reason()).isEqualTo(TicketRefused.Reason.MOVE_NOT_ALLOWED);
                    assertThat(r.from()).isEqualTo(from);
                    assertThat(r.to()).isEqualTo(to);
                })
                .hasMessage("A ticket cannot move from " + from + " to " + to + ".");
    }

    @Test
    void theAllowedTableIsEveryMoveThereIs() {
        // 14 allowed (the table above) + 35 refused (the one below it) = 7 x 7 pairs: a move added to next() without
        // its row in the allowed table fails here.
        int allowed = 0;
        for (TicketStatus s : TicketStatus.values()) {
            allowed += s.next().size();
        }
        assertThat(allowed).isEqualTo(14);
    }

    @Test
    void onlyResolvedAndClosedStopTheWorkAndClosedIsFinal() {
        Set<TicketStatus> done = EnumSet.noneOf(TicketStatus.class);
        for (TicketStatus s : TicketStatus.values()) {
            if (s.done()) {
                done.add(s);
            }
        }
        assertThat(done).containsExactly(TicketStatus.RESOLVED, TicketStatus.CLOSED);
        assertThat(TicketStatus.CLOSED.next()).isEmpty();
    }

    @Test
    void escalationGoesFromL2ToL3AndNotBack() {
        Ticket l3 = in(TicketStatus.IN_PROGRESS).escalate();
        assertThat(l3.level()).isEqualTo(Level.L3);
        assertThat(l3.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThatThrownBy(l3::escalate).isInstanceOfSatisfying(TicketRefused.class,
                r -> assertThat(r.reason()).isEqualTo(TicketRefused.Reason.ALREADY_L3));
    }

    @Test
    void aClosedTicketCanBeNeitherEscalatedNorAssigned() {
        Ticket closed = in(TicketStatus.CLOSED);
        assertThatThrownBy(closed::escalate).isInstanceOfSatisfying(TicketRefused.class,
                r -> assertThat(r.reason()).isEqualTo(TicketRefused.Reason.CLOSED));
        assertThatThrownBy(() -> closed.assignTo("omar")).isInstanceOfSatisfying(TicketRefused.class,
                r -> assertThat(r.reason()).isEqualTo(TicketRefused.Reason.CLOSED));
    }
}
