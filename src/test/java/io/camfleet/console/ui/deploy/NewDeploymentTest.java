package io.camfleet.console.ui.deploy;

import io.camfleet.console.domain.deploy.CanaryApproval;
import io.camfleet.console.domain.deploy.FailureThreshold;
import io.camfleet.console.domain.deploy.HostCount;
import io.camfleet.console.domain.deploy.Strategy;
import io.camfleet.console.domain.deploy.WaveSizing;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.ExecutorKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The new-deployment wizard's steps with no toolkit, on the real journal and release store: each step refuses to be
 * left with a sentence until it is right, and what it reads (releases, a release file, the count, the dry run)
 * comes in the background.
 */
class NewDeploymentTest {

    @TempDir
    Path dir;
    private DeploymentsFixture f;
    private NewDeployment nd;

    @AfterEach
    void close() {
        if (f != null) {
            f.close();
        }
    }

    private void open(Set<String> selected) {
        f = new DeploymentsFixture(dir.resolve("data"));
        nd = f.onUi(() -> new NewDeployment(f.model, file -> {
            throw Problem.badInput("release.file.invalid", file.toString(), "not used here");
        }, selected));
        f.onUi(nd::loadReleases);
        f.waitFor("the stored releases", () -> !nd.releases().isEmpty());
    }

    private void next(NewDeployment.Step to) {
        f.onUi(nd::next);
        f.waitFor("step " + to + " (error: " + f.onUi(nd::error) + ")", () -> nd.step() == to && !nd.busy());
    }

    /** Release and targets chosen: the plan step. */
    private void toPlan(String filter) {
        f.onUi(() -> nd.chooseRelease(nd.releases().get(0)));
        next(NewDeployment.Step.TARGETS);
        f.onUi(() -> {
            nd.chooseTargets(NewDeployment.TargetChoice.FILTER);
            nd.filter(filter);
        });
        next(NewDeployment.Step.PLAN);
    }

    @Test
    void aReleaseMustBeChosenAndIsNamedWithItsKindOnce() {
        open(Set.of());
        f.onUi(nd::next);
        assertThat(f.onUi(nd::step)).isEqualTo(NewDeployment.Step.RELEASE);
        assertThat(f.onUi(nd::error)).isEqualTo("Pick a release, or open a release file.");

        assertThat(f.onUi(nd::releases)).contains(DeploymentsModel.DEMO_RELEASE);
        assertThat(NewDeployment.releaseName(DeploymentsModel.DEMO_RELEASE)).isEqualTo("camos-agent 6.6.0 (release)");
        f.onUi(() -> nd.chooseRelease(DeploymentsModel.DEMO_RELEASE));
        next(NewDeployment.Step.TARGETS);
        assertThat(f.onUi(nd::error)).isEmpty();
    }

    @Test
    void aReleaseFileIsReadInTheBackgroundAndOneThatCannotBeReadIsASentence() throws Exception {
        f = new DeploymentsFixture(dir.resolve("data"));
        Path file = Files.writeString(dir.resolve("release.json"), "{}");
        String fx = f.onUi(() -> Thread.currentThread().getName());
        nd = f.onUi(() -> new NewDeployment(f.model, path -> {
            assertThat(Thread.currentThread().getName()).as("read off the UI thread").isNotEqualTo(fx);
            throw Problem.badInput("release.file.invalid", path.toString(), "it has no name");
        }, Set.of()));
        f.onUi(() -> nd.openReleaseFile(file));
        f.waitFor("the file's sentence", () -> !nd.error().isEmpty() && !nd.busy());
        assertThat(f.onUi(nd::error)).contains(file.toString());
        assertThat(f.onUi(nd::release)).isNull();
    }

    @Test
    void theTargetsAreWhatTheOperatorChoseNotARowTheTableSelectedByItself() {
        open(Set.of("S-AMS"));
        f.onUi(() -> nd.chooseRelease(nd.releases().get(0)));
        next(NewDeployment.Step.TARGETS);
        assertThat(f.onUi(nd::choice)).isEqualTo(NewDeployment.TargetChoice.NONE);
        assertThat(f.onUi(nd::selectionText))
                .isEqualTo("Cameras of the site you selected on the map or in the table: Amsterdam Zuid");
        f.onUi(nd::next);
        assertThat(f.onUi(nd::step)).isEqualTo(NewDeployment.Step.TARGETS);
        assertThat(f.onUi(nd::error))
                .isEqualTo("Choose the targets: the cameras of the sites you selected, or those a filter passes.");

        f.onUi(() -> nd.chooseTargets(NewDeployment.TargetChoice.SELECTION));
        f.waitFor("the count", () -> !nd.targetCount().isEmpty());
        assertThat(f.onUi(nd::targetCount)).isEqualTo("3 cameras at 1 site");
        f.onUi(() -> {
            nd.chooseTargets(NewDeployment.TargetChoice.FILTER);
            nd.filter("region:EU");
        });
        f.waitFor("the count", () -> nd.targetCount().startsWith("6 "));
        next(NewDeployment.Step.PLAN);
        assertThat(f.onUi(nd::targets).plan()).hasSize(6);
    }

