package io.camfleet.console.service.deploy;

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
import io.camfleet.console.service.audit.InMemoryAuditTrail;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who runs a deployment: a lease in the journal, renewed by a heartbeat, taken atomically. */
class RolloutServiceTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-12-06T10:00:00Z"));
    private final MemoryJournal journal = new MemoryJournal();
    private final ScriptedRunner runner = new ScriptedRunner();
    private final Release release = new Release("camos-agent", "6.5.0", ReleaseKind.RELEASE, "/srv/agent.tar",
            "a".repeat(64), "install.sh", "health.sh", "rollback.sh");
    private final Map<String, Rollout.Placement> placements = new LinkedHashMap<>();
    private final List<PlanTarget> plan = new ArrayList<>();
    private final List<RolloutService> services = new ArrayList<>();
    /** What the rollouts told the fleet: deployment, camera, version. */
    private final List<String> installed = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Processes of one host; those in {@code gone} have ended. */
    static final class Host implements Processes {
        final Set<String> gone = ConcurrentHashMap.newKeySet();
        private final String owner;
        private final long pid;

        Host(String owner, long pid) {
            this.owner = owner;
            this.pid = pid;
        }

        @Override
        public Lease leaseFromHere(Instant now) {
            return new Lease(owner, "noc-7", pid, Instant.EPOCH, now, now, now.plus(Lease.TERM));
        }

        @Override
        public boolean isGone(Lease lease) {
            return gone.contains(lease.owner());
        }
    }

    private RolloutService service(Processes processes) {
        return service(processes, (d, c, v) -> installed.add(c + " " + v + " by " + d));
    }

    private RolloutService service(Processes processes, io.camfleet.console.service.fleet.VersionReports reports) {
        DeploymentService deployments = new DeploymentService(journal, new ReleaseStore() {
            @Override
            public boolean save(Release r, String by) {
                return true;
            }

            @Override
            public java.util.Optional<Release> find(String name, String version) {
                return java.util.Optional.of(release);
            }

            @Override
            public List<Release> all() {
                return List.of(release);
            }

            @Override
            public java.util.Optional<Instant> createdAt(String name, String version) {
                return java.util.Optional.empty();
            }
        }, r -> new ReleaseArtifacts.Checked(r.artifact(), 0),
                new AuditService(new InMemoryAuditTrail(), new io.camfleet.console.service.audit.InMemoryAuditAnchor(),
                new Operator("ops", ""), clock), clock, Pacer.REAL);
        RolloutService s = new RolloutService(deployments, journal, processes, clock, reports,
                false); // beats by beat()
        services.add(s);
        return s;
    }

    @AfterEach
    void close() {
        services.forEach(RolloutService::close);
    }

    private Rollout launch(RolloutService service) {
        for (int i = 0; i < 3; i++) {
            String cam = "C" + i;
            plan.add(new PlanTarget(cam, "S", "Acme", SlaTier.GOLD, "Site"));
            placements.put(cam, new Rollout.Placement(new Target(cam, "S", "10.0.0." + i, "", ""),
                    MaintenanceWindow.ALWAYS_OPEN, ZoneOffset.UTC));
        }
        return service.launch(release, new Strategy(HostCount.NONE, CanaryApproval.CONTINUE_WHEN_HEALTHY,
                new WaveSizing.EachOf(HostCount.percent(100)), 3, FailureThreshold.count(0), Duration.ZERO), plan,
                placements, ExecutorKind.SSH, runner);
    }

    @Test
    void aLaunchedDeploymentIsHeldFromItsFirstMomentAndGivenUpWhenItEnds() {
        Host here = new Host("noc-7/100/a", 100);
        RolloutService service = service(here);
        Rollout r = launch(service);
        assertThat(journal.lease(r.id())).get().extracting(Lease::owner).isEqualTo("noc-7/100/a");
        assertThat(service(new Host("noc-7/200/b", 200)).status(r.id()).activity())
                .isEqualTo(RolloutService.Activity.RUNNING_ELSEWHERE);

        service.runHere(r);

        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(journal.lease(r.id())).isEmpty();
        assertThat(service.status(r.id()).activity()).isEqualTo(RolloutService.Activity.ENDED);
    }

    @Test
    void eachCameraBroughtToTheReleaseIsReportedToTheFleetOnceAndAFailedOneIsNot() {
        runner.outcomes.put("C1", ScriptedRunner.Outcome.AT_VERSION);
        runner.outcomes.put("C2", ScriptedRunner.Outcome.UNHEALTHY);
        RolloutService service = service(new Host("noc-7/100/a", 100));
        Rollout r = launch(service);
        List<String> whenC0Succeeded = new ArrayList<>();
        service.addListener(x -> {
            if (x.targets().get("C0") == TargetState.SUCCEEDED && whenC0Succeeded.isEmpty()) {
                whenC0Succeeded.addAll(installed);
            }
        });

        service.runHere(r);

        assertThat(r.targets()).containsEntry("C0", TargetState.SUCCEEDED).containsEntry("C1", TargetState.SKIPPED)
                .containsEntry("C2", TargetState.ROLLED_BACK);
        assertThat(whenC0Succeeded).as("told by the time anyone hears the camera succeeded")
                .contains("C0 6.5.0 by " + r.id());
        assertThat(installed).containsExactlyInAnyOrder("C0 6.5.0 by " + r.id(), "C1 6.5.0 by " + r.id());
    }

    @Test
    void theCamerasOnePollOfAWaveBringsToTheReleaseAreReportedToTheFleetInOneCallEachOnce() {
        List<Map<String, String>> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        RolloutService service = service(new Host("noc-7/100/a", 100),
                new io.camfleet.console.service.fleet.VersionReports() {
                    @Override
                    public void installed(String deploymentId, String cameraId, String version) {
                        told.add(Map.of(cameraId, version));
                    }

                    @Override
                    public void installed(String deploymentId, Map<String, String> versionByCamera) {
                        told.add(Map.copyOf(versionByCamera));
                    }
                });
        ScriptedWaves waves = new ScriptedWaves();
        waves.outcomes.put("C3", List.of(WaveRunner.Outcome.RUNNING, WaveRunner.Outcome.RUNNING,
                WaveRunner.Outcome.SUCCEEDED));
        for (int i = 0; i < 4; i++) {
            String cam = "C" + i;
            plan.add(new PlanTarget(cam, "S", "Acme", SlaTier.GOLD, "Site"));
            placements.put(cam, new Rollout.Placement(new Target(cam, "S", "", "", "mi-0" + i),
                    MaintenanceWindow.ALWAYS_OPEN, ZoneOffset.UTC));
        }
        Rollout r = service.launch(release, new Strategy(HostCount.NONE, CanaryApproval.CONTINUE_WHEN_HEALTHY,
                new WaveSizing.EachOf(HostCount.percent(100)), 4, FailureThreshold.count(0), Duration.ZERO), plan,
                placements, ExecutorKind.SSM, waves);

        service.runHere(r);

        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
        assertThat(told).as("the poll that saw three succeed, then the one that saw the last").containsExactly(
                Map.of("C0", "6.5.0", "C1", "6.5.0", "C2", "6.5.0"), Map.of("C3", "6.5.0"));
    }

    @Test
    void aDeploymentRunningElsewhereIsNotResumedUntilItsLeaseExpires() {
        Host first = new Host("noc-7/100/a", 100);
        Rollout r = launch(service(first));
        Host second = new Host("noc-8/200/b", 200);
        RolloutService other = service(second);

        assertThatThrownBy(() -> other.resume(r.id(), placements, runner)).isInstanceOf(Problem.class)
                .hasMessageContaining("is running in pid 100 on noc-7").hasMessageContaining("cannot be resumed");

        clock.advance(Lease.TERM); // no heartbeat came: the first process is stuck or gone
        assertThat(other.status(r.id()).activity()).isEqualTo(RolloutService.Activity.INTERRUPTED);
        Rollout resumed = other.resume(r.id(), placements, runner);
        assertThat(journal.lease(r.id())).get().extracting(Lease::owner).isEqualTo("noc-8/200/b");
        other.runHere(resumed);
        assertThat(resumed.state()).isEqualTo(DeploymentState.SUCCEEDED);
    }

    @Test
    void aLeaseWhoseProcessIsGoneLeavesTheDeploymentInterruptedAtOnce() {
        Host first = new Host("noc-7/100/a", 100);
        Rollout r = launch(service(first));
        Host second = new Host("noc-7/200/b", 200);
        second.gone.add("noc-7/100/a"); // killed with SIGKILL: its lease has not expired yet

        RolloutService other = service(second);
        assertThat(other.status(r.id()).activity()).isEqualTo(RolloutService.Activity.INTERRUPTED);
        assertThat(other.resume(r.id(), placements, runner)).isNotNull();
        assertThatThrownBy(() -> other.resume(r.id(), placements, runner)).isInstanceOf(Problem.class)
                .hasMessageContaining("already running in this console");
    }

    @Test
    void aRolloutWhoseLeaseWasTakenHaltsAtItsNextHeartbeat() throws Exception {
        Host first = new Host("noc-7/100/a", 100);
        RolloutService service = service(first);
        runner.hold = new java.util.concurrent.CountDownLatch(1);
        Rollout r = launch(service);
        service.start(r);
        long until = System.nanoTime() + 5_000_000_000L;
        while (runner.installing.get() < 3 && System.nanoTime() < until) {
            Thread.sleep(10); // every camera's install under way, held: nothing more is journalled meanwhile
        }
        clock.advance(Lease.TERM);
        service(new Host("noc-8/200/b", 200)).resume(r.id(), placements, runner); // took the expired lease

        service.beat();
        runner.hold.countDown();

        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!r.isFinished() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(r.halted()).isNotNull().hasMessageContaining("its lease was taken by another process");
        assertThat(journal.lease(r.id())).get().extracting(Lease::owner).as("the new holder keeps it")
                .isEqualTo("noc-8/200/b");
    }

    @Test
    void closingTheConsoleHaltsWhatRunsAndLeavesItInterruptedNotRunning() throws Exception {
        Host here = new Host("noc-7/100/a", 100);
        RolloutService service = service(here);
        runner.hold = new java.util.concurrent.CountDownLatch(1);
        Rollout r = launch(service);
        service.start(r);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (runner.installing.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }

        service.close();
        runner.hold.countDown();

        assertThat(journal.lease(r.id())).isEmpty();
        assertThat(service(new Host("noc-7/200/b", 200)).status(r.id()).activity())
                .isEqualTo(RolloutService.Activity.INTERRUPTED);
        assertThat(journal.targets.values()).extracting(TargetRecord::state).contains(TargetState.INSTALLING);
    }

    @Test
    void twoResumesOfOneDeploymentInOneProcessNeverBothRunIt() throws Exception {
        Host first = new Host("noc-7/100/a", 100);
        Rollout r = launch(service(first));
        Host second = new Host("noc-7/200/b", 200);
        second.gone.add("noc-7/100/a");
        RolloutService other = service(second);
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.atomic.AtomicInteger resumed = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> clicks = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            clicks.add(Thread.ofPlatform().start(() -> {
                try {
                    together.await();
                    other.resume(r.id(), placements, runner);
                    resumed.incrementAndGet();
                } catch (Problem p) {
                    refused.incrementAndGet();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread t : clicks) {
            t.join();
        }
        assertThat(resumed.get()).isEqualTo(1);
        assertThat(refused.get()).isEqualTo(1);
    }

    @Test
    void aRolloutIsHeldAndListedAsRunningHereUntilItEnds() {
        RolloutService service = service(new Host("noc-7/100/a", 100));
        Rollout r = launch(service);

        assertThat(service.running(r.id())).containsSame(r);
        assertThat(service.running("elsewhere")).isEmpty();
        assertThat(service.runningCount()).isEqualTo(1);
        assertThat(service.list(10)).singleElement().satisfies(s -> {
            assertThat(s.deployment().id()).isEqualTo(r.id());
            assertThat(s.activity()).isEqualTo(RolloutService.Activity.RUNNING_HERE);
            assertThat(s.lease()).get().extracting(Lease::owner).isEqualTo("noc-7/100/a");
        });

        service.runHere(r);

        assertThat(service.running(r.id())).isEmpty();
        assertThat(service.runningCount()).isZero();
        assertThat(service.list(10)).singleElement().satisfies(s -> {
            assertThat(s.activity()).isEqualTo(RolloutService.Activity.ENDED);
            assertThat(s.lease()).isEmpty();
        });
    }

    @Test
    void aRolloutHandedOverIsNoLongerHeldHereAndShowsInterruptedAtOnce() {
        RolloutService service = service(new Host("noc-7/100/a", 100));
        Rollout r = launch(service);

        service.handOver(r);

        assertThat(journal.lease(r.id())).isEmpty();
        assertThat(service.running(r.id())).isEmpty();
        assertThat(service.status(r.id()).activity()).isEqualTo(RolloutService.Activity.INTERRUPTED);
        Rollout resumed = service(new Host("noc-7/200/b", 200)).resume(r.id(), placements, runner);
        assertThat(journal.lease(r.id())).get().extracting(Lease::owner).isEqualTo("noc-7/200/b");
        assertThat(resumed.id()).isEqualTo(r.id());
    }

    @Test
    void anEndedDeploymentIsNotResumed() {
        RolloutService service = service(new Host("noc-7/100/a", 100));
        Rollout r = launch(service);
        service.runHere(r);

        assertThatThrownBy(() -> service.resume(r.id(), placements, runner)).isInstanceOf(Problem.class)
                .satisfies(e -> {
                    assertThat(((Problem) e).key()).isEqualTo("deploy.alreadyEnded");
                    assertThat(((Problem) e).kind()).isEqualTo(Problem.Kind.BAD_INPUT);
                });
        assertThat(journal.lease(r.id())).isEmpty();
    }

    @Test
    void eachHeartbeatRenewsTheLeaseAndOneThatCannotBeWrittenHaltsOnlyWhenTheLeaseIsAboutToLapse() {
        RolloutService service = service(new Host("noc-7/100/a", 100));
        Rollout r = launch(service);

        clock.advance(Lease.HEARTBEAT);
        service.beat();
        Instant renewedAt = clock.instant();
        assertThat(journal.lease(r.id())).get().extracting(Lease::heartbeatAt).isEqualTo(renewedAt);
        assertThat(journal.lease(r.id())).get().extracting(Lease::expiresAt).isEqualTo(renewedAt.plus(Lease.TERM));
        assertThat(service.status(r.id()).lease()).get().extracting(Lease::heartbeatAt).isEqualTo(renewedAt);

        journal.renewFailure = new Problem("problem.diskFull", "/data");
        clock.advance(Lease.TERM.minus(Lease.HEARTBEAT).minusSeconds(1));
        service.beat();
        assertThat(r.halted()).as("the lease still holds for a while").isNull();

        clock.advance(Duration.ofSeconds(1));
        service.beat();
        assertThat(r.halted()).isInstanceOf(Problem.class)
                .satisfies(e -> assertThat(((Problem) e).key()).isEqualTo("deploy.leaseUnrenewable"));
    }

    @Test
    void aFinishedRolloutIsNotRenewed() {
        RolloutService service = service(new Host("noc-7/100/a", 100));
        Rollout r = launch(service);
        Lease before = journal.lease(r.id()).orElseThrow();
        r.run(); // ended, but not through the service: still held here

        clock.advance(Lease.HEARTBEAT);
        service.beat();

        assertThat(journal.lease(r.id())).contains(before);
        assertThat(r.halted()).isNull();
    }

    @Test
    void aListenerRemovedHearsNoMoreOfTheRollouts() {
        RolloutService service = service(new Host("noc-7/100/a", 100));
        List<Rollout> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.function.Consumer<Rollout> listener = heard::add;
        service.addListener(listener);
        Rollout r = launch(service);
        service.removeListener(listener);

        service.runHere(r);

        assertThat(heard).isEmpty();
        assertThat(r.state()).isEqualTo(DeploymentState.SUCCEEDED);
    }

    @Test
    void aRolloutOverItsFailureThresholdRaisesOneDeploymentAlertThroughItsListener() throws Exception {
        runner.outcomes.put("C0", ScriptedRunner.Outcome.UNHEALTHY);
        RolloutService service = service(new Host("noc-7/100/a", 100));
        io.camfleet.console.service.alerts.MemoryAlertStore store =
                new io.camfleet.console.service.alerts.MemoryAlertStore();
        List<io.camfleet.console.service.alerts.AlertNotice> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (io.camfleet.console.service.alerts.AlertService alerts =
                     new io.camfleet.console.service.alerts.AlertService(store, sent::add,
                             new AuditService(new InMemoryAuditTrail(),
                                     new io.camfleet.console.service.audit.InMemoryAuditAnchor(),
                                     new Operator("ops", ""), clock), clock)) {
            alerts.watch(service);
            Rollout r = launch(service);
            service.runHere(r);

            assertThat(r.state()).isEqualTo(DeploymentState.FAILED);
            long until = System.nanoTime() + 5_000_000_000L;
            while (sent.isEmpty() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(store.open()).singleElement().satisfies(a -> {
                assertThat(a.kind()).isEqualTo(io.camfleet.console.domain.alerts.AlertKind.DEPLOYMENT_FAILED);
                assertThat(a.subject()).isEqualTo(r.id());
                assertThat(a.summary()).contains("camos-agent 6.5.0");
            });
            assertThat(sent).as("FAILING then FAILED: one alert").hasSize(1);
        }
    }
}
