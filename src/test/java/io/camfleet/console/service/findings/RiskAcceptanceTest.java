package io.camfleet.console.service.findings;

import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.findings.RiskAcceptance;
import io.camfleet.console.domain.findings.Severity;
import io.camfleet.console.service.common.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Accepting a finding as a risk, and the acceptance running out by itself as the clock moves. */
class RiskAcceptanceTest {

    @TempDir
    Path dir;
    private FindingsRig rig;
    private String critical;

    @BeforeEach
    void open() throws IOException {
        rig = new FindingsRig(dir);
        rig.service.importFile(Files.writeString(dir.resolve("scan.csv"), FindingImportTest.CSV),
                ImportFormat.CSV);
        critical = rig.service.rows(Optional.of(Severity.CRITICAL), false).getFirst().finding().id();
    }

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void anAcceptedFindingLeavesTheOpenListUntilItsDayEndsThenComesBackAuditedOnce() {
        // T0 is 2026-12-07T10:00Z; accepted through 2026-12-10, so it holds until 2026-12-11T00:00Z
        RiskAcceptance a = rig.service.accept(critical, "Cameras are on an isolated VLAN; fix in 4.3",
                LocalDate.of(2026, 12, 10));

        assertThat(a.acceptedBy()).isEqualTo("nina");
        assertThat(rig.service.openCounts().of(Severity.CRITICAL)).isZero();
        assertThat(rig.service.rows(Optional.empty(), false)).extracting(r -> r.finding().id())
                .doesNotContain(critical);
        assertThat(rig.service.rows(Optional.empty(), true)).filteredOn(r -> r.finding().id().equals(critical))
                .singleElement().satisfies(r -> assertThat(r.acceptance()).isPresent());
        assertThat(rig.audited(AuditActions.FINDING_ACCEPT)).extracting(e -> e.outcome().name())
                .containsExactly("SUCCEEDED", "STARTED"); // newest first

        // 2026-12-10T23:59:59Z: the last second of its last day, still accepted
        rig.clock.advance(Duration.ofHours(85).plusMinutes(59).plusSeconds(59));
        assertThat(rig.service.openCounts().of(Severity.CRITICAL)).isZero();
        assertThat(rig.audited(AuditActions.FINDING_ACCEPT_EXPIRED)).isEmpty();

        // 2026-12-11T00:00:00Z: expired, open again
        rig.clock.advance(Duration.ofSeconds(1));
        assertThat(rig.service.openCounts().of(Severity.CRITICAL)).isEqualTo(1);
        assertThat(rig.service.rows(Optional.empty(), true)).filteredOn(r -> r.finding().id().equals(critical))
                .singleElement().satisfies(r -> assertThat(r.open()).isTrue());
        rig.service.rows(Optional.empty(), false);
        assertThat(rig.audited(AuditActions.FINDING_ACCEPT_EXPIRED)).singleElement()
                .satisfies(e -> assertThat(e.target()).isEqualTo(critical))
                .satisfies(e -> assertThat(e.parameters()).containsEntry("until", "2026-12-10"));
    }

    @Test
    void anAcceptanceSurvivesTheNextImportOfTheSameFinding() throws IOException {
        rig.service.accept(critical, "isolated VLAN", LocalDate.of(2027, 1, 31));
        rig.service.importFile(Files.writeString(dir.resolve("again.csv"), FindingImportTest.CSV),
                ImportFormat.CSV);

        assertThat(rig.service.openCounts().of(Severity.CRITICAL)).isZero();
    }

    @Test
    void anAcceptanceNeedsAReasonAndAnExpiryWithinAYear() {
        assertThatThrownBy(() -> rig.service.accept(critical, "  ", LocalDate.of(2027, 1, 1)))
                .extracting(e -> ((Problem) e).key()).isEqualTo("findings.accept.noReason");
        // today is 2026-12-07: today itself is not in the future
        assertThatThrownBy(() -> rig.service.accept(critical, "r", LocalDate.of(2026, 12, 7)))
                .extracting(e -> ((Problem) e).key()).isEqualTo("findings.accept.past");
        // 2026-12-07 + 366 days = 2027-12-08 is the furthest allowed
        assertThat(rig.service.accept(critical, "r", LocalDate.of(2027, 12, 8)).until())
                .isEqualTo(LocalDate.of(2027, 12, 8));
        assertThatThrownBy(() -> rig.service.accept(critical, "r", LocalDate.of(2027, 12, 9)))
                .hasMessageContaining("2027-12-08")
                .extracting(e -> ((Problem) e).key()).isEqualTo("findings.accept.tooFar");
        assertThatThrownBy(() -> rig.service.accept("csv-nope", "r", LocalDate.of(2027, 1, 1)))
                .extracting(e -> ((Problem) e).key()).isEqualTo("findings.accept.unknown");
        assertThatThrownBy(() -> rig.service.accept(critical, "x".repeat(1001), LocalDate.of(2027, 1, 1)))
                .extracting(e -> ((Problem) e).key()).isEqualTo("findings.accept.reasonTooLong");
        assertThat(rig.audited(AuditActions.FINDING_ACCEPT)).hasSize(2);
    }
}