    @Test
    void severalSelectedSitesAreCountedInThePlural() {
        open(Set.of("S-AMS", "S-RTM"));
        assertThat(f.onUi(nd::selectionText))
                .isEqualTo("Cameras of the 2 sites you selected on the map or in the table");
    }

    @Test
    void aFilterThatMatchesNothingIsRefusedWithASentence() {
        open(Set.of());
        f.onUi(() -> nd.chooseRelease(nd.releases().get(0)));
        next(NewDeployment.Step.TARGETS);
        f.onUi(() -> {
            nd.chooseTargets(NewDeployment.TargetChoice.FILTER);
            nd.filter("customer:Nobody");
        });
        f.onUi(nd::next);
        f.waitFor("a sentence", () -> !nd.error().isEmpty() && !nd.busy());
        assertThat(f.onUi(nd::error)).startsWith("No camera matches these targets");
        assertThat(f.onUi(nd::step)).isEqualTo(NewDeployment.Step.TARGETS);
    }

    @Test
    void thePlanIsATypedValueAndABadOneIsRefusedWithASentence() {
        open(Set.of());
        toPlan("region:EU");
        f.onUi(() -> nd.waves("a quarter"));
        f.onUi(nd::next);
        assertThat(f.onUi(nd::step)).isEqualTo(NewDeployment.Step.PLAN);
        assertThat(f.onUi(nd::error)).contains("a quarter");

        f.onUi(() -> {
            nd.waves("50%");
            nd.canary("2");
            nd.approval(CanaryApproval.CONTINUE_WHEN_HEALTHY);
            nd.concurrency(4);
            nd.threshold("1");
            nd.pause("10m");
            nd.emergency(true);
        });
        assertThat(f.onUi(nd::plan)).isEqualTo(new Strategy(HostCount.hosts(2),
                CanaryApproval.CONTINUE_WHEN_HEALTHY, new WaveSizing.EachOf(HostCount.percent(50)), 4,
                FailureThreshold.count(1), Duration.ofMinutes(10), true));
    }

    @Test
    void sshNeedsAUser() {
        open(Set.of());
        toPlan("region:EU");
        f.onUi(() -> {
            nd.executor(ExecutorKind.SSH);
            nd.sshUser(" ");
        });
        f.onUi(nd::next);
        assertThat(f.onUi(nd::error)).isEqualTo("Give the SSH user the cameras are logged in as.");
        assertThat(f.onUi(nd::step)).isEqualTo(NewDeployment.Step.PLAN);
    }

    @Test
    void theDryRunSaysWhenTheClosedWindowsOpenAndTheLaunchNeedsTheReviewTicked() {
        open(Set.of());
        toPlan("all");
        f.onUi(() -> nd.canary("2"));
        next(NewDeployment.Step.DRY_RUN);
        assertThat(f.onUi(nd::preview).dryRun().waves()).hasSizeGreaterThanOrEqualTo(2);
        String windows = f.onUi(nd::windowsText);
        assertThat(windows).startsWith("Maintenance windows: 1 camera waits for a window that is closed now, at 1 site.")
                .contains("New York Pier (1 camera): opens ")
                .contains(" UTC, window 02:00–03:00")
                .contains(java.time.Instant.now().atZone(java.time.ZoneOffset.UTC).plusDays(2).getDayOfWeek()
                        .getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH) + " ");

        next(NewDeployment.Step.CONFIRM);
        f.onUi(nd::next);
        assertThat(f.onUi(nd::launch)).isEmpty();
        assertThat(f.onUi(nd::error)).isEqualTo("Tick that you have read the dry run and this summary, then launch.");
        f.onUi(() -> nd.reviewed(true));
        f.onUi(nd::next);
        DeploymentsViewModel.Launch launch = f.onUi(nd::launch).orElseThrow();
        assertThat(launch.executor()).isEqualTo(ExecutorKind.DEMO);
        assertThat(launch.targets().plan()).hasSize(7);
        assertThat(launch.strategy().canary()).isEqualTo(HostCount.hosts(2));
    }

    @Test
    void anEmergencyPlanSaysNothingOfWindows() {
        open(Set.of());
        toPlan("all");
        f.onUi(() -> nd.emergency(true));
        next(NewDeployment.Step.DRY_RUN);
        assertThat(f.onUi(nd::windowsText)).isEmpty();
    }

    @Test
    void goingBackKeepsWhatWasChosen() {
        open(Set.of());
        toPlan("region:EU");
        f.onUi(nd::back);
        assertThat(f.onUi(nd::step)).isEqualTo(NewDeployment.Step.TARGETS);
        assertThat(f.onUi(() -> nd.filter())).isEqualTo("region:EU");
        assertThat(f.onUi(nd::choice)).isEqualTo(NewDeployment.TargetChoice.FILTER);
    }
}
