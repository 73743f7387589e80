package io.camfleet.console.service.kpi;

import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.domain.deploy.ReleaseKind;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.service.common.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The DORA definitions on a known journal, written into a real H2 cache file and read back through the store. */
class DoraCalculatorTest {

    private static final Period OCTOBER = Period.month(YearMonth.of(2026, 10));

    @TempDir
    Path dir;
    private CacheDatabase db;
    private KnownJournal known;
    private DoraCalculator dora;

    @BeforeEach
    void open() {
        TestClock clock = new TestClock(Instant.parse("2026-09-01T00:00:00Z"));
        db = CacheDatabase.open(dir, clock);
        known = new KnownJournal(db.journal(), db.releases(), clock);
        dora = new DoraCalculator(db.journal(), db.releases(), Duration.ofDays(7));
    }

    @AfterEach
    void close() {
        db.close();
    }

    /**
     * October 2026 (31 days), the journal below. Hand computation:
     * <pre>
     * releases: 6.5.0 RELEASE 09-28 10:00 · 6.5.1 HOTFIX 10-06 08:00 · 6.6.0 RELEASE 10-10 00:00 · 6.7.0 RELEASE 10-20
     * d1 6.5.0 started 09-30 12:00, S1 S2, succeeded 10-01 06:00   (started before October: no frequency, no CFR)
     * d2 6.5.0 started 10-05 09:00, S3 S4, succeeded 10-05 11:00   hotfixed by d3 at S3 one day later -> failure
     * d3 6.5.1 started 10-06 09:00, S3,    succeeded 10-06 10:00
     * d4 6.6.0 started 10-12 00:00, S1 S5, C5 rolled back, FAILED 10-12 03:00 -> failure (failed and rolled back)
     * d5 6.6.0 started 10-14 00:00, S5, C5 rolled back then a retry succeeded, SUCCEEDED 10-14 05:00 -> no failure
     *    (a success that rolled a camera back within its threshold kept the change in production)
     * d8 6.5.1 started 10-16 00:00, S9,    succeeded 10-16 01:00   a hotfix, but at no site of d4 or d5: no failure
     * d6 6.7.0 started 10-21 00:00, S6, C6 rolled back, ABORTED 10-21 01:00 -> failure (aborted and rolled back)
     * d9 6.5.1 started 10-22 00:00, S1,    succeeded 10-22 01:00   at d4's site but 9 days after d4 ended (> 7)
     * d10 legacy 1.0 (not in the release store) started 10-25 00:00, succeeded 10-25 01:00
     * d7 6.7.0 started 10-30 00:00, still RUNNING                    6.7.0 never completes: no lead time
     *
     * frequency: d2 d3 d4 d5 d8 d6 d9 d10 d7 = 9 started; 9 / 31 days = 0.2903 a day, 2.032 a week
     * running: d7 = 1; finished: 8; failed: d4 = 1; rolled back: d4 d6 = 2; hotfixed: d2 = 1;
     * failures: d2 d4 d6 = 3; change failure rate 3 / 8 = 37.5 %
     * lead times of successes in October:
     *   d1 10-01 06:00 - 09-28 10:00 =  68 h     d2 10-05 11:00 - 09-28 10:00 = 169 h
     *   d3 10-06 10:00 - 10-06 08:00 =   2 h     d5 10-14 05:00 - 10-10 00:00 = 101 h
     *   d8 10-16 01:00 - 10-06 08:00 = 233 h     d9 10-22 01:00 - 10-06 08:00 = 377 h
     *   d10: release unknown, counted apart (1)
     * sorted 2 68 101 169 233 377: median (101 + 169) / 2 = 135 h; p90 = rank ceil(0.9 * 6) = 6th = 377 h
     * </pre>
     */
    @Test
    void aKnownMonthGivesTheHandComputedFigures() {
        known.release("6.5.0", ReleaseKind.RELEASE, "2026-09-28T10:00:00Z");
        known.start("d1", "6.5.0", "2026-09-30T12:00:00Z", "C1@S1", "C2@S2");
        known.succeed("d1", "C1", "2026-10-01T05:00:00Z");
        known.succeed("d1", "C2", "2026-10-01T06:00:00Z");
        known.end("d1", DeploymentState.RUNNING, DeploymentState.SUCCEEDED, "2026-10-01T06:00:00Z");

        known.start("d2", "6.5.0", "2026-10-05T09:00:00Z", "C3@S3", "C4@S4");
        known.succeed("d2", "C3", "2026-10-05T10:00:00Z");
        known.succeed("d2", "C4", "2026-10-05T11:00:00Z");
        known.end("d2", DeploymentState.RUNNING, DeploymentState.SUCCEEDED, "2026-10-05T11:00:00Z");

        known.release("6.5.1", ReleaseKind.HOTFIX, "2026-10-06T08:00:00Z");
        known.start("d3", "6.5.1", "2026-10-06T09:00:00Z", "C3@S3");
        known.succeed("d3", "C3", "2026-10-06T10:00:00Z");
        known.end("d3", DeploymentState.RUNNING, DeploymentState.SUCCEEDED, "2026-10-06T10:00:00Z");

        known.release("6.6.0", ReleaseKind.RELEASE, "2026-10-10T00:00:00Z");
        known.start("d4", "6.6.0", "2026-10-12T00:00:00Z", "C1@S1", "C5@S5");
        known.succeed("d4", "C1", "2026-10-12T01:00:00Z");
        known.target("d4", "C5", TargetState.PENDING, TargetState.DISPATCHED, "2026-10-12T02:00:00Z");
        known.target("d4", "C5", TargetState.DISPATCHED, TargetState.ROLLED_BACK, "2026-10-12T03:00:00Z");
        known.end("d4", DeploymentState.RUNNING, DeploymentState.FAILED, "2026-10-12T03:00:00Z");

        known.start("d5", "6.6.0", "2026-10-14T00:00:00Z", "C5@S5");
        known.target("d5", "C5", TargetState.PENDING, TargetState.DISPATCHED, "2026-10-14T01:00:00Z");
        known.target("d5", "C5", TargetState.DISPATCHED, TargetState.ROLLED_BACK, "2026-10-14T02:00:00Z");
        known.target("d5", "C5", TargetState.ROLLED_BACK, TargetState.DISPATCHED, "2026-10-14T04:00:00Z");
        known.target("d5", "C5", TargetState.DISPATCHED, TargetState.SUCCEEDED, "2026-10-14T05:00:00Z");
        known.end("d5", DeploymentState.RUNNING, DeploymentState.SUCCEEDED, "2026-10-14T05:00:00Z");

        known.start("d8", "6.5.1", "2026-10-16T00:00:00Z", "C9@S9");
        known.succeed("d8", "C9", "2026-10-16T01:00:00Z");
        known.end("d8", DeploymentState.RUNNING, DeploymentState.SUCCEEDED, "2026-10-16T01:00:00Z");

        known.release("6.7.0", ReleaseKind.RELEASE, "2026-10-20T00:00:00Z");
        known.start("d6", "6.7.0", "2026-10-21T00:00:00Z", "C6@S6");
        known.target("d6", "C6", TargetState.PENDING, TargetState.DISPATCHED, "2026-10-21T00:10:00Z");
        known.target("d6", "C6", TargetState.DISPATCHED, TargetState.ROLLED_BACK, "2026-10-21T00:20:00Z");
        known.end("d6", DeploymentState.RUNNING, DeploymentState.ABORTING, "2026-10-21T00:30:00Z");
        known.end("d6", DeploymentState.ABORTING, DeploymentState.ABORTED, "2026-10-21T01:00:00Z");

        known.start("d9", "6.5.1", "2026-10-22T00:00:00Z", "C1@S1");
        known.succeed("d9", "C1", "2026-10-22T01:00:00Z");
        known.end("d9", DeploymentState.RUNNING, DeploymentState.SUCCEEDED, "2026-10-22T01:00:00Z");

        known.startOf("d10", "legacy-tool", "1.0", "2026-10-25T00:00:00Z", "C2@S2");
        known.succeed("d10", "C2", "2026-10-25T01:00:00Z");
        known.end("d10", DeploymentState.RUNNING, DeploymentState.SUCCEEDED, "2026-10-25T01:00:00Z");

        known.start("d7", "6.7.0", "2026-10-30T00:00:00Z", "C7@S7");

        DoraFigures f = dora.over(OCTOBER);

        assertThat(f.deployments()).isEqualTo(9);
        assertThat(f.perDayRate()).isCloseTo(9 / 31.0, within(1e-9));
        assertThat(f.perWeekRate()).isCloseTo(63 / 31.0, within(1e-9));
        assertThat(f.perDay()).hasSize(31);
        assertThat(f.perDay().get(4)).isEqualTo(new DayCount(LocalDate.of(2026, 10, 5), 1));
        assertThat(f.perDay().stream().mapToInt(DayCount::count).sum()).isEqualTo(9);
        assertThat(f.running()).isEqualTo(1);
        assertThat(f.changes()).isEqualTo(new DoraFigures.ChangeFailures(8, 1, 2, 1, 3));
        assertThat(f.changes().ratePercent()).isCloseTo(37.5, within(1e-9));
        assertThat(f.leadTime()).isEqualTo(new Spread(6, Duration.ofHours(135), Duration.ofHours(377)));
        assertThat(f.leadTimeUnknown()).isEqualTo(1);
    }

