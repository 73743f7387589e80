package io.camfleet.console.adapter.reports;

import io.camfleet.console.service.reports.ReportProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The realistic sample renders to pages with pdftoppm, the way an operator's viewer would. With
 * {@code -Dcamfleet.shots=DIR} the PDF and its pages stay in DIR, to be looked at.
 */
class PdfSampleRenderingTest {

    @TempDir
    Path temp;

    @Test
    void theSampleReportRendersToAPictureOfEveryPage() throws Exception {
        String shots = System.getProperty("camfleet.shots");
        Path dir = shots == null ? temp : Files.createDirectories(Path.of(shots));
        Path pdf = dir.resolve("sample-report.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            new OpenPdfRenderer().render(PdfSample.realistic(), out, ReportProgress.NONE);
        }
        Process p;
        try {
            p = new ProcessBuilder("pdftoppm", "-png", "-r", "60", pdf.toString(), dir.resolve("page").toString())
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            if ("true".equals(System.getenv("CI"))) {
                fail("pdftoppm (poppler-utils) is needed on CI", e);
            }
            System.err.println("SKIPPED: pdftoppm is not installed, the sample PDF was not rendered to pictures");
            return;
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String said = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(said).isZero();
        assertThat(said).as("pdftoppm finds nothing wrong in the file").isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            // cover, contents, one page per short section, three for the 150-site table
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("page")).count())
                    .isGreaterThanOrEqualTo(8);
        }
    }
}
