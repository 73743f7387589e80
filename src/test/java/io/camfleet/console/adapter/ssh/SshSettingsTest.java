package io.camfleet.console.adapter.ssh;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SshSettingsTest {

    @Test
    void theAgentIsAskedWhenSshAuthSockNamesItAndNotOtherwise() {
        assertThat(SshSettings.agentSocket(Map.of("SSH_AUTH_SOCK", "/run/user/1000/agent.sock")))
                .isEqualTo(Path.of("/run/user/1000/agent.sock"));
        assertThat(SshSettings.agentSocket(Map.of("SSH_AUTH_SOCK", " "))).isNull();
        assertThat(SshSettings.agentSocket(Map.of())).isNull();
    }
}