    @Test
    void aHotfixLongAfterADeploymentEndedIsNotItsFailure() {
        // 6.6.0 succeeds at S1 on 10-02 01:00; the hotfix at S1 comes 10-09 02:00, 7 days and 1 hour later (> 7 days).
        known.release("6.6.0", ReleaseKind.RELEASE, "2026-10-01T00:00:00Z");
        known.release("6.6.1", ReleaseKind.HOTFIX, "2026-10-01T00:00:00Z");
        known.start("d1", "6.6.0", "2026-10-02T00:00:00Z", "C1@S1");
        known.succeed("d1", "C1", "2026-10-02T01:00:00Z");
        known.end("d1", DeploymentState.RUNNING, DeploymentState.SUCCEEDED, "2026-10-02T01:00:00Z");
        known.start("d2", "6.6.1", "2026-10-09T02:00:00Z", "C1@S1");

        assertThat(dora.over(OCTOBER).changes().hotfixed()).isZero();
        // Six hours earlier, inside the week, it is.
        assertThat(new DoraCalculator(db.journal(), db.releases(), Duration.ofDays(7).plusHours(2)).over(OCTOBER)
                .changes()).isEqualTo(new DoraFigures.ChangeFailures(1, 0, 0, 1, 1));
    }

    @Test
    void anAbortWithoutRollbackIsNoFailureButWithOneItIs() {
        known.release("6.6.0", ReleaseKind.RELEASE, "2026-10-01T00:00:00Z");
        known.start("d1", "6.6.0", "2026-10-02T00:00:00Z", "C1@S1");
        known.end("d1", DeploymentState.RUNNING, DeploymentState.ABORTED, "2026-10-02T01:00:00Z");
        known.start("d2", "6.6.0", "2026-10-03T00:00:00Z", "C2@S2");
        known.target("d2", "C2", TargetState.PENDING, TargetState.DISPATCHED, "2026-10-03T00:10:00Z");
        known.target("d2", "C2", TargetState.DISPATCHED, TargetState.ROLLED_BACK, "2026-10-03T00:20:00Z");
        known.end("d2", DeploymentState.RUNNING, DeploymentState.ABORTED, "2026-10-03T01:00:00Z");

        assertThat(dora.over(OCTOBER).changes()).isEqualTo(new DoraFigures.ChangeFailures(2, 0, 1, 0, 1));
    }

