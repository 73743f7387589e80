package io.camfleet.console.adapter.ssh;

import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.RemoteHost;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ssh command line a terminal runs for a camera: a list of arguments, never a string for a shell. */
class SshLoginTest {

    private static RemoteHost host(String address, String jump, String user) {
        return new RemoteHost("AMS-01-C01", address, jump, user);
    }

    @Test
    void aDirectCameraIsOneDestinationAfterTheEndOfOptions() {
        assertThat(SshLogin.argv(host("10.0.0.5", "", "camfleet")))
                .containsExactly("ssh", "--", "camfleet@10.0.0.5");
    }

    @Test
    void aPortOtherThan22IsGivenWithDashP() {
        assertThat(SshLogin.argv(host("cam-ams.example:2222", "", "camfleet")))
                .containsExactly("ssh", "-p", "2222", "--", "camfleet@cam-ams.example");
    }

    @Test
    void aJumpHostGoesThroughDashJWithItsOwnPortAndTheSameUser() {
        assertThat(SshLogin.argv(host("10.0.0.5:2222", "jump-eu-1.ops.example:2200", "ops")))
                .containsExactly("ssh", "-J", "ops@jump-eu-1.ops.example:2200", "-p", "2222", "--", "ops@10.0.0.5");
        assertThat(SshLogin.argv(host("[fd00::5]:22", "[fd00::1]:2200", "ops")))
                .containsExactly("ssh", "-J", "ops@[fd00::1]:2200", "--", "ops@fd00::5");
        assertThat(SshLogin.argv(host("10.0.0.5", "jump.example", "ops")))
                .containsExactly("ssh", "-J", "ops@jump.example", "--", "ops@10.0.0.5");
    }

    @Test
    void hostsAndUsersThatCouldBeReadAsOptionsOrShellAreRefused() {
        for (String address : List.of("-oProxyCommand=touch /tmp/pwned", "10.0.0.5; rm -rf /", "$(id)", "a b",
                "host:-1", "host:22:33x", "`id`")) {
            assertThatThrownBy(() -> SshLogin.argv(host(address, "", "camfleet"))).as(address)
                    .isInstanceOfSatisfying(Problem.class, p -> {
                        assertThat(p.key()).isEqualTo("ssh.address.bad");
                        assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_INPUT);
                    });
        }
        assertThatThrownBy(() -> SshLogin.argv(host("10.0.0.5", "-oProxyCommand=x", "camfleet")))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("ssh.address.bad"));
        assertThatThrownBy(() -> SshLogin.argv(host("", "", "camfleet")))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("ssh.address.empty"));
        for (String user : List.of("-oProxyCommand=x", "root@evil", "a b", "", "x;id")) {
            assertThatThrownBy(() -> SshLogin.argv(host("10.0.0.5", "", user))).as(user)
                    .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("terminal.badUser"));
        }
    }
}
