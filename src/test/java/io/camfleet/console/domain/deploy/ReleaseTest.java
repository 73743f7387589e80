package io.camfleet.console.domain.deploy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReleaseTest {

    private static Release named(String name, String version) {
        return new Release(name, version, ReleaseKind.RELEASE, "/srv/agent.tar", "ab".repeat(32), "install.sh",
                "selftest", "rollback.sh");
    }

    @Test
    void aNameOrVersionThatWouldLeaveTheInstallRootIsRefused() {
        // releases/NAME-VERSION on each camera: a name of ../../../../../tmp/x wrote outside the install root.
        for (String name : List.of("../../../../../tmp/x", "a/b", ".hidden", "-rf", "camos agent", "a\nb", "",
                "x".repeat(129), "agent\\..\\x", "agent;rm")) {
            assertThat(named(name, "7.0.0").problems()).as(name).contains(Release.Problem.NAME);
        }
        for (String version : List.of("../7", "7/0", ".7", "7 0", "", "7".repeat(65))) {
            assertThat(named("camos-agent", version).problems()).as(version).contains(Release.Problem.VERSION);
        }
        assertThat(named("camos-agent_2.x", "7.0.0-rc.1+build~3").problems()).isEmpty();
        assertThat(named("x".repeat(128), "7".repeat(64)).problems()).isEmpty();
    }
}
