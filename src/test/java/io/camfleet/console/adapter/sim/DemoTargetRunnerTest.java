package io.camfleet.console.adapter.sim;

import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.ReleaseKind;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.deploy.TargetRunner.StepResult;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DemoTargetRunnerTest {

    private final Release release = new Release("camos-agent", "6.5.0", ReleaseKind.RELEASE, "/srv/agent.tar",
            "a".repeat(64), "install.sh", "health.sh", "rollback.sh");

    @Test
    void aRolloutOverManyCamerasMostlySucceedsAndFailsNowAndThenTheSameWayEachTime() {
        Map<String, String> installed = new HashMap<>();
        for (int i = 0; i < 2000; i++) {
            installed.put("C" + i, "6.4.2");
        }
        int[] first = outcomes(new DemoTargetRunner(installed, 7, 0));
        int[] again = outcomes(new DemoTargetRunner(installed, 7, 0));

        assertThat(again).containsExactly(first);
        int unreachable = first[0];
        int lost = first[1];
        int unhealthy = first[2];
        int ok = first[3];
        assertThat(ok).isGreaterThan(1850);
        assertThat(unreachable).isBetween(2, 30);
        assertThat(lost).isBetween(2, 30);
        assertThat(unhealthy).isBetween(15, 80);
        assertThat(unreachable + lost + unhealthy + ok).isEqualTo(2000);
    }

    /** unreachable, lost, unhealthy, ok. */
    private int[] outcomes(DemoTargetRunner runner) {
        int[] n = new int[4];
        for (int i = 0; i < 2000; i++) {
            Target t = new Target("C" + i, "S", "", "", "");
            try {
                assertThat(runner.installedVersion(t)).contains("6.4.2");
            } catch (Problem p) {
                n[0]++;
                continue;
            }
            runner.upload(t, release, line -> { });
            StepResult install = runner.install(t, release, line -> { });
            if (install.contactLost()) {
                n[1]++;
                continue;
            }
            if (!runner.verify(t, release, line -> { }).ok()) {
                n[2]++;
                assertThat(runner.rollback(t, release, line -> { }).ok()).isTrue();
                assertThat(runner.installedVersion(t)).contains("6.4.2");
                continue;
            }
            assertThat(runner.installedVersion(t)).contains("6.5.0");
            n[3]++;
        }
        return n;
    }
}
