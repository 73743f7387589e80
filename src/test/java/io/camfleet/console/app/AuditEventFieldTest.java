package io.camfleet.console.app;

import io.camfleet.console.cli.ExitCodes;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.audit.AuditVerification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every column of an audit event, edited with SQL on a real cache file, is caught and the event named: edited alone,
 * and edited then sealed again the way someone without the key would (the plain SHA-256 chain recomputed).
 */
class AuditEventFieldTest {

    @TempDir
    Path dir;

    private Cli cli;

    /** Each column of audit_event, and an SQL value that changes it on event 3. */
    static Stream<Arguments> edits() {
        return Stream.of(
                Arguments.of("seq", "30"),
                Arguments.of("at", "DATEADD(HOUR, 1, at)"),
                Arguments.of("actor", "'mallory'"),
                Arguments.of("cloud_identity", "'arn:aws:iam::666:user/mallory'"),
                Arguments.of("action", "'deploy.abort'"),
                Arguments.of("target", "'dep-forged'"),
                Arguments.of("parameters", "'{\"wave\":\"9\"}'"),
                Arguments.of("outcome", "'SUCCEEDED'"),
                Arguments.of("prev_hash", "(SELECT hash FROM audit_event WHERE seq = 1)"),
                Arguments.of("hash", "(SELECT hash FROM audit_event WHERE seq = 4)"),
                Arguments.of("keyed", "FALSE"));
    }

    /** A folder with five events; event 3 FAILED, so that an outcome read as FAILED must not hide an edit. */
    private Path folder() {
        cli = new Cli(dir.resolve("home"));
        Path data = dir.resolve("data");
        try (ConsoleServices s = cli.runtime().openServices(data, cli.runtime().demoFleet(10, 1))) {
            for (int i = 1; i <= 5; i++) {
                s.audit().record("deploy.approve", "dep-" + i, Map.of("wave", Integer.toString(i)),
                        i == 3 ? AuditOutcome.FAILED : AuditOutcome.SUCCEEDED);
            }
        }
        return data;
    }

    private AuditVerification verify(Path data) {
        try (ConsoleServices s = cli.runtime().openServices(data, cli.runtime().demoFleet(10, 1))) {
            return s.audit().verify();
        }
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("edits")
    void anEditedFieldIsCaughtAndItsEventNamed(String column, String value) throws Exception {
        anEditedFieldIsCaught(column, value);
    }

    @Test
    void anOutcomeNoEventCanHaveIsCaughtEvenWhereItWouldReadAsTheOldOne() throws Exception {
        anEditedFieldIsCaught("outcome", "'FORGED'");
    }

    private void anEditedFieldIsCaught(String column, String value) throws Exception {
        Path data = folder();
        CacheTamper.sql(data, "UPDATE audit_event SET " + column + " = " + value + " WHERE seq = 3");

        AuditVerification v = verify(data);
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken()).isEqualTo(3);
        assertThat(v.checked()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("edits")
    void anEditedFieldSealedAgainWithoutTheKeyIsCaughtAndItsEventNamed(String column, String value)
            throws Exception {
        Path data = folder();
        CacheTamper.sql(data, "UPDATE audit_event SET " + column + " = " + value + " WHERE seq = 3");
        CacheTamper.resealFrom(data, 3);

        AuditVerification v = verify(data);
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBroken()).isEqualTo(3);
    }

    @Test
    void theCommandLineNamesTheEditedEventAndExitsOne() throws Exception {
        Path data = folder();
        CacheTamper.sql(data, "UPDATE audit_event SET outcome = 'FORGED' WHERE seq = 3");

        assertThat(cli.run("audit", "verify", "--data-dir", data.toString())).isEqualTo(ExitCodes.FAILED);
        assertThat(cli.err().strip()).isEqualTo("Audit chain broken at event 3: event 3 was changed after it was"
                + " written: its seal does not match its fields (2 events before it are intact).");
    }
}
