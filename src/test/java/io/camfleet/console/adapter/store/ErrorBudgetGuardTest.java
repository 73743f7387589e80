package io.camfleet.console.adapter.store;

import io.camfleet.console.adapter.sim.DemoTargetRunner;
import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.availability.Availability;
import io.camfleet.console.domain.availability.Grouping;
import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.domain.deploy.BudgetGuard;
import io.camfleet.console.domain.deploy.CanaryApproval;
import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.domain.deploy.FailureThreshold;
import io.camfleet.console.domain.deploy.HostCount;
import io.camfleet.console.domain.deploy.MaintenanceWindow;
import io.camfleet.console.domain.deploy.PlanTarget;
import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.ReleaseKind;
import io.camfleet.console.domain.deploy.Strategy;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.domain.deploy.WaveSizing;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.InMemoryAuditAnchor;
import io.camfleet.console.service.audit.InMemoryAuditTrail;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.availability.AvailabilityFigures;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.BudgetCheck;
import io.camfleet.console.service.deploy.DeploymentJournal;
import io.camfleet.console.service.deploy.DeploymentService;
import io.camfleet.console.service.deploy.ErrorBudgets;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.service.deploy.Pacer;
import io.camfleet.console.service.deploy.ReleaseArtifacts;
import io.camfleet.console.service.deploy.Rollout;
import io.camfleet.console.service.deploy.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The error-budget guard over the real journal and the demo executor: the dry run shows each wave's budgets and the
 * sites held back; the rollout skips their cameras with the reason in the journal, weighing the budgets as each wave
 * starts; an emergency plan overrides it, audited; with no figures kept, a guarded plan is refused before anything runs.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreEngine.class)
class ErrorBudgetGuardTest {

    /**
     * Hand computation, every site GOLD (99.95 %) over 1,000,000 observed seconds: the budget is 1,000,000 x 0.05 % =
     * 500 s. Down 0 s leaves 100 %; down 350 s leaves 150 s = 30 %; down 400 s leaves 100 s = 20 %; down 600 s leaves
     * -100 s = -20 % (breached).
     */
    private static final long OBSERVED = 1_000_000;

    @Parameter
    StoreEngine engine;

    @TempDir
    Path dir;
    private StoreEngine.TestDatabase db;
    private DeploymentJournal journal;
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final Figures figures = new Figures();
    private final Release release = new Release("camos-agent", "6.5.0", ReleaseKind.PATCH, "/srv/agent.tar",
            "b".repeat(64), "install.sh", "health.sh", "rollback.sh");
    private final List<PlanTarget> plan = new ArrayList<>();
    private final Map<String, Rollout.Placement> placements = new LinkedHashMap<>();
    private final Map<String, String> installed = new HashMap<>();

    /** Availability figures as a test sets them: each site's downtime this month, over {@link #OBSERVED} seconds. */
    private static final class Figures implements AvailabilityFigures {
        final Map<String, Long> downSeconds = new ConcurrentHashMap<>();
        volatile boolean broken;

        @Override
        public List<Availability> by(Grouping grouping, Period period) {
            return List.of();
        }

        @Override
        public Map<String, Availability> sites(Collection<String> siteIds, Period period) {
            if (broken) {
                throw new IllegalStateException("the health history cannot be read");
            }
            Map<String, Availability> out = new HashMap<>();
            for (String id : siteIds) {
                Long down = downSeconds.get(id);
                if (down != null) {
                    out.put(id, new Availability(Grouping.SITE, id, period, OBSERVED, 0, down, List.of(),
                            down > 0 ? 1 : 0, 0, 99.95));
                }
            }
            return out;
        }

        @Override
        public SiteDownRule rule() {
            return SiteDownRule.DEFAULT;
        }
    }

    @BeforeEach
    void open() {
        db = engine.open(dir);
        journal = new JdbcDeploymentJournal(db.dataSource(), Clock.systemUTC());
        // Three sites of two cameras each; waves of two cameras make one wave a site, in site order.
        for (int i = 1; i <= 6; i++) {
            String site = "S" + ((i + 1) / 2);
            plan.add(new PlanTarget("C" + i, site, "Acme", SlaTier.GOLD, "Site " + site.substring(1)));
            placements.put("C" + i, new Rollout.Placement(new Target("C" + i, site, "", "", ""),
                    MaintenanceWindow.ALWAYS_OPEN, ZoneOffset.UTC));
            installed.put("C" + i, "6.4.2");
        }
        figures.downSeconds.put("S1", 0L);    // 100 % left
        figures.downSeconds.put("S2", 400L);  // 20 % left
        figures.downSeconds.put("S3", 600L);  // -20 %: breached
    }

