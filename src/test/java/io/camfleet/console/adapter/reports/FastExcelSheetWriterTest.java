package io.camfleet.console.adapter.reports;

import io.camfleet.console.domain.reports.Column;
import io.camfleet.console.domain.reports.Table;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.reports.AtomicFile;
import io.camfleet.console.service.reports.ReportProgress;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FastExcelSheetWriterTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final List<String> INJECTIONS = List.of("=1+2", "+1", "-1", "@SUM(A1)", "\t=x", "\r=x");
    private static final List<String> INJECTIONS_SAFE = List.of("'=1+2", "'+1", "'-1", "'@SUM(A1)", "'\t=x",
            "'\r=x");
    private static final List<String> NAMES = List.of("Gate \"North\"", "Lyon, Part-Dieu", "Dock 4\nsecond line",
            "北京西站 入口", "東京駅 丸の内", "بوابة الميناء", "Zoë's café <B> & \"C\"");

    @TempDir
    Path dir;

    @Test
    void eachTableIsASheetNamedAfterItInOrder() throws IOException {
        Path file = write(List.of(oneColumn("cameras", "a"), oneColumn("sites", "b"), oneColumn("sla-2026-12", "c")));

        try (ReadableWorkbook book = read(file)) {
            assertThat(book.getSheets().map(Sheet::getName)).containsExactly("cameras", "sites", "sla-2026-12");
            assertThat(rows(book, "sites").get(1).getCellText(0)).isEqualTo("b");
        }
    }

    @Test
    void numbersStayNumbersAndDatesStayDates() throws IOException {
        Table table = new Table("kinds", List.of(Column.integer("Cameras"), Column.decimal("Ratio"),
                Column.percent("Uptime"), Column.money("Price"), Column.date("Day"), Column.dateTime("Seen")),
                List.of(List.of(-1L, 0.25, 99.97, new BigDecimal("1234.5"), LocalDate.of(2026, 12, 6),
                                Instant.parse("2026-12-06T17:30:00Z")),
                        Arrays.asList(7L, Double.NaN, null, null, null, null)));

        try (ReadableWorkbook book = read(write(List.of(table)))) {
            Row row = rows(book, "kinds").get(1);
            assertThat(row.getCell(0).getType()).isEqualTo(CellType.NUMBER);
            assertThat(row.getCell(0).asNumber()).isEqualByComparingTo("-1");
            assertThat(row.getCell(1).asNumber()).isEqualByComparingTo("0.25");
            // 99.97 % is stored as the fraction 0.9997, shown as a percentage.
            assertThat(row.getCell(2).asNumber()).isEqualByComparingTo("0.9997");
            assertThat(row.getCell(2).getDataFormatString()).isEqualTo("0.00 %");
            assertThat(row.getCell(3).asNumber()).isEqualByComparingTo("1234.5");
            assertThat(row.getCell(3).getDataFormatString()).isEqualTo("#,##0.00");
            // A date is a number with a date format: 2026-12-06 is serial 46362 (days since 1899-12-30).
            assertThat(row.getCell(4).getType()).isEqualTo(CellType.NUMBER);
            assertThat(row.getCell(4).asNumber()).isEqualByComparingTo("46362");
            assertThat(row.getCell(4).getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(row.getCell(4).asDate()).isEqualTo(LocalDateTime.of(2026, 12, 6, 0, 0));
            // 17:30 UTC is 18:30 in Berlin in December (UTC+1).
            assertThat(row.getCell(5).asDate()).isEqualTo(LocalDateTime.of(2026, 12, 6, 18, 30));
            assertThat(row.getCell(5).getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm:ss");
            Row empty = rows(book, "kinds").get(2);
            for (int c = 1; c < 6; c++) {
                assertThat(empty.getOptionalCell(c).map(Cell::getType).orElse(CellType.EMPTY))
                        .as("column %d of the second row", c).isEqualTo(CellType.EMPTY);
            }
        }
    }

    @Test
    void formulaLikeTextComesBackAsLiteralTextWhileTheNumberMinusOneStaysANumber() throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (String s : INJECTIONS) {
            rows.add(List.of(s, -1L));
        }
        rows.add(List.of(-1, -1L)); // a real number in a text column is no formula either
        Table table = new Table("injections", List.of(Column.text("Name"), Column.integer("Delta")), rows);

        try (ReadableWorkbook book = read(write(List.of(table)))) {
            List<Row> back = rows(book, "injections").subList(1, rows.size() + 1);
            for (int i = 0; i < INJECTIONS.size(); i++) {
                Cell name = back.get(i).getCell(0);
                assertThat(name.getType()).as(INJECTIONS.get(i)).isEqualTo(CellType.STRING);
                assertThat(name.getFormula()).isNull();
                assertThat(name.asString()).isEqualTo(INJECTIONS_SAFE.get(i));
            }
            assertThat(back.get(INJECTIONS.size()).getCell(0).getType()).isEqualTo(CellType.NUMBER);
            assertThat(back.get(INJECTIONS.size()).getCell(0).asNumber()).isEqualByComparingTo("-1");
            assertThat(back).allSatisfy(r -> {
                assertThat(r.getCell(1).getType()).isEqualTo(CellType.NUMBER);
                assertThat(r.getCell(1).asNumber()).isEqualByComparingTo("-1");
            });
        }
    }

    @Test
    void namesWithQuotesCommasLineBreaksAndOtherScriptsSurvive() throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (String s : NAMES) {
            rows.add(List.of(s));
        }
        Table table = new Table("sites", List.of(Column.text("Site, \"name\" 名前")), rows);

        try (ReadableWorkbook book = read(write(List.of(table)))) {
            List<Row> back = rows(book, "sites");
            assertThat(back.get(0).getCellText(0)).isEqualTo("Site, \"name\" 名前");
            assertThat(back.subList(1, back.size())).extracting(r -> r.getCellText(0))
                    .containsExactlyElementsOf(NAMES);
        }
    }

    @Test
    void theHeaderRowIsBoldFrozenAndFilteredOverEveryRow() throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 4_500; i++) { // more than two chunks: the filter must cover the flushed rows too
            rows.add(List.of("cam-" + i, (long) i));
        }
        Path file = write(List.of(new Table("cameras", List.of(Column.text("Camera"), Column.integer("Id")), rows)));

        XlsxParts parts = XlsxParts.of(file);
        String sheet = parts.sheet(1);
        // 4,500 rows and the header: A1 to B4501.
        assertThat(sheet).contains("<autoFilter ref=\"A1:B4501\"");
        assertThat(sheet).containsPattern("<pane [^>]*ySplit=\"1\"[^>]*state=\"frozen\"");
        assertThat(parts.boldCell(sheet, "A1")).isTrue();
        assertThat(parts.boldCell(sheet, "B1")).isTrue();
        assertThat(parts.boldCell(sheet, "A2")).isFalse();
    }

    @Test
    void columnsAreWideEnoughForTheirHeaderAndTextButNotForOneLongRemark() throws IOException {
        Table table = new Table("sites", List.of(Column.text("Id"), Column.text("Site"), Column.text("Remark"),
                Column.dateTime("Last seen")),
                List.of(List.of("a", "Lyon Part-Dieu, north gate", "x".repeat(500), Instant.EPOCH)));

        XlsxParts parts = XlsxParts.of(write(List.of(table)));

        // "Id" is 2 characters + 3 for the filter button: the least width, 8, + 1 of padding.
        // The site is 26 characters; the remark is capped at 60; "yyyy-mm-dd hh:mm:ss" is 19.
        assertThat(parts.widths(1)).containsExactly(9.0, 27.0, 61.0, 20.0);
    }

    @Test
    void progressIsToldAlongTheWayAndACancellationStopsTheWrite() throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(List.of("cam-" + i));
        }
        Table table = new Table("cameras", List.of(Column.text("Camera")), rows);
        List<Double> fractions = new ArrayList<>();
        List<String> steps = new ArrayList<>();

        write(List.of(table), progress((step, f) -> {
            steps.add(step);
            fractions.add(f);
        }, () -> false));

        // 10,000 rows in chunks of 2,000: five chunks (the last one ends the sheet), then the end of the workbook.
        assertThat(fractions).containsExactly(0.2, 0.4, 0.6, 0.8, 1.0, 1.0);
        assertThat(steps.get(0)).isEqualTo("Writing sheet 1 of 1 (cameras): 2,000 rows");
        assertThat(steps.get(steps.size() - 1)).isEqualTo("Spreadsheet written: 1 sheet.");

        Path target = dir.resolve("cancelled.xlsx");
        Files.writeString(target, "the earlier export");
        int[] calls = {0};
        assertThatThrownBy(() -> AtomicFile.write(target, out -> new FastExcelSheetWriter().write(List.of(table),
                BERLIN, out, progress((step, f) -> calls[0]++, () -> calls[0] >= 2))))
                .isInstanceOf(CancellationException.class);
        assertThat(calls[0]).isEqualTo(2); // stopped after the second chunk, not at the end
        assertThat(Files.readString(target)).isEqualTo("the earlier export");
    }

    @Test
    void aTextLongerThanACellHoldsIsAClearProblem() {
        Table table = new Table("remarks", List.of(Column.text("Remark")), List.of(List.of("r".repeat(32_768))));

        Problem p = catchThrowableOfType(Problem.class, () -> write(List.of(table)));

        assertThat(p.key()).isEqualTo("report.files.xlsxTextTooLong");
        assertThat(p.getMessage()).startsWith("Row 1 of the table remarks has a Remark longer than 32,767 characters");
        assertThat(dir.toFile().list()).as("nothing half-written").isEmpty();
    }

    @Test
    void aTableWithMoreRowsThanASheetHoldsIsAClearProblem() {
        // 1,048,576 rows a sheet, the header one of them: row 1,048,576 of the table does not fit.
        Iterable<List<Object>> rows = () -> new java.util.Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < 1_048_576;
            }

            @Override
            public List<Object> next() {
                i++;
                return List.of(1L);
            }
        };
        Table table = new Table("huge", List.of(Column.integer("N")), rows);

        Problem p = catchThrowableOfType(Problem.class, () -> write(List.of(table)));

        assertThat(p.key()).isEqualTo("report.files.xlsxTooManyRows");
        assertThat(p.getMessage()).startsWith("The table huge has more than 1,048,575 rows");
    }

    @Test
    void noTableAtAllIsAFaultAndNoFile() {
        assertThatThrownBy(() -> write(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one table");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void twoTablesOfOneNameAreAFault() {
        assertThatThrownBy(() -> write(List.of(oneColumn("cameras", "a"), oneColumn("cameras", "b"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Two tables are named cameras");
    }

    @Test
    void aValueOfTheWrongKindIsAFaultNamedByTableRowAndColumn() {
        Table table = new Table("bad", List.of(Column.text("Name"), Column.money("Price")),
                List.of(List.of("cam-1", "12.50")));

        assertThatThrownBy(() -> write(List.of(table))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Table bad, row 1, column Price (MONEY)");
    }

    private Path write(List<Table> tables) {
        return write(tables, ReportProgress.NONE);
    }

    private Path write(List<Table> tables, ReportProgress progress) {
        return AtomicFile.write(dir.resolve("report.xlsx"),
                out -> new FastExcelSheetWriter().write(tables, BERLIN, out, progress));
    }

    private static ReadableWorkbook read(Path file) throws IOException {
        return new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
    }

    private static List<Row> rows(ReadableWorkbook book, String sheet) throws IOException {
        return book.findSheet(sheet).orElseThrow().read();
    }

    private static Table oneColumn(String name, String value) {
        return new Table(name, List.of(Column.text("Value")), List.of(List.of(value)));
    }

    interface Step {
        void told(String step, double fraction);
    }

    private static ReportProgress progress(Step step, java.util.function.BooleanSupplier cancelled) {
        return new ReportProgress() {
            @Override
            public void progress(String text, double fraction) {
                step.told(text, fraction);
            }

            @Override
            public boolean cancelled() {
                return cancelled.getAsBoolean();
            }
        };
    }
}
