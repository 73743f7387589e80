package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.fleet.SlaTier;
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
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.InMemoryAuditAnchor;
import io.camfleet.console.service.audit.InMemoryAuditTrail;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.DeploymentService;
import io.camfleet.console.service.deploy.DeploymentTargets;
import io.camfleet.console.service.deploy.HostKeyRejected;
import io.camfleet.console.service.deploy.Pacer;
import io.camfleet.console.service.deploy.ReleaseArtifacts;
import io.camfleet.console.service.deploy.Rollout;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.deploy.TargetRecord;
import io.camfleet.console.service.deploy.TargetRunner;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operator's actions on an ended deployment, over the real journal: retry, roll back, trust a host key. */
@ParameterizedClass(name = "on {0}")
@EnumSource(StoreEngine.class)
class DeploymentActionsTest {

    @Parameter
    StoreEngine engine;

    @TempDir
    Path dir;
    private StoreEngine.TestDatabase db;
    private DeploymentService service;
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final Release release = new Release("camos-agent", "6.5.0", ReleaseKind.HOTFIX, "/srv/agent.tar",
            "b".repeat(64), "install.sh", "health.sh", "rollback.sh");
    private final Runner runner = new Runner();
    private DeploymentTargets fleet;

    /** Cameras fail their health check while their id is in {@code unhealthy}; rollbacks fail for {@code stuck}. */
    private static final class Runner implements TargetRunner {
        final Set<String> unhealthy = ConcurrentHashMap.newKeySet();
        final Set<String> stuck = ConcurrentHashMap.newKeySet();
        final Map<String, Integer> installs = new ConcurrentHashMap<>();
        final List<HostKeyRejected> trusted = new ArrayList<>();

        @Override
        public Optional<String> installedVersion(Target t) {
            return Optional.of("6.4.2");
        }

        @Override
        public StepResult upload(Target t, Release r, Consumer<String> out) {
            return StepResult.OK;
        }

        @Override
        public StepResult install(Target t, Release r, Consumer<String> out) {
            installs.merge(t.cameraId(), 1, Integer::sum);
            return StepResult.OK;
        }

        @Override
        public StepResult verify(Target t, Release r, Consumer<String> out) {
            return unhealthy.contains(t.cameraId()) ? StepResult.failed("health check exit 1") : StepResult.OK;
        }

        @Override
        public StepResult rollback(Target t, Release r, Consumer<String> out) {
            out.accept("restored 6.4.2");
            return stuck.contains(t.cameraId()) ? StepResult.failed("rollback.sh exit 2") : StepResult.OK;
        }

        @Override
        public void trust(HostKeyRejected rejected) {
            trusted.add(rejected);
        }
    }

