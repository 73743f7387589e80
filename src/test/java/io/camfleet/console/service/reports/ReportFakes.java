package io.camfleet.console.service.reports;

import io.camfleet.console.adapter.files.AuditAnchorFiles;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcAuditTrail;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.reports.Block;
import io.camfleet.console.domain.reports.Column;
import io.camfleet.console.domain.reports.Cover;
import io.camfleet.console.domain.reports.ReportDocument;
import io.camfleet.console.domain.reports.ReportKind;
import io.camfleet.console.domain.reports.Section;
import io.camfleet.console.domain.reports.Table;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.Operator;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A report service over fake sources and writers that note what they write, with a real audit trail (H2 in the
 * folder): what the tests of the service, the screen and the command share. The fake PDF is a real one, made with
 * PDFBox, so that a preview can draw it.
 */
public final class ReportFakes implements AutoCloseable {

    public final List<String> written = new CopyOnWriteArrayList<>();
    public final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    public final List<ReportOptions> asked = new CopyOnWriteArrayList<>();
    /** How many rows the compliance report's image-age table has (many, to fill a disk). */
    public volatile int imageAgeRows = 2;
    /** The CSV table whose writing fails half-way, or null. */
    public volatile String failingTable;
    /** Set, the PDF waits for it before it ends (for a test to cancel under way). */
    public volatile CountDownLatch holdPdf;
    /** PDFs begun, held or not. */
    public final AtomicInteger pdfsStarted = new AtomicInteger();
    public final AtomicInteger pdfs = new AtomicInteger();
    public final CacheDatabase db;
    public final AuditService audit;
    public final ReportService service;

    public ReportFakes(Path folder, Clock clock) {
        db = CacheDatabase.open(folder, clock);
        audit = new AuditService(new JdbcAuditTrail(db.dataSource()), new AuditAnchorFiles(folder),
                new Operator("nina", ""), clock);
        audit.addListener(audited::add);
        service = new ReportService(kind -> kind == ReportKind.EVIDENCE ? Optional.empty()
                : Optional.of(source(kind)), this::pdf, this::sheets, this::csv, null, audit, folder, clock);
    }

    /** The actions and outcomes on the trail, in order, as {@code report.export STARTED}. */
    public List<String> trail() {
        return audited.stream().map(e -> e.action() + " " + e.outcome()).toList();
    }

    static Table table(String name, int rows) {
        List<List<Object>> all = new java.util.ArrayList<>();
        for (int i = 1; i <= rows; i++) {
            all.add(List.of("row " + i, (long) i));
        }
        return new Table(name, List.of(new Column("Name", Column.Kind.TEXT), new Column("N", Column.Kind.INTEGER)),
                all);
    }

    private ReportSource source(ReportKind kind) {
        return new ReportSource() {
            @Override
            public ReportKind kind() {
                return kind;
            }

            @Override
            public Built build(ReportOptions options, ReportProgress progress) {
                asked.add(options);
                progress.progress("Reading the fleet", 0.5);
                progress.checkCancelled();
                Cover cover = new Cover(kind == ReportKind.SALES ? "Proposal for " + options.prospect()
                        : "Compliance report", options.from() + " to " + options.to(), options.prospect(), "nina",
                        options.to(), null, List.of());
                List<Section> sections = kind == ReportKind.SALES
                        ? List.of(new Section("Quote", List.of(new Block.TableBlock(table("quote", 2)))))
                        : List.of(new Section("Patches", List.of(new Block.TableBlock(table("patches", 3))), true),
                        new Section("Image age", List.of(new Block.TableBlock(table("image-age", imageAgeRows))), true),
                        new Section("Notes", List.of(new Block.Paragraph("not a table")), false),
                        new Section("Tickets", List.of(new Block.TableBlock(table("tickets", 1))), true));
                ReportDocument doc = new ReportDocument(cover, sections, ZoneOffset.UTC, "Confidential");
                return new Built(doc, kind == ReportKind.SALES ? List.of(table("quote", 2), table("rates", 1))
                        : List.of());
            }
        };
    }

    private void pdf(ReportDocument doc, OutputStream out, ReportProgress progress) throws IOException {
        pdfsStarted.incrementAndGet();
        CountDownLatch hold = holdPdf;
        if (hold != null) {
            try {
                while (!hold.await(20, TimeUnit.MILLISECONDS)) {
                    progress.checkCancelled();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException("interrupted");
            }
        }
        progress.progress("Printing " + doc.cover().title(), 0.5);
        written.add("pdf");
        pdfs.incrementAndGet();
        try (PDDocument pdf = new PDDocument()) {
            for (int i = 1; i <= 2; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                pdf.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(pdf, page)) {
                    text.beginText();
                    text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 22);
                    text.newLineAtOffset(60, 700);
                    text.showText(i == 1 ? doc.cover().title() : "Page " + i);
                    text.endText();
                }
            }
            pdf.save(out);
        }
    }

    private void sheets(List<Table> tables, java.time.ZoneId zone, OutputStream out, ReportProgress progress)
            throws IOException {
        written.add("xlsx");
        out.write(("sheets " + tables.stream().map(Table::name).toList()).getBytes(StandardCharsets.UTF_8));
    }

    private void csv(Table table, java.time.ZoneId zone, OutputStream out) throws IOException {
        written.add("csv " + table.name());
        out.write(("table " + table.name() + "\r\n").getBytes(StandardCharsets.UTF_8));
        if (table.name().equals(failingTable)) {
            throw new IOException("the test's disk failed half-way");
        }
        for (List<Object> row : table.rows()) {
            out.write((row.get(0) + "," + row.get(1) + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Options for a report written to {@code out}, over November 2026. */
    public static ReportOptions options(ReportKind kind, Path out) {
        return new ReportOptions(kind, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), List.of("EU"),
                kind == ReportKind.SALES ? "Acme Ltd" : "", List.of(), Optional.empty(), out);
    }

    public static Map<String, String> none() {
        return Map.of();
    }

    @Override
    public void close() {
        db.close();
    }
}
