package io.camfleet.console.cli;

/**
 * CSV cells a spreadsheet opens safely: text that a spreadsheet would take for a formula (starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return: OWASP's list) gets a leading apostrophe, and every
 * text is quoted, its quotes doubled.
 */
final class CsvCells {

    private CsvCells() {
    }

    static String text(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
