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
import java.util.Iterator;
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
    /** Rows read ahead to size the text columns. */
    static final int SAMPLE = 60;
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
        float[] widths = widths(columns, table.rows());
        pdf.setWidths(widths);
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
        float[] room = room(widths);
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

    /**
     * How wide each text column's values are in the first {@value #SAMPLE} rows: [0] the widest value, [1] the widest
     * single word (what the column needs not to break a word such as a site id), both padded.
     */
    private float[][] textNeeds(List<Column> columns, Iterable<List<Object>> rows) {
        float[] need = new float[columns.size()];
        float[] word = new float[columns.size()];
        Iterator<List<Object>> it = rows.iterator();
        for (int seen = 0; seen < SAMPLE && it.hasNext(); seen++) {
            List<Object> row = it.next();
            for (int i = 0; i < need.length && row != null && i < row.size(); i++) {
                if (columns.get(i).kind() == Column.Kind.TEXT && row.get(i) != null) {
                    String text = row.get(i).toString();
                    need[i] = Math.max(need[i], measure(text) + 2 * SIDE + 3);
                    for (String part : text.split("\\s+")) {
                        word[i] = Math.max(word[i], measure(part) + 2 * SIDE + 3);
                    }
                }
            }
        }
        return new float[][]{need, word};
    }

    private float measure(String text) {
        float width = 0;
        for (PdfFonts.Run run : fonts.runs(text, false)) {
            width += run.font().getWidthPoint(run.text(), BODY);
        }
        return width;
    }

    /** Each column's room for text, in points, as the table lays it out across the page (narrowed if it must). */
    private float[] room(float[] widths) {
        float total = 0;
        for (float w : widths) {
            total += w;
        }
        float page = document.right() - document.left();
        float[] room = new float[widths.length];
        for (int i = 0; i < room.length; i++) {
            room[i] = total == 0 ? 0 : page * widths[i] / total - 2 * SIDE - 1;
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
     * Widths in points across the page: a number, date or time column gets the room of its widest usual value (and
     * at least of its header's longest word), so that it never wraps; text columns share the rest equally, none
     * narrower than its header's longest word. Only when even that does not fit is every column narrowed alike.
     */
    private float[] widths(List<Column> columns, Iterable<List<Object>> rows) {
        float page = document.right() - document.left();
        if (columns.isEmpty()) {
            return new float[]{page};
        }
        float[] w = new float[columns.size()];
        float fixed = 0;
        float textMinimum = 0;
        int texts = 0;
        for (int i = 0; i < w.length; i++) {
            Column c = columns.get(i);
            float header = 0;
            for (String part : c.header().split("\\s+")) {
                header = Math.max(header, fonts.bold().getWidthPoint(part, HEAD));
            }
            String widest = switch (c.kind()) {
                case TEXT -> "";
                case INTEGER -> "1,234,567";
                case DECIMAL, MONEY -> "1,234,567.89";
                case PERCENT -> "100.00 %";
                case DATE -> "2026-12-31";
                case DATETIME -> "2026-12-31 23:59";
            };
            w[i] = Math.max(header, fonts.regular().getWidthPoint(widest, BODY)) + 2 * SIDE + 3;
            if (c.kind() == Column.Kind.TEXT) {
                texts++;
                textMinimum += w[i];
            } else {
                fixed += w[i];
            }
        }
        if (texts > 0 && fixed + textMinimum < page) {
            // Each text column first gets its longest word (a site id, a tier) so that no word is broken, as far as
            // the page allows (a word wider than a third of the page may still break); what is left is shared in
            // proportion to what the first rows need beyond that.
            float[][] needs = textNeeds(columns, rows);
            float[] need = needs[0];
            float[] minimum = new float[w.length];
            float minimums = 0;
            for (int i = 0; i < w.length; i++) {
                if (columns.get(i).kind() == Column.Kind.TEXT) {
                    minimum[i] = Math.max(w[i], Math.min(needs[1][i], page / 3));
                    minimums += minimum[i];
                }
            }
            if (fixed + minimums > page) {
                System.arraycopy(w, 0, minimum, 0, w.length);
                minimums = textMinimum;
            }
            float wanted = 0;
            for (int i = 0; i < w.length; i++) {
                if (columns.get(i).kind() == Column.Kind.TEXT) {
                    need[i] = Math.max(0, need[i] - minimum[i]);
                    wanted += need[i];
                }
            }
            float spare = page - fixed - minimums;
            for (int i = 0; i < w.length; i++) {
                if (columns.get(i).kind() == Column.Kind.TEXT) {
                    float share = wanted > 0 ? spare * need[i] / wanted : spare / texts;
                    w[i] = minimum[i] + share;
                }
            }
        }
        return w;
    }
}
