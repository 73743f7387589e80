package io.camfleet.console.adapter.reports;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.util.function.IntFunction;

/**
 * The running head and foot of every page but the cover: the document's title above a hairline; its footer text and
 * the company on the left below, "Page X of Y" on the right. Y is known only at the end, so it is a template filled
 * when the document closes.
 */
final class PdfPageFooter extends PdfPageEventHelper {

    private static final float SIZE = 8f;
    private static final float TOTAL_WIDTH = 28f;
    static final Color GREY = new Color(0x6B, 0x72, 0x80);
    static final Color RULE = new Color(0xD0, 0xD5, 0xDD);

    private final PdfFonts fonts;
    private final String title;
    private final String left;
    private final IntFunction<String> pageOf;
    private PdfTemplate total;

    /**
     * @param pageOf the words before Y for page X ("Page 3 of")
     */
    PdfPageFooter(PdfFonts fonts, String title, String left, IntFunction<String> pageOf) {
        this.fonts = fonts;
        this.title = title;
        this.left = left;
        this.pageOf = pageOf;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        total = writer.getDirectContent().createTemplate(TOTAL_WIDTH, SIZE + 4);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        int page = writer.getPageNumber();
        if (page == 1) {
            return; // the cover
        }
        PdfContentByte cb = writer.getDirectContent();
        float l = document.left();
        float r = document.right();
        float head = document.top() + 22;
        float foot = document.bottom() - 30;
        cb.saveState();
        cb.setColorStroke(RULE);
        cb.setLineWidth(0.5f);
        cb.moveTo(l, head - 5);
        cb.lineTo(r, head - 5);
        cb.moveTo(l, foot + 12);
        cb.lineTo(r, foot + 12);
        cb.stroke();
        cb.restoreState();
        show(cb, Element.ALIGN_LEFT, fonts.phrase(title, SIZE, false, GREY), l, head);
        show(cb, Element.ALIGN_LEFT, fonts.phrase(left, SIZE, false, GREY), l, foot);
        // the gap before Y is a space's width: a trailing space would be trimmed, and text extraction needs the gap
        float space = fonts.regular().getWidthPoint(" ", SIZE);
        show(cb, Element.ALIGN_RIGHT, fonts.phrase(pageOf.apply(page), SIZE, false, GREY), r - TOTAL_WIDTH - space, foot);
        cb.addTemplate(total, r - TOTAL_WIDTH, foot - 2); // its text sits 2 above its foot: on the baseline
    }

    private static void show(PdfContentByte cb, int align, Phrase phrase, float x, float y) {
        ColumnText.showTextAligned(cb, align, phrase, x, y, 0, PdfFonts.runDirection(phrase.getContent()), 0);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        total.beginText();
        total.setFontAndSize(fonts.regular(), SIZE);
        total.setColorFill(GREY);
        total.setTextMatrix(0, 2);
        total.showText(Integer.toString(writer.getPageNumber() - 1));
        total.endText();
    }
}
