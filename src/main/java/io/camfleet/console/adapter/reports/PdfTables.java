package io.camfleet.console.adapter.reports;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.camfleet.console.domain.reports.Column;
import io.camfleet.console.domain.reports.Table;

import java.awt.Color;
import java.util.Collection;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * Prints a report's table, streamed: the table is handed to the document every {@value #CHUNK} rows and its printed
 * rows let go, so 100,000 rows take the memory of a few hundred. Its header row repeats on every page it spans; rows
 * are zebra-striped; numbers are right-aligned.
 */
final class PdfTables {

    /** Rows added to the document at once: small enough to keep memory flat, large enough to lay out quickly. */
    static final int CHUNK = 250;
    private static final float BODY = 7.8f;
    private static final float HEAD = 8f;
    /** A cell's first baseline is one font size below its padding (PdfPCell's leading); and the cells' padding. */
    private static final float LEADING = BODY;
    private static final float SIDE = 4;
    private static final float TOP = 3f;
    private static final float BOTTOM = 4f;
    private static final Color ZEBRA = new Color(0xF2, 0xF5, 0xF9);
    private static final Color INK = new Color(0x1F, 0x29, 0x37);

    private final Document document;
    private final PdfFonts fonts;
    private final PdfValues values;
    private final Color primary;
    private final Runnable checkCancelled;

    PdfTables(Document document, PdfFonts fonts, PdfValues values, Color primary, Runnable checkCancelled) {
        this.document = document;
        this.fonts = fonts;
        this.values = values;
        this.primary = primary;
        this.checkCancelled = checkCancelled;
    }

    /**
     * @param done told the fraction of the table printed, every chunk, when the number of rows is known (a
     *             collection); otherwise 0
     * @param noRows what an empty table says in its one row
     */
    void print(Table table, DoubleConsumer done, String noRows) throws DocumentException {
        List<Column> columns = table.columns();
        int n = Math.max(1, columns.size());
        PdfPTable pdf = new PdfPTable(n);
        pdf.setWidthPercentage(100);
        pdf.setWidths(widths(columns, fonts));
        pdf.setHeaderRows(1);
        pdf.setSpacingBefore(6);
        pdf.setComplete(false);
        for (Column c : columns) {
            PdfPCell cell = cell(fonts.phrase(c.header(), HEAD, true, Color.WHITE), c.kind(), c.header());
            cell.setBackgroundColor(primary);
            cell.setPaddingTop(4);
            cell.setPaddingBottom(5);
            pdf.addCell(cell);
        }
        int size = table.rows() instanceof Collection<?> all ? all.size() : -1;
        float[] room = room(widths(columns, fonts));
        int row = 0;
        for (List<Object> values : table.rows()) {
            for (int i = 0; i < n; i++) {
                Column.Kind kind = i < columns.size() ? columns.get(i).kind() : Column.Kind.TEXT;
                String text = this.values.text(kind, values != null && i < values.size() ? values.get(i) : null);
                List<PdfFonts.Run> runs = fonts.runs(text, false);
                PdfPCell cell = fits(text, runs, room[i]) ? line(runs, PdfValues.numeric(kind))
                        : cell(fonts.phrase(text, BODY, false, INK), kind, text);
                if (row % 2 == 1) {
                    cell.setBackgroundColor(ZEBRA);
                }
                pdf.addCell(cell);
            }
            row++;
            if (row % CHUNK == 0) {
                checkCancelled.run();
                document.add(pdf); // prints the finished rows and drops them from the table
                done.accept(size > 0 ? (double) row / size : 0);
            }
        }
        if (row == 0) {
            PdfPCell none = cell(fonts.phrase(noRows, BODY, false, PdfPageFooter.GREY), Column.Kind.TEXT, noRows);
            none.setColspan(n);
            pdf.addCell(none);
        }
        pdf.setComplete(true);
        document.add(pdf);
    }

