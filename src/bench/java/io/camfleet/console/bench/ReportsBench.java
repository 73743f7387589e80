package io.camfleet.console.bench;

import io.camfleet.console.adapter.reports.OpenPdfRenderer;
import io.camfleet.console.domain.reports.Block;
import io.camfleet.console.domain.reports.Branding;
import io.camfleet.console.domain.reports.Column;
import io.camfleet.console.domain.reports.Cover;
import io.camfleet.console.domain.reports.Fact;
import io.camfleet.console.domain.reports.ReportDocument;
import io.camfleet.console.domain.reports.Section;
import io.camfleet.console.domain.reports.Table;
import io.camfleet.console.service.reports.ReportProgress;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntFunction;

/**
 * {@code reports}: a compliance report for 100,000 cameras (nine sections; patch compliance and image age per camera,
 * 100,000 rows each; SLA per site, 20,000 rows; incidents, findings, changes and audit extracts) printed as PDF to a
 * temporary file: the wall time and the thread's CPU time (medians of 3, after a warm-up), its pages, and the peak
 * live heap while printing (what garbage collections left, the whole heap, not above a baseline). Rows are made on
 * demand, as a report source streams them from the cache, so the heap is the renderer's.
 */
public final class ReportsBench {

    static final int CAMERAS = 100_000;
    private static final int ROUNDS = 3;
    private static final String[] SITES = {"Zoë Ñúñez Depot", "北京站", "東京カメラ", "دبي Marina", "Kraków Główny",
            "Rotterdam Haven", "São Paulo Centro", "Αθήνα Port"};

    private ReportsBench() {
    }

