package io.camfleet.console.ui.deploy;

import io.camfleet.console.domain.deploy.CanaryApproval;
import io.camfleet.console.domain.deploy.FailureThreshold;
import io.camfleet.console.domain.deploy.HostCount;
import io.camfleet.console.domain.deploy.Strategy;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.domain.deploy.WaveSizing;
import io.camfleet.console.domain.map.WebMercator;
import io.camfleet.console.service.deploy.DeploymentService;
import io.camfleet.console.service.deploy.DeploymentTargets;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.service.map.MapView;
import io.camfleet.console.ui.deploy.DeploymentsViewModel.SitePoint;
import io.camfleet.console.ui.deploy.DeploymentsViewModel.TargetRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Deployments screen's model with no toolkit, over a real journal, the rollout service and the demo executor:
 * what the operator may do, and what the Targets tab, the map and the full log say as a rollout runs.
 */
class DeploymentsModelTest {

    @TempDir
    Path dir;
    private DeploymentsFixture f;

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    private DeploymentsViewModel.Launch launch(String filter, HostCount canary, CanaryApproval approval) {
        Strategy plan = new Strategy(canary, approval, new WaveSizing.EachOf(HostCount.percent(100)), 10,
                FailureThreshold.parse("50%"), Duration.ZERO, false);
        return new DeploymentsViewModel.Launch(DeploymentsModel.DEMO_RELEASE, plan,
                DeploymentTargets.of(f.fleet, DeploymentTargets.parseFilter(filter)), ExecutorKind.DEMO, "camfleet");
    }

    private List<TargetRow> rows() {
        return f.onUi(() -> f.model.detail() == null ? List.<TargetRow>of() : f.model.detail().targets());
    }

    @Test
    void eachOperatorActionHasItsOwnFlagThatFollowsTheDeploymentAsItRuns() {
        f = new DeploymentsFixture(dir);
        assertThat(f.onUi(f.model::actions)).isEqualTo(DeploymentsModel.Actions.NONE);
        f.onUi(() -> f.model.launch(launch("region:EU", HostCount.hosts(2), CanaryApproval.PAUSE_FOR_APPROVAL)));

        f.waitFor("the canary to wait for an approval", () -> f.model.actions().approve());
        DeploymentsModel.Actions paused = f.onUi(f.model::actions);
        assertThat(paused).isEqualTo(new DeploymentsModel.Actions(true, false, false, true, false, false, false));
        assertThat(f.onUi(f.model::notice)).contains("launched");

        f.onUi(f.model::approve);
        f.waitFor("the rollout to end", () -> f.model.detail() != null
                && f.model.detail().deployment().state().isFinal() && !f.model.detail().live());
        DeploymentsModel.Actions ended = f.onUi(f.model::actions);
        assertThat(ended.approve() || ended.pause() || ended.resume() || ended.abort() || ended.resumeInterrupted())
                .as("nothing to steer once it ended").isFalse();
        boolean failures = rows().stream().anyMatch(t -> t.state().isFailure());
        assertThat(ended.retry()).isEqualTo(failures);
        assertThat(f.onUi(f.model::notice)).contains("approved");
    }

    @Test
    void theMapShowsTheCanaryCamerasDoneAtSitesWhoseOtherCamerasStillWait() {
        f = new DeploymentsFixture(dir);
        f.onUi(() -> f.model.launch(launch("region:EU", HostCount.hosts(2), CanaryApproval.PAUSE_FOR_APPROVAL)));
        f.waitFor("the canary to wait for an approval", () -> f.model.actions().approve());

        List<SitePoint> sites = f.onUi(() -> f.model.detail().sites());
        List<SitePoint> mixed = sites.stream().filter(s -> s.states().contains(TargetState.SUCCEEDED)
                && s.states().contains(TargetState.PENDING)).toList();
        assertThat(mixed).as("a site whose canary camera is done while its others wait").isNotEmpty();

        RecordingCanvas canvas = new RecordingCanvas();
        MapView view = new MapView(0.5, 0.5, 0, 800, 600).fittedToGeo(3, 50, 6, 54, 28);
        TargetMap.paintSites(canvas, view, sites, 0xFFFFFFFF);
        for (SitePoint s : mixed) {
            assertThat(canvas.coloursAt(view.screenX(WebMercator.x(s.longitude())),
                    view.screenY(WebMercator.y(s.latitude()))))
                    .as("%s shows its done cameras, as the Targets tab does", s.name())
                    .contains(TargetStyle.Group.SUCCEEDED.argb, TargetStyle.Group.PENDING.argb);
        }
    }

    @Test
    void theFullLogOfATargetWaitingForItsWindowSaysWhatTheTableSays() throws Exception {
        f = new DeploymentsFixture(dir);
        f.onUi(() -> f.model.launch(launch("all", HostCount.NONE, CanaryApproval.CONTINUE_WHEN_HEALTHY)));
        f.waitFor("New York to wait for its window", () -> f.model.detail() != null && f.model.detail().targets()
                .stream().anyMatch(t -> t.cameraId().equals("NYC-1") && t.state() == TargetState.WAITING_WINDOW));
        TargetRow waiting = rows().stream().filter(t -> t.cameraId().equals("NYC-1")).findFirst().orElseThrow();
        assertThat(waiting.record().detail()).as("the table's Last output").isNotBlank();

        CompletableFuture<DeploymentService.TargetLog> log = new CompletableFuture<>();
        f.onUi(() -> f.model.log("NYC-1", log::complete));
        String full = TargetLogText.of(log.get(10, TimeUnit.SECONDS), f.m, ZoneOffset.UTC);
        assertThat(full).contains(waiting.record().detail()).contains("Waiting for window");
    }
}
