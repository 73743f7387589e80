package io.camfleet.console.domain.findings;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The severities, their counts, and what an acceptance must say. */
class FindingRulesTest {

    @Test
    void severitiesAreReadInAnyCaseWithInspectorsAndScannersSynonyms() {
        assertThat(Severity.parse(" high ")).contains(Severity.HIGH);
        assertThat(Severity.parse("UNTRIAGED")).contains(Severity.INFORMATIONAL);
        assertThat(Severity.parse("info")).contains(Severity.INFORMATIONAL);
        assertThat(Severity.parse("SEVERE")).isEmpty();
        assertThat(Severity.parse(null)).isEmpty();
        assertThat(Severity.CRITICAL.atLeast(Severity.HIGH)).isTrue();
        assertThat(Severity.MEDIUM.atLeast(Severity.HIGH)).isFalse();
    }

    @Test
    void countsHoldEverySeverityZeroWhereNone() {
        Instant t = Instant.EPOCH;
        SeverityCounts c = SeverityCounts.of(List.of(
                new Finding("1", "csv", "CVE-1", Severity.HIGH, "p", "h", "", "", t),
                new Finding("2", "csv", "CVE-2", Severity.HIGH, "p", "h", "", "", t),
                new Finding("3", "csv", "CVE-3", Severity.LOW, "p", "h", "", "", t)));

        assertThat(c.counts()).containsOnlyKeys(Severity.values());
        assertThat(c.of(Severity.HIGH)).isEqualTo(2);
        assertThat(c.of(Severity.CRITICAL)).isZero();
        assertThat(c.total()).isEqualTo(3);
    }

    @Test
    void anAcceptanceNeedsAReasonAndAnExpiryAfterTodayWithinAYear() {
        LocalDate today = LocalDate.of(2026, 12, 7);
        assertThat(AcceptanceRule.check("why", today.plusDays(1), today)).isEmpty();
        assertThat(AcceptanceRule.check("why", today.plusDays(366), today)).isEmpty();
        assertThat(AcceptanceRule.check("why", today.plusDays(367), today)).contains(AcceptanceRule.Refusal.TOO_FAR);
        assertThat(AcceptanceRule.check("why", today, today)).contains(AcceptanceRule.Refusal.NOT_IN_FUTURE);
        assertThat(AcceptanceRule.check(" ", today.plusDays(1), today)).contains(AcceptanceRule.Refusal.NO_REASON);
    }

    @Test
    void anAcceptanceHoldsThroughItsLastDayInUtc() {
        RiskAcceptance a = new RiskAcceptance("f", "why", LocalDate.of(2026, 12, 10), "nina", Instant.EPOCH, false);

        assertThat(a.holdsAt(Instant.parse("2026-12-10T23:59:59.999Z"))).isTrue();
        assertThat(a.holdsAt(Instant.parse("2026-12-11T00:00:00Z"))).isFalse();
    }

    @Test
    void complianceIsRoundedDownSoOneMissingPatchNeverShowsAHundred() {
        // 999 / 1000 = 99.9 %, shown as 99
        assertThat(new PatchState("h", "s", "", 999, 1, 0, Instant.EPOCH).compliancePercent()).isEqualTo(99);
        assertThat(new PatchState("h", "s", "", 0, 0, 0, Instant.EPOCH).compliancePercent()).isEqualTo(100);
    }
}
