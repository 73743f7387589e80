package io.camfleet.console.domain.text;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class SecretRedactionTest {

    private static final String PEM = """
            -----BEGIN OPENSSH PRIVATE KEY-----
            b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
            QyNTUxOQAAACDk3bq5bGQm1n2rWlLm
            -----END OPENSSH PRIVATE KEY-----""";

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

    @Test
    void aParameterThatCarriesASecretInItsTextKeepsTheRestOfIt() {
        assertThat(SecretRedaction.redact(Map.of("script", "mysql --password=hunter2 -e 'select 1'")))
                .containsEntry("script", "mysql --password=[redacted] -e 'select 1'");
    }

    @Test
    void passwordsTokensAndSecretSettingsAreRedactedInText() {
        assertThat(SecretRedaction.redact("connecting with password=hunter2 to db"))
                .isEqualTo("connecting with password=[redacted] to db");
        assertThat(SecretRedaction.redact("export DB_PASSWORD='hunter 2'; PGPASSWORD=x psql"))
                .isEqualTo("export DB_PASSWORD='[redacted]'; PGPASSWORD=[redacted] psql");
        assertThat(SecretRedaction.redact("{\"apiKey\": \"abc\\\"def\", \"host\": \"cam-01\"}"))
                .isEqualTo("{\"apiKey\": \"[redacted]\", \"host\": \"cam-01\"}");
        assertThat(SecretRedaction.redact("GET /status?token=abc123&verbose=1"))
                .isEqualTo("GET /status?token=[redacted]&verbose=1");
        assertThat(SecretRedaction.redact("client_secret: s3cr3t")).isEqualTo("client_secret: [redacted]");
        assertThat(SecretRedaction.redact("vault login --token s.abcdef")).isEqualTo("vault login --token [redacted]");
        assertThat(SecretRedaction.redact("{password=hunter2, host=cam-01}"))
                .isEqualTo("{password=[redacted], host=cam-01}");
    }

    @Test
    void authorizationHeadersAndBearerTokensAreRedacted() {
        assertThat(SecretRedaction.redact("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.abc"))
                .isEqualTo("Authorization: Bearer [redacted]");
        assertThat(SecretRedaction.redact("curl -H 'Authorization: Basic dXNlcjpwYXNz' https://x"))
                .isEqualTo("curl -H 'Authorization: Basic [redacted]' https://x");
        assertThat(SecretRedaction.redact("sent bearer abc.def-ghi")).isEqualTo("sent bearer [redacted]");
        assertThat(SecretRedaction.redact("token ghp_0123456789abcdefghijABCDEFGHIJ012345 and eyJhbGciOiJIUzI1NiJ9."
                + "eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"))
                .isEqualTo("token [redacted] and [redacted]");
        assertThat(SecretRedaction.redact("fetching https://deploy:hunter2@repo.example/agent.tgz"))
                .isEqualTo("fetching https://deploy:[redacted]@repo.example/agent.tgz");
    }

    @Test
    void awsKeysAreRedactedWhereverTheyStand() {
        assertThat(SecretRedaction.redact("id AKIAIOSFODNN7EXAMPLE, temporary ASIAIOSFODNN7EXAMPLE"))
                .isEqualTo("id [redacted], temporary [redacted]");
        assertThat(SecretRedaction.redact("echo wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY > creds"))
                .isEqualTo("echo [redacted] > creds");
        assertThat(SecretRedaction.redact("aws_secret_access_key = abc")).isEqualTo("aws_secret_access_key = [redacted]");
    }

    @Test
    void aPrivateKeyIsRedactedWholeAndOneCutOffIsRedactedToTheEnd() {
        assertThat(SecretRedaction.redact("key:\n" + PEM + "\ndone")).isEqualTo("key:\n[redacted]\ndone");
        assertThat(SecretRedaction.redact("-----BEGIN RSA PRIVATE KEY-----\nMIIEow")).isEqualTo("[redacted]");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        List<String> plain = List.of(
                "installed camos-agent 6.5.0", "health check: frames captured 0 in the last 30 s",
                "tests passed: 12", "password_file=/etc/camfleet/db.pass",
                "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "commit 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12", "Authorization failed for camfleet",
                "the release's SHA-256 on the camera is abc, not def",
                "at io.camfleet.console.domain.text.SecretRedaction.redact(SecretRedaction.java:72)");
        plain.forEach(s -> assertThat(SecretRedaction.redact(s)).as(s).isEqualTo(s));
        assertThat(SecretRedaction.redact((String) null)).isEmpty();
    }

    @Test
    void longOutputWithoutSecretsIsReadInOnePassNotForAges() {
        // Shapes that made an unbounded pattern backtrack over the whole line from each position (57 s for 100 kB).
        List<String> lines = List.of("x.".repeat(50_000), "http://".repeat(15_000), "a=b ".repeat(25_000),
                "-a".repeat(50_000), "password:".repeat(10_000) + "x", "A".repeat(100_000));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> lines.forEach(SecretRedaction::redact));
    }

    @Test
    void aKeyPrintedLineByLineLeavesNoLineOfItBehind() {
        SecretRedaction.KeyLines lines = new SecretRedaction.KeyLines();
        List<String> out = ("before\n" + PEM + " after\nnext").lines()
                .map(lines::next).map(SecretRedaction::redact).toList();
        assertThat(out).containsExactly("before", "[redacted]", "[redacted]", "[redacted]", "[redacted] after",
                "next");
        assertThat(lines.inKey()).isFalse();
    }
}
