package io.camfleet.console.service.reports;

import io.camfleet.console.domain.reports.ReportKind;
import io.camfleet.console.service.common.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exports over fake sources and writers: the files, their order and names, a failure or a cancel part-way. */
class ReportServiceTest {

    @TempDir
    Path dir;
    private ReportFakes fakes;
    private Path out;

    @BeforeEach
    void open() throws Exception {
        fakes = new ReportFakes(dir.resolve("data"), Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"),
                ZoneOffset.UTC));
        out = Files.createDirectories(dir.resolve("out"));
    }

    @AfterEach
    void close() {
        fakes.close();
    }

    private List<String> filesIn(Path folder) throws Exception {
        try (Stream<Path> all = Files.list(folder)) {
            return all.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aSalesProposalIsItsPdfThenItsQuoteAsXlsxBesideIt() throws Exception {
        ReportExport done = fakes.service.export(ReportFakes.options(ReportKind.SALES, out.resolve("acme.pdf")),
                ReportProgress.NONE);

        assertThat(done.files()).containsExactly(out.resolve("acme.pdf"), out.resolve("acme-quote.xlsx"));
        assertThat(fakes.written).containsExactly("pdf", "xlsx");
        assertThat(Files.readString(out.resolve("acme-quote.xlsx"))).isEqualTo("sheets [quote, rates]");
        assertThat(Files.readAllBytes(out.resolve("acme.pdf"))).startsWith("%PDF".getBytes());
        assertThat(done.bytes()).isEqualTo(Files.size(out.resolve("acme.pdf")) + "sheets [quote, rates]".length());
        assertThat(filesIn(out)).containsExactly("acme-quote.xlsx", "acme.pdf");
        assertThat(fakes.trail()).containsExactly("report.export STARTED", "report.export SUCCEEDED");
        assertThat(fakes.audited.getFirst().target()).isEqualTo(out.resolve("acme.pdf").toString());
        assertThat(fakes.audited.getFirst().parameters()).containsEntry("kind", "sales")
                .containsEntry("from", "2026-11-01").containsEntry("to", "2026-11-30").containsEntry("regions", "EU");
    }

    @Test
    void aComplianceReportIsItsPdfThenOneCsvPerTableMarkedForCsvInOrder() throws Exception {
        ReportExport done = fakes.service.export(ReportFakes.options(ReportKind.COMPLIANCE,
                out.resolve("Q4.PDF")), ReportProgress.NONE);

        assertThat(done.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("Q4.PDF", "Q4-patches.csv", "Q4-image-age.csv", "Q4-tickets.csv");
        assertThat(fakes.written).containsExactly("pdf", "csv patches", "csv image-age", "csv tickets");
        assertThat(Files.readString(out.resolve("Q4-patches.csv")))
                .isEqualTo("table patches\r\nrow 1,1\r\nrow 2,2\r\nrow 3,3\r\n");
        assertThat(fakes.service.recent()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ReportKind.COMPLIANCE);
            assertThat(r.files()).isEqualTo(done.files());
            assertThat(r.operator()).isEqualTo("nina");
            assertThat(r.present()).isTrue();
            assertThat(r.at()).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
        });
    }

    @Test
    void aFailurePartWayKeepsTheWholeFilesNamesTheRestAndLeavesTheOlderFileAsItWas() throws Exception {
        Files.writeString(out.resolve("q4-image-age.csv"), "last month's, whole");
        fakes.failingTable = "image-age";

        assertThatThrownBy(() -> fakes.service.export(ReportFakes.options(ReportKind.COMPLIANCE,
                out.resolve("q4.pdf")), ReportProgress.NONE))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.key()).isEqualTo("report.export.partlyWritten");
                    assertThat(p.getMessage()).contains("the test's disk failed half-way")
                            .contains("Written, and whole: q4.pdf, q4-patches.csv.")
                            .contains("Not written: q4-image-age.csv, q4-tickets.csv.");
                });

        // no temporary file, no half CSV: the older file of that name is untouched
        assertThat(filesIn(out)).containsExactly("q4-image-age.csv", "q4-patches.csv", "q4.pdf");
        assertThat(Files.readString(out.resolve("q4-image-age.csv"))).isEqualTo("last month's, whole");
        assertThat(fakes.written).doesNotContain("csv tickets");
        assertThat(fakes.trail()).containsExactly("report.export STARTED", "report.export FAILED");
        assertThat(fakes.service.recent()).as("only exports that ended are listed").isEmpty();
    }

    @Test
    void aCancelAfterThePdfKeepsItAndSaysTheQuoteWasNotWritten() throws Exception {
        AtomicBoolean cancelled = new AtomicBoolean();
        ReportProgress cancelAfterPdf = new ReportProgress() {
            @Override
            public void progress(String step, double fraction) {
                if (step.startsWith("Writing acme-quote.xlsx")) {
                    cancelled.set(true);
                }
            }

            @Override
            public boolean cancelled() {
                return cancelled.get();
            }
        };

        assertThatThrownBy(() -> fakes.service.export(ReportFakes.options(ReportKind.SALES,
                out.resolve("acme.pdf")), cancelAfterPdf)).isInstanceOfSatisfying(ReportCancelled.class, c -> {
                    assertThat(c.written()).containsExactly(out.resolve("acme.pdf"));
                    assertThat(c.notWritten()).containsExactly(out.resolve("acme-quote.xlsx"));
                });
        assertThat(filesIn(out)).containsExactly("acme.pdf");
        assertThat(fakes.trail()).containsExactly("report.export STARTED", "report.export CANCELLED");
    }

    @Test
    void aCancelBeforeAnyFileWritesNothing() throws Exception {
        ReportProgress always = new ReportProgress() {
            @Override
            public void progress(String step, double fraction) {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> fakes.service.export(ReportFakes.options(ReportKind.SALES,
                out.resolve("acme.pdf")), always)).isExactlyInstanceOf(CancellationException.class);
        assertThat(filesIn(out)).isEmpty();
        assertThat(fakes.trail()).containsExactly("report.export STARTED", "report.export CANCELLED");
    }

    @Test
    void aPeriodEndingBeforeItStartsOrAFileOfTheWrongKindIsRefusedBeforeAnythingIsDone() {
        ReportOptions o = ReportFakes.options(ReportKind.COMPLIANCE, out.resolve("q4.pdf"));
        ReportOptions backwards = new ReportOptions(o.kind(), o.to(), o.from(), o.regions(), "", List.of(),
                o.priceList(), o.out());
        assertThatThrownBy(() -> fakes.service.export(backwards, ReportProgress.NONE))
                .hasMessage("The period ends (2026-11-01) before it starts (2026-11-30): give a last day on or "
                        + "after the first.");
        assertThatThrownBy(() -> fakes.service.export(ReportFakes.options(ReportKind.EVIDENCE,
                out.resolve("pack.pdf")), ReportProgress.NONE))
                .hasMessageContaining("name a file ending in .zip");
        assertThatThrownBy(() -> fakes.service.export(ReportFakes.options(ReportKind.SALES,
                out.resolve(".pdf")), ReportProgress.NONE)).hasMessageContaining("ending in .pdf");
        assertThat(fakes.trail()).isEmpty();
        assertThat(fakes.written).isEmpty();
    }

    @Test
    void theRecentExportsKeepTheNewestTwentyAndMarkAFileSinceDeletedAsMissing() throws Exception {
        for (int i = 1; i <= 21; i++) {
            fakes.service.export(ReportFakes.options(ReportKind.SALES, out.resolve("p" + i + ".pdf")),
                    ReportProgress.NONE);
        }
        Files.delete(out.resolve("p20.pdf"));

        List<RecentExport> recent = fakes.service.recent();

        assertThat(recent).hasSize(20);
        assertThat(recent.getFirst().file()).isEqualTo(out.resolve("p21.pdf"));
        assertThat(recent.getLast().file()).as("p1 fell off").isEqualTo(out.resolve("p2.pdf"));
        assertThat(recent.get(1).present()).isFalse();
        assertThat(recent.get(0).present()).isTrue();
        assertThat(filesIn(dir.resolve("data").resolve("reports"))).containsExactly("recent.json");
    }

    @Test
    void aPreviewWritesOnlyThePdfAndIsNeitherAuditedNorListed() throws Exception {
        Path pdf = dir.resolve("preview.pdf");
        fakes.service.preview(ReportFakes.options(ReportKind.EVIDENCE, out.resolve("pack.zip")), pdf,
                ReportProgress.NONE);

        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes());
        assertThat(fakes.asked).singleElement().extracting(ReportOptions::kind).isEqualTo(ReportKind.EVIDENCE);
        assertThat(fakes.written).containsExactly("pdf");
        assertThat(fakes.trail()).isEmpty();
        assertThat(fakes.service.recent()).isEmpty();
        assertThat(filesIn(out)).isEmpty();
    }
}