    /**
     * The fast way for a value that fits on one line in one font (most of them): an empty cell of one line's height
     * whose text is drawn straight onto the page when the row is, skipping OpenPDF's text layout, which otherwise
     * runs twice per cell (to measure and to write) and is most of the time a large table takes. Same place, font
     * and colour as a laid-out cell.
     */
    private PdfPCell line(List<PdfFonts.Run> runs, boolean right) {
        PdfPCell cell = new PdfPCell();
        pad(cell);
        cell.setMinimumHeight(TOP + LEADING + BOTTOM);
        if (!runs.getFirst().text().isEmpty()) {
            cell.setCellEvent(new Line(runs, right));
        }
        return cell;
    }

    private record Line(List<PdfFonts.Run> runs, boolean right) implements PdfPCellEvent {
        @Override
        public void cellLayout(PdfPCell cell, Rectangle position, PdfContentByte[] canvases) {
            PdfContentByte cb = canvases[PdfPTable.TEXTCANVAS];
            float x = right ? position.getRight() - SIDE - width(runs) : position.getLeft() + SIDE;
            float y = position.getTop() - TOP - LEADING;
            cb.beginText();
            cb.setColorFill(INK);
            for (PdfFonts.Run run : runs) {
                cb.setFontAndSize(run.font(), BODY);
                cb.showTextAligned(Element.ALIGN_LEFT, run.text(), x, y, 0);
                x += run.font().getWidthPoint(run.text(), BODY);
            }
            cb.endText();
        }
    }

    private static float width(List<PdfFonts.Run> runs) {
        float w = 0;
        for (PdfFonts.Run run : runs) {
            w += run.font().getWidthPoint(run.text(), BODY);
        }
        return w;
    }

    /**
     * Whether the value prints on one line, left to right, needing no layout: no line break, nothing right to left
     * (Arabic needs shaping), narrower than its column.
     */
    private static boolean fits(String text, List<PdfFonts.Run> runs, float room) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t' || c >= 0x0590 && c < 0x0900 || c >= 0xFB1D && c < 0xFE00
                    || c >= 0xFE70 && c < 0xFF00) {
                return false;
            }
        }
        return width(runs) <= room;
    }

    /** Each column's width for text, in points, as the table will lay it out across the page. */
    private float[] room(float[] relative) {
        float total = 0;
        for (float w : relative) {
            total += w;
        }
        float page = document.right() - document.left();
        float[] room = new float[relative.length];
        for (int i = 0; i < room.length; i++) {
            room[i] = total == 0 ? 0 : page * relative[i] / total - 2 * SIDE - 1;
        }
        return room;
    }

    private static void pad(PdfPCell cell) {
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPaddingLeft(SIDE);
        cell.setPaddingRight(SIDE);
        cell.setPaddingTop(TOP);
        cell.setPaddingBottom(BOTTOM);
    }

    private static PdfPCell cell(Phrase phrase, Column.Kind kind, String text) {
        PdfPCell cell = new PdfPCell(phrase);
        pad(cell);
        cell.setHorizontalAlignment(PdfValues.numeric(kind) ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        PdfBlocks.direction(cell, text);
        if (cell.getRunDirection() == PdfWriter.RUN_DIRECTION_RTL && !PdfValues.numeric(kind)) {
            // right to left swaps the sides: this keeps an Arabic name on the left edge of its column, like the rest
            cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        }
        return cell;
    }

    /**
     * Relative widths: text gets more room than numbers and dates, times more than dates, and no column is narrower
     * than its header's longest word, so that a header never breaks inside a word.
     */
    private static float[] widths(List<Column> columns, PdfFonts fonts) {
        if (columns.isEmpty()) {
            return new float[]{1};
        }
        float[] w = new float[columns.size()];
        for (int i = 0; i < w.length; i++) {
            float room = switch (columns.get(i).kind()) {
                case TEXT -> 110;
                case DATETIME -> 76;
                case DATE -> 56;
                case MONEY -> 62;
                default -> 50;
            };
            float word = 0;
            for (String part : columns.get(i).header().split("\\s+")) {
                word = Math.max(word, fonts.bold().getWidthPoint(part, HEAD));
            }
            w[i] = Math.max(room, word + 10);
        }
        return w;
    }
}