    @BeforeEach
    void open() {
        db = engine.open(dir);
        service = new DeploymentService(new JdbcDeploymentJournal(db.dataSource(), Clock.systemUTC()),
                new JdbcReleaseStore(db.dataSource(), Clock.systemUTC()),
                // these tests are about the actions: the artifact, never read by their runner, passes as it is
                r -> new ReleaseArtifacts.Checked(r.artifact(), 0),
                new AuditService(trail, new InMemoryAuditAnchor(), new Operator("alice", ""), Clock.systemUTC()),
                Clock.systemUTC(), Pacer.REAL);
        List<PlanTarget> plan = new ArrayList<>();
        Map<String, Rollout.Placement> placements = new LinkedHashMap<>();
        for (int i = 1; i <= 6; i++) {
            plan.add(new PlanTarget("C" + i, "S" + i, "Acme", SlaTier.GOLD, "Site " + i));
            placements.put("C" + i, new Rollout.Placement(new Target("C" + i, "S" + i, "10.0.0." + i, "", ""),
                    MaintenanceWindow.ALWAYS_OPEN, ZoneOffset.UTC));
        }
        fleet = new DeploymentTargets(plan, placements);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Rollout launch() {
        Strategy strategy = new Strategy(HostCount.NONE, CanaryApproval.CONTINUE_WHEN_HEALTHY,
                new WaveSizing.EachOf(HostCount.hosts(3)), 3, FailureThreshold.count(2), Duration.ZERO);
        Rollout r = service.launch(release, strategy, fleet.plan(), fleet.placements(), ExecutorKind.SSH, runner, x -> { });
        r.run();
        return r;
    }

    private Map<String, TargetState> states(String id) {
        Map<String, TargetState> states = new LinkedHashMap<>();
        service.targets(id).forEach(t -> states.put(t.target().cameraId(), t.state()));
        return states;
    }

    @Test
    void retryingTheFailedTargetsIsANewDeploymentOfJustThemAndTheFirstKeepsItsRecord() {
        runner.unhealthy.addAll(List.of("C2", "C5"));
        Rollout first = launch();
        assertThat(first.state()).isEqualTo(DeploymentState.SUCCEEDED); // 2 failures, not more than the threshold 2
        runner.unhealthy.clear();

        Rollout retry = service.retryFailed(first.id(), fleet, runner, r -> { });
        retry.run();

        assertThat(retry.id()).isNotEqualTo(first.id());
        assertThat(states(retry.id())).containsOnlyKeys("C2", "C5").containsValues(TargetState.SUCCEEDED);
        // A failed health check rolled C2 back at once; it keeps that record.
        assertThat(states(first.id())).containsEntry("C2", TargetState.ROLLED_BACK).containsEntry("C1",
                TargetState.SUCCEEDED);
        assertThat(runner.installs).containsEntry("C1", 1).containsEntry("C2", 2).containsEntry("C5", 2);
        assertThat(trail.events).extracting(AuditEvent::action).containsSubsequence(
                AuditActions.DEPLOY_RETRY, AuditActions.DEPLOY_LAUNCH, AuditActions.DEPLOY_LAUNCH,
                AuditActions.DEPLOY_RETRY);
        assertThatThrownBy(() -> service.retryFailed(retry.id(), fleet, runner, r -> { }))
                .isInstanceOf(Problem.class).hasMessageContaining("nothing to retry");
    }

    @Test
    void rollingBackTheFailedTargetsMovesEachThatCameBackAndSaysWhichDidNot() {
        runner.unhealthy.addAll(List.of("C2", "C4", "C5"));
        runner.stuck.addAll(List.of("C2", "C4", "C5")); // the rollout's own rollback after the check fails too
        Rollout first = launch();
        assertThat(first.state()).isEqualTo(DeploymentState.FAILED); // 3 failures: more than 2
        assertThat(states(first.id())).containsEntry("C2", TargetState.FAILED).containsEntry("C4", TargetState.FAILED);
        runner.stuck.removeAll(List.of("C2", "C5"));

        assertThatThrownBy(() -> service.rollbackFailed(first.id(), runner)).isInstanceOf(Problem.class)
                .hasMessageContaining("2 of 3 failed targets").hasMessageContaining("log says why");

        Map<String, TargetState> states = states(first.id());
        assertThat(states).containsEntry("C2", TargetState.ROLLED_BACK).containsEntry("C5", TargetState.ROLLED_BACK)
                .containsEntry("C4", TargetState.FAILED);
        List<TargetRecord> targets = service.targets(first.id());
        assertThat(targets.stream().filter(t -> t.target().cameraId().equals("C2")).findFirst().orElseThrow()
                .attempt()).isEqualTo(1);
        assertThat(trail.events).filteredOn(e -> e.action().equals(AuditActions.DEPLOY_ROLLBACK))
                .extracting(AuditEvent::outcome).containsExactly(AuditOutcome.STARTED, AuditOutcome.FAILED);
        // What is left FAILED can be tried once more; nothing else is touched.
        runner.stuck.clear();
        assertThat(service.rollbackFailed(first.id(), runner))
                .isEqualTo(new DeploymentService.RollbackReport(1, 0));
    }

    @Test
    void aRunningDeploymentCannotBeRetriedOrRolledBackAndATrustedKeyIsAudited() {
        Strategy strategy = new Strategy(HostCount.hosts(1), CanaryApproval.PAUSE_FOR_APPROVAL,
                new WaveSizing.EachOf(HostCount.hosts(3)), 3, FailureThreshold.count(2), Duration.ZERO);
        Rollout r = service.launch(release, strategy, fleet.plan(), fleet.placements(), ExecutorKind.SSH, runner, x -> { });
        assertThatThrownBy(() -> service.retryFailed(r.id(), fleet, runner, x -> { }))
                .isInstanceOf(Problem.class).hasMessageContaining("still RUNNING");
        assertThatThrownBy(() -> service.rollbackFailed(r.id(), runner))
                .isInstanceOf(Problem.class).hasMessageContaining("still RUNNING");

        HostKeyRejected rejected = new HostKeyRejected("127.0.1.9", 2222, "ssh-ed25519", "SHA256:abc", "AAAA",
                HostKeyRejected.Reason.CHANGED);
        service.trustHostKey(runner, rejected);
        assertThat(runner.trusted).containsExactly(rejected);
        assertThat(trail.events).filteredOn(e -> e.action().equals(AuditActions.SSH_HOSTKEY_ACCEPT))
                .extracting(AuditEvent::target, e -> e.parameters().get("fingerprint"))
                .containsOnly(org.assertj.core.groups.Tuple.tuple("127.0.1.9:2222", "SHA256:abc"));
    }
}
