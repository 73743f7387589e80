package io.camfleet.console.adapter.reports;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.camfleet.console.domain.reports.Block;
import io.camfleet.console.domain.reports.Branding;
import io.camfleet.console.domain.reports.Fact;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;

import java.awt.Color;
import java.util.List;
import java.util.function.DoubleConsumer;

/** How each kind of block of a section prints: headings, running text, facts, tables, pictures and verdicts. */
final class PdfBlocks {

    static final Color INK = new Color(0x1F, 0x29, 0x37);
    private static final Color PASSED = new Color(0x2E, 0x7D, 0x32);
    private static final Color PASSED_TINT = new Color(0xE8, 0xF5, 0xE9);
    private static final Color FAILED = new Color(0xC6, 0x28, 0x28);
    private static final Color FAILED_TINT = new Color(0xFD, 0xEC, 0xEA);
    private static final float TEXT = 10f;

    private final Document document;
    private final PdfFonts fonts;
    private final PdfTables tables;
    private final Messages words;
    private final Color primary;
    private final Color accent;
    private final Color tint;

    PdfBlocks(Document document, PdfFonts fonts, PdfTables tables, Messages words, Branding brand) {
        this.document = document;
        this.fonts = fonts;
        this.tables = tables;
        this.words = words;
        this.primary = colour(brand.primaryColor());
        this.accent = colour(brand.accentColor());
        this.tint = mix(primary, 0.06f);
    }

    Color primary() {
        return primary;
    }

    /** A section's (or the contents') heading, underlined in the accent colour; numbered when {@code number} is set. */
    void heading(String title, Integer number) throws DocumentException {
        Phrase phrase = new Phrase();
        if (number != null) {
            phrase.add(fonts.phrase(number + "   ", 18, true, accent));
        }
        phrase.add(fonts.phrase(title, 18, true, primary));
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(accent);
        cell.setBorderWidth(1.5f);
        cell.setPadding(0);
        cell.setPaddingBottom(9);
        direction(cell, title);
        PdfPTable table = single(cell);
        table.setSpacingAfter(14);
        document.add(table);
    }

    void print(Block block, DoubleConsumer done) throws DocumentException {
        switch (block) {
            case Block.Paragraph p -> paragraph(p.text());
            case Block.Facts f -> facts(f.facts());
            case Block.TableBlock t -> {
                tables.print(t.table(), done, words.text("report.pdf.noRows"));
                if (!t.table().summary().isBlank()) {
                    Paragraph summary = paragraph(fonts.phrase(t.table().summary(), 9, false, PdfPageFooter.GREY), 9);
                    summary.setSpacingBefore(5);
                    summary.setSpacingAfter(12);
                    document.add(summary);
                } else {
                    document.add(spacer(12));
                }
            }
            case Block.Picture p -> picture(p);
            case Block.Verdict v -> verdict(v);
        }
    }

    /** Plain text: a blank line starts a new paragraph, a single line break stays one. */
    private void paragraph(String text) throws DocumentException {
        for (String part : text.strip().split("\\R\\s*\\R")) {
            String line = part.strip();
            if (line.isEmpty()) {
                continue;
            }
            Phrase phrase = fonts.phrase(line, TEXT, false, INK);
            if (PdfFonts.runDirection(line) == PdfWriter.RUN_DIRECTION_NO_BIDI) {
                Paragraph p = paragraph(phrase, TEXT);
                p.setLeading(TEXT * 1.5f);
                p.setSpacingAfter(8);
                document.add(p);
            } else {
                // Arabic is shaped and ordered only in cells and columns, not in a paragraph added to the page
                PdfPCell cell = plain(phrase);
                cell.setLeading(0, 1.5f);
                direction(cell, line);
                PdfPTable table = single(cell);
                table.setSpacingAfter(8);
                document.add(table);
            }
        }
    }

    /**
     * A paragraph for the page whose own font is a bundled one too: the page's line ends are written in it, and
     * OpenPDF's default (Helvetica, not embedded) would otherwise be listed among the document's fonts.
     */
    private Paragraph paragraph(Phrase phrase, float size) {
        Paragraph p = new Paragraph();
        p.setFont(fonts.font(fonts.regular(), size, INK));
        p.add(phrase);
        return p;
    }

