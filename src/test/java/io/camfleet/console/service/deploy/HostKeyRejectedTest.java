package io.camfleet.console.service.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HostKeyRejectedTest {

    @Test
    void anUnknownKeyOnTheDefaultPortNamesTheHostAloneAndKeepsWhatTrustNeeds() {
        HostKeyRejected r = new HostKeyRejected("cam-1.acme", 22, "ssh-ed25519", "SHA256:abc", "AAAAC3Nz",
                HostKeyRejected.Reason.UNKNOWN);

        assertThat(r.key()).isEqualTo("ssh.hostKeyUnknown");
        assertThat(r.args()).containsExactly("cam-1.acme", "ssh-ed25519", "SHA256:abc");
        assertThat(r.host()).isEqualTo("cam-1.acme");
        assertThat(r.port()).isEqualTo(22);
        assertThat(r.keyType()).isEqualTo("ssh-ed25519");
        assertThat(r.sha256Fingerprint()).isEqualTo("SHA256:abc");
        assertThat(r.publicKey()).isEqualTo("AAAAC3Nz");
        assertThat(r.reason()).isEqualTo(HostKeyRejected.Reason.UNKNOWN);
    }

    @Test
    void aChangedKeyOnAnotherPortSaysSoAndNamesThePort() {
        HostKeyRejected r = new HostKeyRejected("cam-1.acme", 2222, "ecdsa-sha2-nistp256", "SHA256:xyz", "AAAAE2Vj",
                HostKeyRejected.Reason.CHANGED);

        assertThat(r.key()).isEqualTo("ssh.hostKeyChanged");
        assertThat(r.args()).containsExactly("cam-1.acme:2222", "ecdsa-sha2-nistp256", "SHA256:xyz");
        assertThat(r.getMessage()).contains("cam-1.acme:2222").contains("CHANGED");
        assertThat(r.port()).isEqualTo(2222);
        assertThat(r.reason()).isEqualTo(HostKeyRejected.Reason.CHANGED);
    }
}