    public static void run() throws Exception {
        Path file = Files.createTempFile("camfleet-compliance", ".pdf");
        try {
            OpenPdfRenderer renderer = new OpenPdfRenderer();
            render(renderer, compliance(CAMERAS), file); // fonts read once, code warmed
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            double[] seconds = new double[ROUNDS];
            double[] cpu = new double[ROUNDS];
            double peakMb = 0;
            for (int i = 0; i < ROUNDS; i++) {
                System.gc();
                LiveHeap live = new LiveHeap();
                live.start();
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                render(renderer, compliance(CAMERAS), file);
                seconds[i] = (System.nanoTime() - t0) / 1e9;
                cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
                peakMb = Math.max(peakMb, live.stop() / 1e6);
                Bench.note(String.format("reports: round %d %.2f s wall, %.2f s of CPU, %d collections", i + 1,
                        seconds[i], cpu[i], live.collections()));
            }
            int pages;
            try (PDDocument doc = Loader.loadPDF(file.toFile())) {
                pages = doc.getNumberOfPages();
            }
            Bench.note("reports: " + Files.size(file) / 1_000_000 + " MB of PDF, max heap "
                    + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / 1_000_000 + " MB");
            Bench.report("reports", "compliance_pdf_100k_seconds", Bench.median(seconds), "s");
            // the rendering thread's own time: the wall time on a shared machine also counts other processes' turns
            Bench.report("reports", "compliance_pdf_100k_cpu_seconds", Bench.median(cpu), "s");
            Bench.report("reports", "compliance_pdf_pages", pages, "pages");
            Bench.report("reports", "peak_heap_mb", peakMb, "MB");
            xlsx();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The XLSX figure: 100,000 rows of ten columns of every kind, through FastExcelSheetWriter and AtomicFile. */
    private static void xlsx() throws Exception {
        ReportsXlsxFigure.run();
    }

    private static void render(OpenPdfRenderer renderer, ReportDocument doc, Path file) throws Exception {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            renderer.render(doc, out, ReportProgress.NONE);
        }
    }

    static ReportDocument compliance(int cameras) {
        int sites = cameras / 5;
        Cover cover = new Cover("Compliance report", "Patch, image and SLA compliance, 2026-09-01 to 2026-11-30",
                "Internal audit", "Compliance desk", LocalDate.of(2026, 12, 6), Branding.DEFAULT,
                List.of(new Fact("Cameras", String.format("%,d", cameras)), new Fact("Sites", String.format("%,d", sites)),
                        new Fact("Period", "2026-09-01 to 2026-11-30")));
        List<Section> sections = List.of(
                new Section("Summary", List.of(new Block.Paragraph("What the fleet did against its policies over the "
                        + "period: patches, images, availability, incidents and changes."),
                        new Block.Facts(List.of(new Fact("Compliant cameras", "97.4 %"), new Fact("SLA breaches", "212"))),
                        new Block.Verdict(false, "2,604 cameras missed the November patch window."))),
                new Section("Patch compliance per camera", List.of(new Block.TableBlock(patchCompliance(cameras))), true),
                new Section("Image age per camera", List.of(new Block.TableBlock(table("image-age", List.of(
                        Column.text("Camera"), Column.text("Site"), Column.text("Image"), Column.date("Built"),
                        Column.integer("Age (days)")), cameras, i -> List.of("cam-" + i, site(i), "ami-0" + (i % 977) * 7919,
                        LocalDate.of(2026, 6, 1).plusDays(i % 180), (long) (i % 180))))), true),
                new Section("SLA per site", List.of(new Block.TableBlock(table("sla", List.of(Column.text("Site"),
                        Column.text("Region"), Column.text("Tier"), Column.integer("Cameras"),
                        Column.percent("Availability"), Column.percent("Target"), Column.integer("Breach minutes")),
                        sites, i -> List.of(site(i), i % 2 == 0 ? "eu-central-1" : "ap-northeast-1",
                                i % 3 == 0 ? "Gold" : "Silver", (long) (i % 40 + 1), 99.0 + (i % 100) / 100.0,
                                i % 3 == 0 ? 99.9 : 99.5, (long) (i % 90))))), true),
                new Section("Incidents", List.of(new Block.TableBlock(table("incidents", List.of(Column.text("Incident"),
                        Column.text("Site"), Column.dateTime("Opened"), Column.dateTime("Closed"),
                        Column.integer("Minutes")), 5_000, i -> List.of("INC-" + (10_000 + i), site(i),
                        Instant.parse("2026-09-01T00:00:00Z").plusSeconds(i * 1_500L),
                        Instant.parse("2026-09-01T00:00:00Z").plusSeconds(i * 1_500L + 600), (long) (i % 300))))), true),
                new Section("Findings", List.of(new Block.TableBlock(table("findings", List.of(Column.text("Finding"),
                        Column.text("Camera"), Column.text("Severity"), Column.date("Found")), 2_000,
                        i -> List.of("Firmware below baseline", "cam-" + i * 37, i % 4 == 0 ? "High" : "Medium",
                                LocalDate.of(2026, 9, 1).plusDays(i % 90))))), true),
                new Section("Changes", List.of(new Block.TableBlock(table("changes", List.of(Column.text("Change"),
                        Column.text("Who"), Column.dateTime("When"), Column.integer("Cameras")), 1_000,
                        i -> List.of("Rollout wave " + i, "ops-" + i % 7, Instant.parse("2026-09-02T10:00:00Z")
                                .plusSeconds(i * 7_000L), (long) (i % 500))))), true),
                new Section("Audit trail", List.of(new Block.TableBlock(table("audit", List.of(Column.dateTime("When"),
                        Column.text("Who"), Column.text("Action"), Column.text("Target")), 5_000,
                        i -> List.of(Instant.parse("2026-09-01T00:00:00Z").plusSeconds(i * 1_555L), "ops-" + i % 7,
                                "deploy.wave.start", "cam-" + i)))), true),
                new Section("Method and sign-off", List.of(new Block.Paragraph("Figures come from the console's cache; "
                        + "availability is measured per minute."), new Block.Verdict(true, "Evidence complete."))));
        return new ReportDocument(cover, sections, ZoneId.of("Europe/Amsterdam"), "Internal");
    }

    static Table patchCompliance(int cameras) {
        return table("patch-compliance", List.of(Column.text("Camera"), Column.text("Site"), Column.text("Patch level"),
                Column.text("Required"), Column.percent("Compliance"), Column.date("Last patched"),
                Column.money("Licence")), cameras, i -> List.of("cam-" + i, site(i), "2026-" + (9 + i % 3),
                "2026-11", i % 40 == 0 ? 0.0 : 100.0, LocalDate.of(2026, 9, 1).plusDays(i % 90),
                BigDecimal.valueOf(8_450 + i % 100, 2)));
    }

    private static String site(int i) {
        return SITES[i % SITES.length] + " " + (i % 20_000 + 1);
    }

    /** A table whose rows are made as they are read, never held. */
    private static Table table(String name, List<Column> columns, int rows, IntFunction<List<Object>> row) {
        Iterable<List<Object>> body = () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < rows;
            }

            @Override
            public List<Object> next() {
                return row.apply(next++);
            }
        };
        return new Table(name, columns, body, String.format("%,d rows", rows));
    }
}
