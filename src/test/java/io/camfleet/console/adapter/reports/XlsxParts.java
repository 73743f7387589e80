package io.camfleet.console.adapter.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The XML inside an XLSX, for what fastexcel-reader does not tell: widths, the frozen pane, the filter, bold. */
final class XlsxParts {

    private final Path file;

    private XlsxParts(Path file) {
        this.file = file;
    }

    static XlsxParts of(Path file) {
        return new XlsxParts(file);
    }

    String sheet(int n) throws IOException {
        return part("xl/worksheets/sheet" + n + ".xml");
    }

    /** The widths of the sheet's columns, in the order of its {@code <col>} elements. */
    List<Double> widths(int n) throws IOException {
        List<Double> widths = new ArrayList<>();
        Matcher m = Pattern.compile("<col [^>]*width=\"([0-9.]+)\"").matcher(sheet(n));
        while (m.find()) {
            widths.add(Double.parseDouble(m.group(1)));
        }
        return widths;
    }

    /** Whether the cell's style uses a bold font: cell -> its xf in cellXfs -> the xf's font -> {@code <b/>}. */
    boolean boldCell(String sheet, String ref) throws IOException {
        Matcher cell = Pattern.compile("<c r=\"" + ref + "\"( s=\"(\\d+)\")?").matcher(sheet);
        if (!cell.find()) {
            throw new AssertionError("no cell " + ref);
        }
        if (cell.group(2) == null) {
            return false;
        }
        String styles = part("xl/styles.xml");
        String xfs = between(styles, "<cellXfs", "</cellXfs>");
        String xf = elements(xfs, "<xf ").get(Integer.parseInt(cell.group(2)));
        Matcher font = Pattern.compile("fontId=\"(\\d+)\"").matcher(xf);
        if (!font.find()) {
            return false;
        }
        return elements(between(styles, "<fonts", "</fonts>"), "<font>").get(Integer.parseInt(font.group(1)))
                .contains("<b/>");
    }

    private String part(String name) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                throw new AssertionError("no " + name + " in " + file);
            }
            return new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        return text.substring(start, text.indexOf(to, start));
    }

    private static List<String> elements(String text, String opening) {
        List<String> found = new ArrayList<>();
        for (int at = text.indexOf(opening); at >= 0; ) {
            int next = text.indexOf(opening, at + 1);
            found.add(text.substring(at, next < 0 ? text.length() : next));
            at = next;
        }
        return found;
    }
}
