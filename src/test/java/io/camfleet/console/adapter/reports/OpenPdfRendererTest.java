package io.camfleet.console.adapter.reports;

import io.camfleet.console.domain.reports.Block;
import io.camfleet.console.domain.reports.Branding;
import io.camfleet.console.domain.reports.Column;
import io.camfleet.console.domain.reports.Cover;
import io.camfleet.console.domain.reports.ReportDocument;
import io.camfleet.console.domain.reports.Section;
import io.camfleet.console.domain.reports.Table;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.reports.ReportProgress;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The PDF read back with PDFBox: cover, contents, bookmarks, page numbers, repeated headers, scripts, fonts. */
class OpenPdfRendererTest {

    @TempDir
    static Path temp;
    private static final OpenPdfRenderer RENDERER = new OpenPdfRenderer();
    private static final ReportDocument SAMPLE = PdfSample.realistic();
    private static Path sample;
    private static List<String> pages;

    @BeforeAll
    static void renderTheSampleOnce() throws IOException {
        sample = PdfTestFiles.render(RENDERER, SAMPLE, temp.resolve("sample.pdf"));
        pages = PdfTestFiles.pages(sample);
    }

    /** The page (1-based) whose text holds the section's heading, "3 Sites", as a line of its own. */
    private static int headingPage(int number, String title) {
        Pattern heading = Pattern.compile("(?m)^" + number + "\\s+" + Pattern.quote(title) + "\\s*$");
        for (int p = 2; p < pages.size(); p++) {
            if (heading.matcher(pages.get(p)).find()) {
                return p + 1;
            }
        }
        throw new AssertionError("No page starts section " + number + " " + title);
    }

    @Test
    void theCoverShowsTheTitleWhoItIsForAndTheFactsWithoutAPageNumber() {
        String cover = pages.get(0);
        assertThat(cover).contains("Northwind Security", "Camera fleet proposal",
                "Managed video surveillance for 6 sites, 2027–2029", "PREPARED FOR", "Contoso Logistics GmbH",
                "AUTHOR", "Zoë Ñúñez", "2026-12-06", "Availability, last 90 days", "99.97 %", "Confidential");
        assertThat(cover).doesNotContain("Page 1");
    }

    @Test
    void theContentsListEverySectionWithThePageItStartsOn() {
        String contents = pages.get(1);
        assertThat(contents).contains("Camera fleet proposal", "Contents");
        int previous = 2;
        List<Section> sections = SAMPLE.sections();
        for (int i = 0; i < sections.size(); i++) {
            int page = headingPage(i + 1, sections.get(i).title());
            assertThat(page).as("each section starts on a page after the one before").isGreaterThan(previous);
            assertThat(contents).containsPattern("(?m)^" + (i + 1) + "\\s+" + Pattern.quote(sections.get(i).title())
                    + "\\s+" + page + "\\s*$");
            previous = page;
        }
        // Hand count: cover 1, contents 2, summary 3, map 4, 150 sites at 40 to 45 rows a page on 5 to 8, pricing 9,
        // terms 10.
        assertThat(headingPage(3, "Sites")).isEqualTo(5);
        assertThat(headingPage(5, "Terms")).isEqualTo(10);
    }

