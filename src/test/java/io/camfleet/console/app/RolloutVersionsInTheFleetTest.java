package io.camfleet.console.app;

import io.camfleet.console.domain.deploy.CanaryApproval;
import io.camfleet.console.domain.deploy.FailureThreshold;
import io.camfleet.console.domain.deploy.HostCount;
import io.camfleet.console.domain.deploy.PlanTarget;
import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.ReleaseKind;
import io.camfleet.console.domain.deploy.Strategy;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.domain.deploy.WaveSizing;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.deploy.DeploymentTargets;
import io.camfleet.console.service.deploy.Rollout;
import io.camfleet.console.service.fleet.CameraStatus;
import io.camfleet.console.service.fleet.FleetFilter;
import io.camfleet.console.service.fleet.FleetSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A demo rollout, as the window runs one (the data folder's H2 cache, the demo fleet, the demo executor): the cameras
 * it brings to the release show it in the fleet at once, and keep it through live ticks, the filters, the next dry
 * run and a restart.
 */
class RolloutVersionsInTheFleetTest {

    @TempDir
    Path dir;

    private final Release release = new Release("camos-agent", "6.6.0", ReleaseKind.RELEASE,
            "/srv/camos-agent-6.6.0.tar.gz", "b".repeat(64), "install.sh", "health.sh", "rollback.sh");

    private ConsoleRuntime runtime() {
        return new ConsoleRuntime(Clock.systemUTC(), Map.of(), dir.toString(), new Operator("tester", ""),
                new Messages(Locale.ENGLISH));
    }

    private static CameraStatus camera(FleetSnapshot s, String siteId, String cameraId) {
        return s.cameras(siteId).stream().filter(c -> c.camera().id().equals(cameraId)).findFirst().orElseThrow();
    }

    @Test
    void aSucceededDemoRolloutChangesTheFleetAtOnceAndARestartKeepsIt() throws Exception {
        ConsoleRuntime runtime = runtime();
        Path data = dir.resolve("data");
        Map<String, String> siteOf = new LinkedHashMap<>();
        Map<String, TargetState> outcome;
        String deployment;
        try (ConsoleServices services = runtime.openServices(data, runtime.demoFleet(200, 42))) {
            FleetSnapshot before = services.fleet().start(Progress.NONE);
            DeploymentTargets on642 = DeploymentTargets.of(before, DeploymentTargets.parseFilter("version:6.4.2"));
            List<PlanTarget> plan = on642.plan().subList(0, 12);
            Map<String, Rollout.Placement> placements = new LinkedHashMap<>();
            plan.forEach(t -> {
                placements.put(t.cameraId(), on642.placements().get(t.cameraId()));
                siteOf.put(t.cameraId(), on642.placements().get(t.cameraId()).target().siteId());
            });
            Strategy now = new Strategy(HostCount.NONE, CanaryApproval.CONTINUE_WHEN_HEALTHY,
                    new WaveSizing.EachOf(HostCount.percent(100)), 12, FailureThreshold.count(12), Duration.ZERO,
                    true);
            Rollout r = services.rollouts().launch(release, now, plan, placements, io.camfleet.console.service.deploy.ExecutorKind.DEMO,
                    runtime.runner(io.camfleet.console.service.deploy.ExecutorKind.DEMO, data, before, "camfleet"));
            services.rollouts().runHere(r);
            outcome = r.targets();
            deployment = r.id();

            FleetSnapshot after = services.fleet().current();
            List<String> succeeded = outcome.entrySet().stream().filter(e -> e.getValue().isSuccess())
                    .map(Map.Entry::getKey).toList();
            assertThat(succeeded).hasSizeGreaterThan(6);
            for (String id : outcome.keySet()) {
                CameraStatus c = camera(after, siteOf.get(id), id);
                if (outcome.get(id).isSuccess()) {
                    assertThat(c.camera().softwareVersion()).as(id).isEqualTo("6.6.0");
                    assertThat(c.reported().deploymentId()).as(id).isEqualTo(deployment);
                } else {
                    assertThat(c.camera().softwareVersion()).as(id + " " + outcome.get(id)).isEqualTo("6.4.2");
                    assertThat(c.reported()).isNull();
                }
            }
            FleetFilter onNew = new FleetFilter("", Set.of(), Set.of(), Set.of(), Set.of("6.6.0"), Set.of());
            Set<String> sitesOnNew = Set.copyOf(java.util.Arrays.stream(onNew.apply(after))
                    .mapToObj(i -> after.sites().get(i).id()).toList());
            succeeded.forEach(id -> assertThat(sitesOnNew).contains(siteOf.get(id)));
            assertThat(DeploymentTargets.of(after, DeploymentTargets.parseFilter("version:6.4.2")).placements())
                    .as("the next dry run on 6.4.2 leaves them out").doesNotContainKeys(succeeded.toArray(String[]::new));

            for (int i = 0; i < 5; i++) {
                services.fleet().tick();
            }
            succeeded.forEach(id -> assertThat(camera(services.fleet().current(), siteOf.get(id), id).camera()
                    .softwareVersion()).as("the simulation's ticks keep " + id).isEqualTo("6.6.0"));
        }

        // A restart: the demo's cameras run what was installed on them, so the first sync confirms it.
        try (ConsoleServices services = runtime().openServices(data, runtime.demoFleet(200, 42))) {
            FleetSnapshot restarted = services.fleet().start(Progress.NONE);
            for (String id : outcome.keySet()) {
                CameraStatus c = camera(restarted, siteOf.get(id), id);
                assertThat(c.camera().softwareVersion()).as(id).isEqualTo(outcome.get(id).isSuccess()
                        ? "6.6.0" : "6.4.2");
                assertThat(c.reported()).as("confirmed by the sync").isNull();
            }
        }
    }
}
