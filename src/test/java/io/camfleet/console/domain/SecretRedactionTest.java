package io.camfleet.console.domain;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecretRedactionTest {

    @Test
    void valuesOfSecretLookingKeysAreRedacted() {
        Map<String, String> out = SecretRedaction.redact(Map.of(
                "password", "hunter2", "apiKey", "abc", "sshPassphrase", "x", "sessionToken", "t",
                "release", "6.4.2", "host", "cam-01"));
        assertThat(out).containsEntry("password", SecretRedaction.REDACTED)
                .containsEntry("apiKey", SecretRedaction.REDACTED)
                .containsEntry("sshPassphrase", SecretRedaction.REDACTED)
                .containsEntry("sessionToken", SecretRedaction.REDACTED)
                .containsEntry("release", "6.4.2")
                .containsEntry("host", "cam-01");
    }

    @Test
    void keyMaterialIsRedactedWhateverItsKey() {
        Map<String, String> out = SecretRedaction.redact(Map.of(
                "note", "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----",
                "comment", "uses AKIAIOSFODNN7EXAMPLE"));
        assertThat(out.values()).containsOnly(SecretRedaction.REDACTED);
    }
}
