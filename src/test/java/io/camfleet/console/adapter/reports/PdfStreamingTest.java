package io.camfleet.console.adapter.reports;

import io.camfleet.console.domain.reports.Block;
import io.camfleet.console.domain.reports.Branding;
import io.camfleet.console.domain.reports.Column;
import io.camfleet.console.domain.reports.Cover;
import io.camfleet.console.domain.reports.ReportDocument;
import io.camfleet.console.domain.reports.Section;
import io.camfleet.console.domain.reports.Table;
import io.camfleet.console.service.reports.ReportProgress;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A table of 100,000 rows is printed as it streams: memory stays flat, and a cancel stops it mid-table. */
class PdfStreamingTest {

    private static final int ROWS = 100_000;

    @TempDir
    Path temp;

    @Test
    void aHundredThousandRowTableKeepsTheHeapFlat() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long[] peak = {0};
        // the live heap, measured inside the rendering: a collection every 10,000 rows, then what is still in use
        Table table = cameras(ROWS, i -> {
            if (i % 10_000 == 5_000) {
                System.gc();
                peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed());
            }
        });
        OpenPdfRenderer renderer = new OpenPdfRenderer();
        // fonts read once per renderer: not to be counted as the table's growth
        renderer.render(doc(cameras(1_000, i -> { })), OutputStream.nullOutputStream(), ReportProgress.NONE);
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        peak[0] = before;
        Path pdf = temp.resolve("big.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            renderer.render(doc(table), out, ReportProgress.NONE);
        }
        double growthMb = (peak[0] - before) / 1e6;
        System.out.printf("100,000 rows: live heap grew by %.1f MB, %d pages%n", growthMb, pages(pdf));
        // Holding the table whole would keep 100,000 x 6 cells, some 2 KB each with their phrases and layout: well
        // over 1 GB (it runs out of the tests' 1 GB heap). Streamed, a few hundred rows are held at a time.
        assertThat(growthMb).isLessThan(100);
        assertThat(pages(pdf)).as("cover, contents and some 2,000 pages of rows").isGreaterThan(1_500);
    }

    @Test
    void cancellingInTheMiddleOfATableStopsItWithinAFewHundredRows() {
        AtomicBoolean cancelled = new AtomicBoolean();
        AtomicInteger read = new AtomicInteger();
        Table table = cameras(ROWS, i -> {
            read.incrementAndGet();
            if (i == 3_000) {
                cancelled.set(true); // the operator presses Cancel while row 3,000 is being read
            }
        });
        AtomicInteger reports = new AtomicInteger();
        ReportProgress progress = new ReportProgress() {
            @Override
            public void progress(String step, double fraction) {
                reports.incrementAndGet();
            }

            @Override
            public boolean cancelled() {
                return cancelled.get();
            }
        };
        assertThatThrownBy(() -> new OpenPdfRenderer().render(doc(table), OutputStream.nullOutputStream(), progress))
                .isInstanceOf(CancellationException.class);
        // rows read: the first few again to size the columns, then up to the chunk after the cancel
        assertThat(read.get()).isBetween(3_001, 3_000 + PdfTables.CHUNK + PdfTables.SAMPLE);
        assertThat(reports.get()).as("progress told every chunk of rows").isGreaterThanOrEqualTo(3_000 / PdfTables.CHUNK);
    }

    private static long pages(Path pdf) throws Exception {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            return d.getNumberOfPages();
        }
    }

    private static Table cameras(int rows, java.util.function.IntConsumer onRow) {
        Instant seen = Instant.parse("2026-12-06T08:00:00Z");
        return new Table("cameras", List.of(Column.text("Camera"), Column.text("Site"), Column.text("Patch level"),
                Column.percent("Compliance"), Column.date("Patched"), Column.dateTime("Last seen")),
                PdfSample.generated(rows, i -> {
                    onRow.accept(i);
                    return PdfSample.row("cam-" + i, PdfSample.SITES[i % PdfSample.SITES.length], "2026-11",
                            90 + (i % 1000) / 100.0, LocalDate.of(2026, 11, 1 + i % 28), seen.minusSeconds(i));
                }), rows + " cameras");
    }

    private static ReportDocument doc(Table table) {
        return new ReportDocument(new Cover("Patch compliance", "", "", "", LocalDate.of(2026, 12, 6), Branding.DEFAULT,
                List.of()), List.of(new Section("Patch compliance per camera", List.of(new Block.TableBlock(table)))),
                ZoneId.of("UTC"), "");
    }
}