    @Test
    void anEmptyJournalGivesNoFiguresRatherThanZeroRates() {
        DoraFigures f = dora.over(OCTOBER);

        assertThat(f.deployments()).isZero();
        assertThat(f.perDayRate()).isZero();
        assertThat(f.perDay()).hasSize(31).allMatch(d -> d.count() == 0);
        assertThat(f.leadTime()).isEqualTo(Spread.NONE);
        assertThat(f.changes().finished()).isZero();
        assertThat(f.changes().ratePercent()).isNaN();
    }

    @Test
    void aDeploymentStillRunningCountsAsStartedButNeitherFailsNorLeads() {
        known.release("6.6.0", ReleaseKind.RELEASE, "2026-10-01T00:00:00Z");
        known.start("d1", "6.6.0", "2026-10-02T00:00:00Z", "C1@S1", "C2@S2");
        known.succeed("d1", "C1", "2026-10-02T01:00:00Z");
        known.end("d1", DeploymentState.RUNNING, DeploymentState.FAILING, "2026-10-02T02:00:00Z");

        DoraFigures f = dora.over(OCTOBER);

        assertThat(f.deployments()).isEqualTo(1);
        assertThat(f.running()).isEqualTo(1);
        assertThat(f.changes().finished()).isZero();
        assertThat(f.leadTime().isEmpty()).isTrue();
    }
}
