package io.camfleet.console.adapter.reports;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.ExceptionConverter;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfAction;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import io.camfleet.console.domain.reports.Block;
import io.camfleet.console.domain.reports.Branding;
import io.camfleet.console.domain.reports.ReportDocument;
import io.camfleet.console.domain.reports.Section;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.reports.PdfRenderer;
import io.camfleet.console.service.reports.ReportProgress;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/**
 * Reports as PDF with OpenPDF, A4 portrait: the cover, the contents, then each section from a new page with its
 * bookmark; running head and foot with "Page X of Y" on every page but the cover. Everything streams: a table's rows
 * are printed and dropped in chunks, pages are written as they fill, and the contents' page numbers are templates
 * filled in as sections start, so a 100,000-row report takes little memory.
 */
public final class OpenPdfRenderer implements PdfRenderer {

    private final Messages words = new Messages(Locale.ROOT);
    private PdfFonts fonts;

    public OpenPdfRenderer() {
    }

    /** The bundled fonts, read on the first render and kept for the next ones. */
    private synchronized PdfFonts fonts() {
        if (fonts == null) {
            fonts = new PdfFonts();
        }
        return fonts;
    }

    @Override
    public void render(ReportDocument report, OutputStream out, ReportProgress progress) throws IOException {
        try {
            write(report, out, progress);
        } catch (DocumentException | ExceptionConverter e) {
            // OpenPDF wraps the stream's IOException (a full disk) in these: hand the stream's own one on
            IOException io = streamFailure(e);
            if (io != null) {
                throw io;
            }
            if (e instanceof ExceptionConverter converter) {
                throw converter;
            }
            throw new IOException("The PDF could not be laid out: " + e.getMessage(), e);
        }
    }

    private static IOException streamFailure(Throwable failure) {
        for (Throwable t = failure; t != null; ) {
            if (t instanceof IOException io) {
                return io;
            }
            Throwable next = t instanceof ExceptionConverter c ? c.getException() : t.getCause();
            t = next == t ? null : next;
        }
        return null;
    }

    private void write(ReportDocument report, OutputStream out, ReportProgress progress)
            throws DocumentException, IOException {
        PdfFonts fonts = fonts();
        Branding brand = report.cover().branding();
        Document document = new Document(PageSize.A4, 56, 56, 64, 66);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setCloseStream(false); // the caller owns the stream (AtomicFile syncs it before moving it in place)
        writer.setFullCompression();
        String left = report.footer().isBlank() ? brand.company() : report.footer() + "  ·  " + brand.company();
        writer.setPageEvent(new PdfPageFooter(fonts, report.cover().title(), left,
                page -> words.text("report.pdf.pageOf", page)));
        writer.setViewerPreferences(PdfWriter.PageModeUseOutlines);
        document.addTitle(report.cover().title());
        document.addAuthor(report.cover().author());
        document.addCreator(brand.company());
        document.open();

        progress.checkCancelled();
        progress.progress(words.text("report.pdf.cover"), 0);
        PdfTables tables = new PdfTables(document, fonts, new PdfValues(report.zone()), PdfBlocks.colour(brand.primaryColor()),
                progress::checkCancelled);
        PdfBlocks blocks = new PdfBlocks(document, fonts, tables, words, brand);
        PdfCover cover = new PdfCover(document, writer, fonts, blocks, words);
        cover.cover(report.cover(), report.footer());
        List<Section> sections = report.sections();
        List<PdfTemplate> numbers = cover.contents(sections);

        int count = sections.size();
        for (int i = 0; i < count; i++) {
            Section section = sections.get(i);
            progress.checkCancelled();
            int index = i;
            progress.progress(words.text("report.pdf.section", i + 1, count, section.title()), (double) i / count);
            document.newPage();
            String anchor = "section-" + (i + 1);
            writer.getDirectContent().localDestination(anchor,
                    new PdfDestination(PdfDestination.FITH, document.top() + 20));
            new PdfOutline(writer.getRootOutline(), PdfAction.gotoLocalPage(anchor, false), section.title());
            blocks.heading(section.title(), i + 1);
            cover.pageOf(numbers.get(i), writer.getPageNumber());
            for (Block block : section.blocks()) {
                blocks.print(block, within -> {
                    progress.progress(words.text("report.pdf.section", index + 1, count, section.title()),
                            (index + within) / count);
                });
            }
        }
        progress.checkCancelled();
        document.close();
        out.flush();
        progress.progress(words.text("report.pdf.done"), 1);
    }
}