    @AfterEach
    void close() {
        db.close();
    }

    private DeploymentService service(ErrorBudgets budgets) {
        return new DeploymentService(journal, new JdbcReleaseStore(db.dataSource(), Clock.systemUTC()),
                r -> new ReleaseArtifacts.Checked(r.artifact(), 0),
                new AuditService(trail, new InMemoryAuditAnchor(), new Operator("alice", ""), Clock.systemUTC()),
                Clock.systemUTC(), Pacer.REAL, budgets);
    }

    private static Strategy guarded(BudgetGuard guard) {
        return new Strategy(HostCount.NONE, CanaryApproval.CONTINUE_WHEN_HEALTHY,
                new WaveSizing.EachOf(HostCount.hosts(2)), 2, FailureThreshold.percent(100), Duration.ZERO, false,
                guard);
    }

    private DemoTargetRunner demo() {
        return new DemoTargetRunner(installed, 7, 0);
    }

    private Map<String, TargetState> states(DeploymentService service, String id) {
        Map<String, TargetState> states = new LinkedHashMap<>();
        service.targets(id).forEach(t -> states.put(t.target().cameraId(), t.state()));
        return states;
    }

    @Test
    void theDryRunShowsEachWavesLowestBudgetAndTheSitesTheGuardHoldsBack() {
        DeploymentService service = service(new ErrorBudgets(() -> Optional.of(figures)));

        BudgetCheck b = service.preview(release, guarded(new BudgetGuard(25, null)), plan, placements, demo())
                .dryRun().budgets();

        assertThat(b.known()).isTrue();
        assertThat(b.waves()).extracting(BudgetCheck.WaveBudget::wave, BudgetCheck.WaveBudget::sites,
                        BudgetCheck.WaveBudget::lowestPercent, BudgetCheck.WaveBudget::belowGuard)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(0, 1, 100.0, 0),
                        org.assertj.core.groups.Tuple.tuple(1, 1, 20.0, 1),
                        org.assertj.core.groups.Tuple.tuple(2, 1, -20.0, 1));
        assertThat(b.skipped()).extracting(BudgetCheck.HeldSite::siteId, BudgetCheck.HeldSite::cameras)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("S2", 2), org.assertj.core.groups.Tuple.tuple("S3", 2));
        List<String> lines = b.describe(new Messages(Locale.ENGLISH), i -> "Wave " + (i + 1), 5);
        assertThat(lines).contains(
                "Wave 2: lowest error budget left this month 20.0 % (Site 2); 1 site below the guard",
                "Error-budget guard 25%: 2 sites are held back, 4 cameras skipped with the reason in the journal:",
                "  Site 3 (Wave 3): -20.0 % of its budget left, 2 cameras");
        assertThat(service.recent(10)).as("a dry run journals nothing").isEmpty();
    }

    @Test
    void theRolloutSkipsHeldBackSitesWithTheReasonInTheJournalWeighingBudgetsAsEachWaveStarts() {
        figures.downSeconds.put("S2", 350L); // 30 % at launch: above the guard
        DeploymentService service = service(new ErrorBudgets(() -> Optional.of(figures)));
        Rollout r = service.launch(release, guarded(new BudgetGuard(25, null)), plan, placements, ExecutorKind.DEMO,
                demo(), x -> { });
        figures.downSeconds.put("S2", 400L); // spent while the first wave ran: 20 % when its wave starts

        r.run();

        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
        Map<String, TargetState> states = states(service, r.id());
        assertThat(states).containsEntry("C3", TargetState.HELD_BACK).containsEntry("C4", TargetState.HELD_BACK)
                .containsEntry("C5", TargetState.HELD_BACK).containsEntry("C6", TargetState.HELD_BACK);
        assertThat(states.get("C1")).isNotEqualTo(TargetState.HELD_BACK).matches(TargetState::isFinal);
        assertThat(service.logOf(r.id(), "C3", 10)).isEmpty(); // never dialled
        assertThat(journal.eventsOf(r.id(), "C3")).last().satisfies(e -> {
            assertThat(e.to()).isEqualTo("HELD_BACK");
            assertThat(e.detail()).isEqualTo("held back: the site has 20.0 % of this month's error budget left, "
                    + "below the plan's guard of 25%");
        });
        assertThat(journal.eventsOf(r.id(), "C5")).last().extracting(DeploymentJournal.Event::detail)
                .isEqualTo("held back: the site has -20.0 % of this month's error budget left, below the plan's guard of 25%");
        assertThat(service.find(r.id()).plan()).contains("\"errorBudgetGuard\":\"25%\"");
        assertThat(trail.events).filteredOn(e -> e.action().equals(AuditActions.DEPLOY_LAUNCH)).first()
                .satisfies(e -> assertThat(e.parameters()).containsEntry("errorBudgetGuard", "25%"));
    }

    @Test
    void whenTheFiguresCannotBeReadMidRolloutTheGuardHoldsTheWaveBack() {
        DeploymentService service = service(new ErrorBudgets(() -> Optional.of(figures)));
        figures.downSeconds.put("S2", 0L);
        figures.downSeconds.put("S3", 0L);
        Rollout r = service.launch(release, guarded(new BudgetGuard(25, null)), plan, placements, ExecutorKind.DEMO,
                demo(), x -> { });
        figures.broken = true;

        r.run();

        assertThat(states(service, r.id()).values()).containsOnly(TargetState.HELD_BACK);
        assertThat(journal.eventsOf(r.id(), "C1")).last().extracting(DeploymentJournal.Event::detail).isEqualTo(
                "held back: the site's error budget this month cannot be read, and the plan guards it (25%)");
    }

    @Test
    void anEmergencyPlanOverridesTheGuardAndTheOverrideIsAudited() {
        DeploymentService service = service(new ErrorBudgets(() -> Optional.of(figures)));
        Strategy emergency = guarded(new BudgetGuard(25, "hotfix for INC-4411: cameras drop frames"));

        Rollout r = service.launch(release, emergency, plan, placements, ExecutorKind.DEMO, demo(), x -> { });
        r.run();

        assertThat(states(service, r.id()).values()).doesNotContain(TargetState.HELD_BACK);
        AuditEvent override = trail.events.stream().filter(e -> e.action().equals(AuditActions.DEPLOY_BUDGET_OVERRIDE))
                .findFirst().orElseThrow();
        assertThat(override.target()).isEqualTo(r.id());
        assertThat(override.actor()).isEqualTo("alice");
        assertThat(override.parameters()).containsEntry("errorBudgetGuard", "25%")
                .containsEntry("reason", "hotfix for INC-4411: cameras drop frames")
                .containsEntry("sitesBelowGuard", "S2 (20.0 %), S3 (-20.0 %)");
        assertThat(trail.events).extracting(AuditEvent::action).containsSubsequence(AuditActions.DEPLOY_LAUNCH,
                AuditActions.DEPLOY_BUDGET_OVERRIDE, AuditActions.DEPLOY_LAUNCH);
        assertThat(service.find(r.id()).plan()).contains("\"emergency\":true")
                .contains("hotfix for INC-4411");
    }

    @Test
    void withNoFiguresKeptTheDryRunSaysBudgetsAreUnknownAndAGuardedPlanIsRefusedBeforeAnythingRuns() {
        DeploymentService service = service(ErrorBudgets.UNKNOWN);

        BudgetCheck unguarded = service.preview(release, guarded(BudgetGuard.NONE), plan, placements, demo())
                .dryRun().budgets();
        assertThat(unguarded.known()).isFalse();
        assertThat(unguarded.describe(new Messages(Locale.ENGLISH), i -> "Wave " + i, 5)).containsExactly(
                "Error budgets: unknown, no availability figures are kept in this data folder.");

        assertThatThrownBy(() -> service.launch(release, guarded(new BudgetGuard(25, null)), plan, placements,
                ExecutorKind.DEMO, demo(), x -> { }))
                .isInstanceOf(Problem.class)
                .hasMessage("The plan guards the error budget (25%), but no availability figures are kept in this "
                        + "data folder, so no site's budget is known and nothing was deployed. Take errorBudgetGuard "
                        + "out of the plan, or mark it an emergency with a reason.");
        assertThat(service.recent(10)).isEmpty();
        assertThat(trail.events).extracting(AuditEvent::action).doesNotContain(AuditActions.DEPLOY_LAUNCH);
    }
}
