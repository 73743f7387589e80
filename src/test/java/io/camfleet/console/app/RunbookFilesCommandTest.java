package io.camfleet.console.app;

import io.camfleet.console.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code camfleet runbooks check} on a data folder's runbook files; a broken one stops no command. */
class RunbookFilesCommandTest {

    static final String GOOD = """
            runbooks:
              - id: chrony-sources
                title: Chrony sources
                kind: diagnostic
                command: chronyc sources -v
            """;
    /** Line 5 names a field runbooks do not have. */
    static final String BROKEN = """
            runbooks:
              - id: disk-smart
                title: Disk health
                kind: diagnostic
                commnd: smartctl -H /dev/sda
            """;

    @TempDir
    Path dir;

    @Test
    void eachProblemIsPrintedAsFileLineReasonTheExitIsOneAndOtherCommandsStillWork() throws Exception {
        Cli cli = new Cli(dir.resolve("home"));
        Path data = dir.resolve("data");
        Path runbooks = Files.createDirectories(data.resolve("runbooks"));
        String folder = data.toString();

        assertThat(cli.run("runbooks", "check", "--data-dir", folder)).as(cli.err()).isZero();
        assertThat(cli.out()).contains("runbooks ready", "No file has a problem");

        Files.writeString(runbooks.resolve("chrony.yaml"), GOOD);
        Files.writeString(runbooks.resolve("disk.yaml"), BROKEN);

        assertThat(cli.run("runbooks", "check", "--data-dir", folder)).isEqualTo(ExitCodes.FAILED);
        assertThat(cli.out().lines().toList()).hasSize(2);
        assertThat(cli.out().lines().findFirst().orElseThrow())
                .startsWith(runbooks.resolve("disk.yaml") + ":5:")
                .contains("'commnd' is not a field here");
        assertThat(cli.out()).contains("1 runbook file(s) in " + runbooks + " skipped");
        assertThat(cli.run("ticket", "list", "--data-dir", folder)).as(cli.err()).isZero();

        Files.writeString(runbooks.resolve("disk.yaml"), BROKEN.replace("commnd", "command"));
        assertThat(cli.run("runbooks", "check", "--data-dir", folder)).as(cli.out()).isZero();
        assertThat(cli.out()).contains("2 from the files in " + runbooks);
    }
}
