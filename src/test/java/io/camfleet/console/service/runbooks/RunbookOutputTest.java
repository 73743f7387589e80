package io.camfleet.console.service.runbooks;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A camera's output keeps no secret, as the log keeps none, and stays within the runbook's limit. */
class RunbookOutputTest {

    private static final String CUT = "\n[output cut]";

    @Test
    void passwordsTokensAndAwsKeysInOutputAreRedactedAndTheRestKept() {
        String output = """
                camos-agent.service - CamOS agent
                   Active: active (running) since Sun 2026-12-06 09:12:01 UTC
                Dec 06 09:12:01 cam-1 camos-agent[812]: connecting with password=hunter2 to db
                Dec 06 09:12:02 cam-1 camos-agent[812]: DB_PASSWORD: "s3cr3t value"
                Dec 06 09:12:03 cam-1 camos-agent[812]: Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYW0ifQ.sig
                Dec 06 09:12:04 cam-1 camos-agent[812]: aws_access_key_id=AKIAIOSFODNN7EXAMPLE
                Dec 06 09:12:05 cam-1 camos-agent[812]: secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
                Dec 06 09:12:06 cam-1 camos-agent[812]: upload to https://cam:pa55word@cloud.example.com/ ok
                """;

        String kept = RunbookOutput.redact(output);

        assertThat(kept).doesNotContain("hunter2", "s3cr3t value", "eyJzdWIiOiJjYW0ifQ", "AKIAIOSFODNN7EXAMPLE",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "pa55word");
        assertThat(kept).contains("password=[redacted] to db", "DB_PASSWORD: \"[redacted]\"",
                "Active: active (running) since Sun 2026-12-06 09:12:01 UTC", "https://cam:[redacted]@cloud.example.com/");
        assertThat(kept.lines().count()).isEqualTo(output.lines().count());
    }

    @Test
    void aPrivateKeyPrintedOverManyLinesGoesWhole() {
        String output = "before\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n"
                + "AAAAAAAAABAAAAMwAAAAtzc2gtZWQyNTUxOQ\n-----END OPENSSH PRIVATE KEY-----\nafter\n";

        assertThat(RunbookOutput.redact(output)).isEqualTo("before\n[redacted]\nafter\n");
    }

    @Test
    void aKeyCutOffBeforeItsEndIsRedactedToTheEnd() {
        assertThat(RunbookOutput.redact("x\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\nMIIEowIB"))
                .isEqualTo("x\n[redacted]");
    }

    @Test
    void outputOverTheLimitIsCutAtACharacterBoundaryAfterRedaction() {
        // 'é' is two bytes in UTF-8: "aé" x 600 is 1,800 bytes; a limit of 1,024 falls inside the 342nd 'é'
        // (1,023 = 341 x 3, so byte 1,024 is its first byte, kept whole only if it fits: it does not), so 1,023 stay
        String kept = RunbookOutput.kept("aé".repeat(600), 1024, CUT);

        assertThat(kept).endsWith(CUT);
        String body = kept.substring(0, kept.length() - CUT.length());
        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(1024);
        assertThat(body).isEqualTo("aé".repeat(341) + "a");
    }

    @Test
    void aSecretAcrossTheLimitIsRedactedBeforeTheCutSoNoHalfOfItShows() {
        // the AWS secret starts 10 bytes before the limit: cut first, its visible 10 characters would not match
        String output = "x".repeat(1014) + " wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY tail";

        String kept = RunbookOutput.kept(output, 1024, CUT);

        // 1,014 x and a space are 1,015 bytes; the 9 after them, to the limit, are "[redacted" of the replacement
        assertThat(kept).doesNotContain("wJalrXUtnF").isEqualTo("x".repeat(1014) + " [redacted" + CUT);
    }

    @Test
    void outputWithinTheLimitIsKeptAsItIs() {
        assertThat(RunbookOutput.kept("Filesystem Size Used\n/dev/sda1 29G 12G\n", 1024, CUT))
                .isEqualTo("Filesystem Size Used\n/dev/sda1 29G 12G\n");
        assertThat(RunbookOutput.kept(null, 1024, CUT)).isEmpty();
    }
}
