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

    static String field(Object value) {
        if (value == null || value instanceof Double d && d.isNaN()) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
