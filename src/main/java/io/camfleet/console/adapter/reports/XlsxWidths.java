package io.camfleet.console.adapter.reports;

import io.camfleet.console.domain.reports.Column;
import org.dhatim.fastexcel.Worksheet;

import java.math.BigDecimal;
import java.util.List;

/**
 * Column widths, in characters, from the header and the first chunk of rows: a streamed sheet writes its widths
 * before its rows, so the rest cannot count. Wide enough for the header and its filter button, at most
 * {@value #MOST} so that one long remark does not push every other column off the screen.
 */
final class XlsxWidths {

    static final int LEAST = 8;
    static final int MOST = 60;
    /** The autofilter's drop-down button covers the end of the header. */
    private static final int FILTER_BUTTON = 3;

    private final int[] widths;
    private boolean applied;

    XlsxWidths(List<Column> columns) {
        widths = new int[columns.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = Math.max(LEAST, shown(columns.get(c).header()) + FILTER_BUTTON);
        }
    }

    void saw(int c, int characters) {
        if (!applied && characters > widths[c]) {
            widths[c] = characters;
        }
    }

    void saw(int c, String text) {
        if (!applied) {
            saw(c, shown(text));
        }
    }

    void saw(int c, Number n, String format) {
        if (applied) {
            return;
        }
        int digits = n instanceof BigDecimal b ? b.toPlainString().length() : n.toString().length();
        saw(c, XlsxSheet.MONEY.equals(format) ? digits + digits / 3 + 1 : digits); // grouping commas
    }

    /** Sets the widths; later rows are not counted. */
    void apply(Worksheet sheet) {
        for (int c = 0; c < widths.length; c++) {
            sheet.width(c, Math.min(MOST, widths[c]) + 1.0);
        }
        applied = true;
    }

    int width(int c) {
        return Math.min(MOST, widths[c]);
    }

    /** How many character cells the text takes: a Chinese, Japanese or Korean character is twice as wide. */
    static int shown(String text) {
        int longestLine = 0;
        int line = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                longestLine = Math.max(longestLine, line);
                line = 0;
            } else {
                line += wide(cp) ? 2 : 1;
            }
        }
        return Math.max(longestLine, line);
    }

    private static boolean wide(int cp) {
        return cp >= 0x1100 && (cp <= 0x115F || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD));
    }
}
