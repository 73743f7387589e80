package io.camfleet.console.adapter.reports;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import io.camfleet.console.domain.reports.Branding;
import io.camfleet.console.domain.reports.Cover;
import io.camfleet.console.domain.reports.Section;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * The first pages of a report: the cover (a band in the company's colour with its logo, the title, who it is for and
 * the key facts) and the table of contents. A section's page is not known until it is printed, so each page number
 * in the contents is a small template filled in when its section starts; the document streams on meanwhile.
 */
final class PdfCover {

    private static final float BAND = 236;
    private static final float NUMBER_WIDTH = 36;
    private static final float NUMBER_SIZE = 10.5f;

    private final Document document;
    private final PdfWriter writer;
    private final PdfFonts fonts;
    private final PdfBlocks blocks;
    private final Messages words;

    PdfCover(Document document, PdfWriter writer, PdfFonts fonts, PdfBlocks blocks, Messages words) {
        this.document = document;
        this.writer = writer;
        this.fonts = fonts;
        this.blocks = blocks;
        this.words = words;
    }

    void cover(Cover cover, String footer) throws DocumentException {
        Branding brand = cover.branding();
        Color primary = PdfBlocks.colour(brand.primaryColor());
        Rectangle page = document.getPageSize();
        float top = page.getTop();
        float left = document.left();
        float right = document.right();
        PdfContentByte under = writer.getDirectContentUnder();
        under.saveState();
        under.setColorFill(primary);
        under.rectangle(0, top - BAND, page.getWidth(), BAND);
        under.fill();
        under.setColorFill(PdfBlocks.colour(brand.accentColor()));
        under.rectangle(0, top - BAND - 6, page.getWidth(), 6);
        under.fill();
        under.restoreState();

        PdfContentByte cb = writer.getDirectContent();
        float textRight = right;
        if (brand.hasLogo()) {
            Image logo = picture(brand.logoPng(), () -> Problem.badInput("report.pdf.badLogo"));
            logo.scaleToFit(124, 60);
            float boxW = 140;
            float boxH = 76;
            float boxX = right - boxW;
            float boxY = top - 40 - boxH;
            cb.saveState();
            cb.setColorFill(Color.WHITE);
            cb.roundRectangle(boxX, boxY, boxW, boxH, 6);
            cb.fill();
            cb.restoreState();
            logo.setAbsolutePosition(boxX + (boxW - logo.getScaledWidth()) / 2, boxY + (boxH - logo.getScaledHeight()) / 2);
            cb.addImage(logo);
            textRight = boxX - 16;
        }
        column(cb, List.of(paragraph(brand.company(), 13, true, Color.WHITE, 0)), left, top - 118, textRight, top - 40);
        List<Paragraph> titles = new ArrayList<>();
        // the band holds two lines of the title and the subtitle: a long title is set smaller rather than cut off
        float size = fonts.bold().getWidthPoint(cover.title(), 28) <= 2 * (right - left) ? 28 : 20;
        titles.add(paragraph(cover.title(), size, true, Color.WHITE, 0));
        if (!cover.subtitle().isBlank()) {
            titles.add(paragraph(cover.subtitle(), 14, false, new Color(0xE6, 0xEE, 0xF6), 6));
        }
        column(cb, titles, left, top - BAND + 14, right, top - 124);

        document.add(PdfBlocks.spacer(BAND - (top - document.top()) + 26));
        PdfPTable who = new PdfPTable(new float[]{1, 1});
        who.setWidthPercentage(100);
        if (!cover.preparedFor().isBlank()) {
            PdfPCell cell = labelled(words.text("report.pdf.preparedFor"), cover.preparedFor(), 17);
            cell.setColspan(2);
            cell.setPaddingBottom(16);
            who.addCell(cell);
        }
        who.addCell(labelled(words.text("report.pdf.author"), cover.author(), 11));
        who.addCell(labelled(words.text("report.pdf.date"), cover.date().toString(), 11));
        document.add(who);
        if (!cover.facts().isEmpty()) {
            document.add(PdfBlocks.spacer(18));
            blocks.facts(cover.facts());
        }
        String foot = footer.isBlank() ? brand.company() : footer + "  ·  " + brand.company();
        ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, fonts.phrase(foot, 8.5f, false, PdfPageFooter.GREY),
                left, document.bottom() - 30, 0, PdfFonts.runDirection(foot), 0);
    }

    /** The contents page(s); returns each section's page-number template, to be filled when the section starts. */
    List<PdfTemplate> contents(List<Section> sections) throws DocumentException {
        document.newPage();
        blocks.heading(words.text("report.pdf.contents"), null);
        PdfPTable toc = new PdfPTable(new float[]{0.6f, 8, 1.2f});
        toc.setWidthPercentage(100);
        toc.setSpacingBefore(8);
        List<PdfTemplate> numbers = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            PdfTemplate number = writer.getDirectContent().createTemplate(NUMBER_WIDTH, NUMBER_SIZE + 4);
            numbers.add(number);
            toc.addCell(row(fonts.phrase((i + 1) + "", NUMBER_SIZE, true, blocks.primary()), Element.ALIGN_LEFT));
            String title = sections.get(i).title();
            PdfPCell t = row(fonts.phrase(title, NUMBER_SIZE, false, PdfBlocks.INK), Element.ALIGN_LEFT);
            PdfBlocks.direction(t, title);
            toc.addCell(t);
            PdfPCell n = new PdfPCell(Image.getInstance(number), false);
            style(n, Element.ALIGN_RIGHT);
            toc.addCell(n);
        }
        document.add(toc);
        return numbers;
    }

    /** Writes the section's page into its template in the contents. */
    void pageOf(PdfTemplate number, int page) {
        number.beginText();
        number.setFontAndSize(fonts.regular(), NUMBER_SIZE);
        number.setColorFill(PdfBlocks.INK);
        String text = Integer.toString(page);
        number.showTextAligned(Element.ALIGN_RIGHT, text, NUMBER_WIDTH, 1.5f, 0);
        number.endText();
    }

    private PdfPCell row(com.lowagie.text.Phrase phrase, int align) {
        PdfPCell cell = new PdfPCell(phrase);
        style(cell, align);
        return cell;
    }

    private static void style(PdfPCell cell, int align) {
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(PdfPageFooter.RULE);
        cell.setBorderWidth(0.5f);
        cell.setPaddingTop(7);
        cell.setPaddingBottom(8);
        cell.setHorizontalAlignment(align);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
    }

    private PdfPCell labelled(String label, String value, float size) {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        cell.setPaddingBottom(8);
        cell.addElement(paragraph(label.toUpperCase(java.util.Locale.ROOT), 8, true, PdfPageFooter.GREY, 0));
        cell.addElement(paragraph(value, size, true, PdfBlocks.INK, 2));
        PdfBlocks.direction(cell, value);
        return cell;
    }

    private Paragraph paragraph(String text, float size, boolean bold, Color colour, float before) {
        Paragraph p = new Paragraph(fonts.phrase(text, size, bold, colour));
        p.setLeading(size * 1.25f);
        p.setSpacingBefore(before);
        return p;
    }

    private static void column(PdfContentByte cb, List<Paragraph> lines, float llx, float lly, float urx, float ury)
            throws DocumentException {
        ColumnText ct = new ColumnText(cb);
        ct.setSimpleColumn(llx, lly, urx, ury);
        StringBuilder all = new StringBuilder();
        for (Paragraph p : lines) {
            ct.addElement(p);
            all.append(p.getContent());
        }
        int direction = PdfFonts.runDirection(all.toString());
        if (direction != PdfWriter.RUN_DIRECTION_NO_BIDI) {
            ct.setRunDirection(direction);
        }
        ct.go();
    }

    static Image picture(byte[] png, java.util.function.Supplier<Problem> problem) {
        try {
            return Image.getInstance(png);
        } catch (Exception e) {
            Problem p = problem.get();
            p.addSuppressed(e); // a bad-input problem has no cause; keep why for the log
            throw p;
        }
    }
}
