package io.camfleet.console.service.reports;

import io.camfleet.console.app.SmallDisk;
import io.camfleet.console.domain.reports.ReportKind;
import io.camfleet.console.service.common.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An export onto a real small disk that fills up part-way: it says the disk is full and what was written. */
class ReportFullDiskTest {

    @TempDir
    Path dir;

    @Test
    void aDiskThatFillsPartWaySaysSoKeepsTheWholeFilesAndLeavesNoPartialOne() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 4);
             ReportFakes fakes = new ReportFakes(dir.resolve("data"), Clock.systemUTC())) {
            // 200,000 rows of "row N,N\r\n" are about 3 MB: more than the 64 KB left, where the PDF (about 1 KB)
            // and the 3-row patches CSV fit
            fakes.imageAgeRows = 200_000;
            disk.fill(64);

            assertThatThrownBy(() -> fakes.service.export(ReportFakes.options(ReportKind.COMPLIANCE,
                    disk.path().resolve("q4.pdf")), ReportProgress.NONE))
                    .isInstanceOfSatisfying(Problem.class, p -> {
                        assertThat(p.key()).isEqualTo("report.export.partlyWritten");
                        assertThat(((Problem) p.getCause()).key()).isEqualTo("report.diskFull");
                    })
                    .hasMessageContaining("The disk holding " + disk.path() + " is full")
                    .hasMessageContaining("Written, and whole: q4.pdf, q4-patches.csv.")
                    .hasMessageContaining("Not written: q4-image-age.csv, q4-tickets.csv.");

            try (Stream<Path> files = Files.list(disk.path())) {
                assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
                        .as("no partial CSV, no temporary file").containsExactly(".filler", "q4-patches.csv",
                                "q4.pdf");
            }
            assertThat(Files.readString(disk.path().resolve("q4-patches.csv")))
                    .isEqualTo("table patches\r\nrow 1,1\r\nrow 2,2\r\nrow 3,3\r\n");
            assertThat(fakes.trail()).containsExactly("report.export STARTED", "report.export FAILED");
        }
    }
}
