package io.camfleet.console.service.fleet;

import java.util.List;
import java.util.Map;

/**
 * A site registry as read from its file, before any rule is applied: its column names and its rows of text cells.
 * Nothing in it is interpreted; {@link SiteRegistry} does that.
 *
 * @param columns every column name the file uses, in the order it first uses them
 */
public record RegistryTable(List<String> columns, List<Row> rows) {

    public RegistryTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /**
     * One data row.
     *
     * @param number     1-based, counting data rows only (the CSV header is not a row)
     * @param cells      text by column name; a column the row does not fill may be absent
     * @param extraCells non-blank cells past the last named column (a CSV row with more cells than the header)
     */
    public record Row(int number, Map<String, String> cells, int extraCells) {

        public Row {
            cells = Map.copyOf(cells);
        }

        /** The cell's text without surrounding white space; empty when the row does not fill it. */
        public String cell(String column) {
            String text = cells.get(column);
            return text == null ? "" : text.strip();
        }

        boolean isBlank() {
            return extraCells == 0 && cells.values().stream().allMatch(String::isBlank);
        }
    }
}
