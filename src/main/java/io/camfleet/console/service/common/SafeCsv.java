package io.camfleet.console.service.common;

import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV that a spreadsheet opens as data: each field quoted when it must be, and a text that a spreadsheet would run
 * as a formula (starting with {@code = + - @}, a tab or a carriage return) prefixed with {@code '} (OWASP CSV
 * injection). Numbers are written as numbers, so that a negative figure stays a number.
 */
public final class SafeCsv {

    private SafeCsv() {
    }

    /** One line, without its line end. A null or NaN field is empty. */
    public static String line(List<?> fields) {
        return fields.stream().map(SafeCsv::field).collect(Collectors.joining(","));
    }

    /**
     * The one rule for CSV and XLSX text cells: a text a spreadsheet would run as a formula (starting with
     * {@code = + - @}, a tab or a carriage return) with a leading {@code '}; any other text as it is. Apply it to text
     * only: a real number is never passed here, so that -1 stays the number -1.
     */
    public static String neutralised(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    static String field(Object value) {
        if (value == null || value instanceof Double d && d.isNaN()) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String s = neutralised(value.toString());
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