    void facts(List<Fact> facts) throws DocumentException {
        PdfPTable box = new PdfPTable(new float[]{2, 3});
        box.setWidthPercentage(100);
        box.setSpacingBefore(4);
        box.setSpacingAfter(12);
        for (int i = 0; i < facts.size(); i++) {
            Fact f = facts.get(i);
            boolean last = i == facts.size() - 1;
            box.addCell(fact(fonts.phrase(f.label(), 9.5f, false, PdfPageFooter.GREY), f.label(), last));
            box.addCell(fact(fonts.phrase(f.value(), 9.5f, true, INK), f.value(), last));
        }
        document.add(box);
    }

    private PdfPCell fact(Phrase phrase, String text, boolean last) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBackgroundColor(tint);
        cell.setBorder(last ? Rectangle.NO_BORDER : Rectangle.BOTTOM);
        cell.setBorderColor(Color.WHITE);
        cell.setBorderWidth(1.2f);
        cell.setPaddingLeft(10);
        cell.setPaddingRight(10);
        cell.setPaddingTop(6);
        cell.setPaddingBottom(7);
        direction(cell, text);
        return cell;
    }

    private void picture(Block.Picture p) throws DocumentException {
        Image image = PdfCover.picture(p.png(), () -> Problem.badInput("report.pdf.badPicture", p.caption()));
        float width = document.right() - document.left();
        image.scaleToFit(width, (document.top() - document.bottom()) * 0.7f);
        PdfPCell cell = new PdfPCell(image, false);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        PdfPTable table = single(cell);
        if (!p.caption().isBlank()) {
            PdfPCell caption = plain(fonts.phrase(p.caption(), 8.5f, false, PdfPageFooter.GREY));
            caption.setHorizontalAlignment(Element.ALIGN_CENTER);
            caption.setPaddingTop(5);
            direction(caption, p.caption());
            table.addCell(caption);
        }
        table.setKeepTogether(true);
        table.setSpacingBefore(4);
        table.setSpacingAfter(14);
        document.add(table);
    }

    private void verdict(Block.Verdict v) throws DocumentException {
        Color strong = v.passed() ? PASSED : FAILED;
        Phrase phrase = new Phrase();
        phrase.add(fonts.phrase(words.text(v.passed() ? "report.pdf.passed" : "report.pdf.failed") + "   ", 11,
                true, strong));
        phrase.add(fonts.phrase(v.text(), 10.5f, false, INK));
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBackgroundColor(v.passed() ? PASSED_TINT : FAILED_TINT);
        cell.setBorder(Rectangle.LEFT);
        cell.setBorderColorLeft(strong);
        cell.setBorderWidthLeft(4);
        cell.setPadding(12);
        cell.setLeading(0, 1.4f);
        direction(cell, v.text());
        PdfPTable table = single(cell);
        table.setKeepTogether(true);
        table.setSpacingBefore(4);
        table.setSpacingAfter(14);
        document.add(table);
    }

    private static PdfPCell plain(Phrase phrase) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        return cell;
    }

    private static PdfPTable single(PdfPCell cell) {
        PdfPTable table = new PdfPTable(1);
        table.setWidthPercentage(100);
        table.addCell(cell);
        return table;
    }

    /** Lays a cell holding Arabic out right to left (shaped), or with bidi when Latin comes first. */
    static void direction(PdfPCell cell, String text) {
        int direction = PdfFonts.runDirection(text);
        if (direction != PdfWriter.RUN_DIRECTION_NO_BIDI) {
            cell.setRunDirection(direction);
        }
    }

    /** Empty room of the given height. */
    static PdfPTable spacer(float height) {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setFixedHeight(height);
        return single(cell);
    }

    static Color colour(String hex) {
        int[] rgb = Branding.rgb(hex);
        return new Color(rgb[0], rgb[1], rgb[2]);
    }

    /** The colour at {@code share} of its strength over white: a light tint for boxes. */
    private static Color mix(Color c, float share) {
        return new Color(Math.round(255 - (255 - c.getRed()) * share), Math.round(255 - (255 - c.getGreen()) * share),
                Math.round(255 - (255 - c.getBlue()) * share));
    }
}