    @Test
    void everySectionHasABookmarkLeadingToItsFirstPage() throws IOException {
        try (PDDocument doc = Loader.loadPDF(sample.toFile())) {
            List<String> titles = new ArrayList<>();
            List<Integer> targets = new ArrayList<>();
            for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
                titles.add(item.getTitle());
                PDPage page = item.findDestinationPage(doc);
                targets.add(doc.getPages().indexOf(page) + 1);
            }
            assertThat(titles).containsExactly("Summary", "Coverage map", "Sites", "Pricing", "Terms");
            for (int i = 0; i < titles.size(); i++) {
                assertThat(targets.get(i)).as(titles.get(i)).isEqualTo(headingPage(i + 1, titles.get(i)));
            }
        }
    }

    @Test
    void everyPageButTheCoverSaysPageXOfY() {
        int total = pages.size();
        assertThat(total).isEqualTo(10);
        for (int p = 2; p <= total; p++) {
            assertThat(pages.get(p - 1)).as("page " + p)
                    .contains("Page " + p + " of " + total)
                    .containsPattern("Confidential\\s+·\\s+Northwind Security");
        }
        assertThat(pages.get(0)).doesNotContainPattern("Page \\d+ of");
    }

    @Test
    void aTableSpanningPagesRepeatsItsHeaderOnEachOfThem() {
        int sitesPages = 0;
        for (int p = headingPage(3, "Sites"); p < headingPage(4, "Pricing"); p++) {
            String text = pages.get(p - 1);
            assertThat(text).as("page " + p).contains("Site Region Cameras Availability Installed Last seen");
            assertThat(text).as("page " + p + " holds rows of the table").contains("-central-1");
            sitesPages++;
        }
        assertThat(sitesPages).as("the 150 sites span several pages").isGreaterThanOrEqualTo(3);
        // the last row, site 150 (row 149, 149 % 6 = 5: the sixth name), and the summary under the table
        assertThat(pages.get(headingPage(4, "Pricing") - 2)).contains("Αθήνα Port 150", "150 sites");
    }

    @Test
    void namesInLatinChineseJapaneseAndArabicComeBackFromTheText() {
        String all = String.join("\n", pages);
        assertThat(all).contains("Zoë Ñúñez Depot 1 ", "北京站 2 ", "東京カメラ 3 ", "Kraków Główny 5 ", "Αθήνα Port 6 ");
        // Arabic is printed shaped (presentation forms) and right to left; PDFBox maps the forms back to letters and
        // puts them in reading order, but the number after the name may come out before it ("4 دبي"): accept both.
        Matcher arabic = Pattern.compile("(دبي 4|4 دبي)").matcher(all);
        assertThat(arabic.find()).as("the Arabic site name comes back as its letters").isTrue();
    }

    @Test
    void arabicIsPrintedShapedAsJoinedLetters() throws IOException {
        StringBuilder glyphs = new StringBuilder();
        try (PDDocument doc = Loader.loadPDF(sample.toFile())) {
            PDFTextStripper raw = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition text) {
                    glyphs.append(text.getUnicode()); // as printed, before PDFBox maps the forms back to letters
                }
            };
            raw.setStartPage(headingPage(3, "Sites"));
            raw.setEndPage(headingPage(3, "Sites"));
            raw.getText(doc);
        }
        // By hand: in دبي the dal joins nothing after it (isolated form U+FEA9), the beh starts a joined pair
        // (initial form U+FE91) and the yeh ends it (final form U+FEF2). Unshaped, they would be U+062F U+0628 U+064A.
        assertThat(glyphs.toString()).contains("\uFEA9", "\uFE91", "\uFEF2").doesNotContain("\u0628", "\u064A");
    }

    @Test
    void everyFontOnEveryPageIsEmbedded() throws IOException {
        try (PDDocument doc = Loader.loadPDF(sample.toFile())) {
            Set<String> names = new TreeSet<>();
            for (PDPage page : doc.getPages()) {
                fonts(page.getResources(), names);
            }
            assertThat(names).anyMatch(n -> n.endsWith("DejaVuSans")).anyMatch(n -> n.endsWith("DejaVuSans-Bold"))
                    .anyMatch(n -> n.endsWith("DroidSansFallback"));
        }
    }

    /** Collects the fonts of the resources and of the forms in them (the page-number templates), checking each. */
    private static void fonts(PDResources resources, Set<String> names) throws IOException {
        if (resources == null) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            assertThat(font.isEmbedded()).as(font.getName() + " is embedded").isTrue();
            names.add(font.getName());
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDFormXObject form) {
                fonts(form.getResources(), names);
            }
        }
    }

    @Test
    void valuesPrintByTheirKindAndAnEmptyCellAsNothing() throws IOException {
        Table table = new Table("kinds", List.of(Column.text("Camera"), Column.integer("Frames"),
                Column.decimal("Latency"), Column.percent("Uptime"), Column.money("Cost"), Column.date("Installed"),
                Column.dateTime("Last seen")), List.of(
                PdfSample.row("cam-full", 1234567L, 12.346, 99.971, new BigDecimal("1234.5"), LocalDate.of(2026, 2, 3),
                        Instant.parse("2026-11-30T23:30:00Z")),
                PdfSample.row("cam-empty", null, null, null, null, null, null)));
        Path pdf = PdfTestFiles.render(RENDERER, document(new Section("Kinds", List.of(new Block.TableBlock(table)))),
                temp.resolve("kinds.pdf"));
        String text = PdfTestFiles.pages(pdf).get(2);
        // by hand: 23:30 UTC is 00:30 the next day in Berlin (UTC+1 in winter); 12.346 -> 12.35; 99.971 -> 99.97;
        // 1234.5 -> 1,234.50; 1234567 -> 1,234,567
        assertThat(text).contains("cam-full 1,234,567 12.35 99.97 % 1,234.50 2026-02-03 2026-12-01 00:30");
        assertThat(text).containsPattern("(?m)^cam-empty\\s*$").doesNotContain("null");
    }

    @Test
    void anEmptyTableSaysSoUnderItsHeader() throws IOException {
        Table table = new Table("none", List.of(Column.text("Camera"), Column.integer("Frames")), List.of());
        Path pdf = PdfTestFiles.render(RENDERER, document(new Section("Nothing", List.of(new Block.TableBlock(table)))),
                temp.resolve("empty.pdf"));
        assertThat(PdfTestFiles.pages(pdf).get(2)).contains("Camera Frames\nNothing to list for this period.");
    }

    @Test
    void aReportWithoutSectionsStillHasItsCoverAndAnEmptyContentsPage() throws IOException {
        Path pdf = PdfTestFiles.render(RENDERER, document(), temp.resolve("bare.pdf"));
        List<String> bare = PdfTestFiles.pages(pdf);
        assertThat(bare).hasSize(2);
        assertThat(bare.get(1)).contains("Contents", "Page 2 of 2");
    }

    @Test
    void textIsPrintedAsItIsNeverAsMarkup() throws IOException {
        String markup = "<b>Bold</b> &amp; <a href=\"http://example.com/x.png\">link</a> {0} %s";
        Path pdf = PdfTestFiles.render(RENDERER, document(new Section("Markup", List.of(new Block.Paragraph(markup),
                new Block.TableBlock(new Table("markup", List.of(Column.text("Raw")),
                        List.of(PdfSample.row(markup))))))), temp.resolve("markup.pdf"));
        String text = PdfTestFiles.pages(pdf).get(2);
        assertThat(text.split(Pattern.quote(markup), -1)).as("in the paragraph and in the cell").hasSize(3);
    }

    @Test
    void aLogoThatIsNoPictureIsRefusedWithASentenceAndNothingWritten() {
        Branding broken = new Branding("Acme", "#112233", "#445566", "not a png".getBytes());
        ReportDocument doc = new ReportDocument(new Cover("T", "", "", "", LocalDate.of(2026, 1, 1), broken, List.of()),
                List.of(), ZoneId.of("UTC"), "");
        assertThatThrownBy(() -> RENDERER.render(doc, new ByteArrayOutputStream(), ReportProgress.NONE))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.key()).isEqualTo("report.pdf.badLogo");
                    assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_INPUT);
                });
    }

    @Test
    void aPictureThatIsNoImageIsRefusedNamingItsCaption() {
        ReportDocument doc = document(new Section("Map", List.of(new Block.Picture(new byte[]{1, 2, 3}, "Coverage map"))));
        assertThatThrownBy(() -> RENDERER.render(doc, new ByteArrayOutputStream(), ReportProgress.NONE))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.key()).isEqualTo("report.pdf.badPicture");
                    assertThat(p.getMessage()).contains("'Coverage map'");
                });
    }

    @Test
    void aFullDiskComesOutAsTheStreamsOwnIOExceptionForAtomicFileToName() {
        OutputStream full = new OutputStream() {
            private long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > 20_000) {
                    throw new IOException("No space left on device");
                }
            }
        };
        ReportDocument doc = document(new Section("Sites", List.of(new Block.TableBlock(PdfSample.sites(2_000)))));
        assertThatThrownBy(() -> RENDERER.render(doc, full, ReportProgress.NONE))
                .isInstanceOf(IOException.class).hasMessage("No space left on device");
    }

    @Test
    void theCallersStreamIsFlushedButLeftOpen() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        RENDERER.render(document(new Section("One", List.of(new Block.Paragraph("Text")))), out, ReportProgress.NONE);
        assertThat(closed[0]).as("AtomicFile closes it after syncing").isFalse();
        assertThat(new String(out.toByteArray(), 0, 5)).isEqualTo("%PDF-");
    }

    private static ReportDocument document(Section... sections) {
        return new ReportDocument(new Cover("Kinds", "", "", "", LocalDate.of(2026, 12, 1), Branding.DEFAULT,
                List.of()), List.of(sections), ZoneId.of("Europe/Berlin"), "");
    }
}
