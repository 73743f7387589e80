package io.camfleet.console.app;

import io.camfleet.console.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code camfleet report} as Main builds it, on a real data folder: saved reports live in the folder. */
class ReportCommandOnAFolderTest {

    @TempDir
    Path dir;

    @Test
    void aReportSavedInAFolderIsListedThereAndAnUnknownNameIsRefused() {
        Cli cli = new Cli(dir.resolve("home"));
        String data = dir.resolve("data").toString();
        String pattern = dir.resolve("out/pack-{date}.zip").toString();

        assertThat(cli.run("report", "save", "monthly evidence", "evidence", "--period", "previous-month",
                "--out", pattern, "--data-dir", data)).as(cli.err()).isZero();
        assertThat(Files.exists(dir.resolve("data/reports/saved.json"))).isTrue();

        assertThat(cli.run("report", "list", "--data-dir", data)).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Saved reports (1):", "monthly evidence  evidence  previous-month  -> "
                + pattern, "Recent exports (0):");

        assertThat(cli.run("report", "run", "weekly", "--data-dir", data)).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("There is no saved report 'weekly'. Saved reports: monthly evidence.");
    }
}
