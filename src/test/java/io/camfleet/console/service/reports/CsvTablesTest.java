package io.camfleet.console.service.reports;

import io.camfleet.console.domain.reports.Column;
import io.camfleet.console.domain.reports.Table;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTablesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** The cases a spreadsheet would run as formulas, and their safe form. */
    static final List<String> INJECTIONS = List.of("=1+2", "+1", "-1", "@SUM(A1)", "\t=x", "\r=x");
    static final List<String> INJECTIONS_SAFE = List.of("'=1+2", "'+1", "'-1", "'@SUM(A1)", "'\t=x", "'\r=x");
    /** Names that must survive the round trip as they are. */
    static final List<String> NAMES = List.of("Gate \"North\"", "Lyon, Part-Dieu", "Dock 4\nsecond line",
            "北京西站 入口", "بوابة الميناء", "Zoë's café, \"B\"\r\nwing");

    @Test
    void formulaLikeTextComesBackAsLiteralTextWhileNumbersStayNumbers() throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (String s : INJECTIONS) {
            rows.add(Arrays.asList(s, -1L));
        }
        rows.add(Arrays.asList(-1, -1L)); // a real number in a text column is no formula either
        Table table = new Table("injections", List.of(Column.text("Name"), Column.integer("Delta")), rows);

        List<CSVRecord> back = parse(write(table));

        List<String> expected = new ArrayList<>(INJECTIONS_SAFE);
        expected.add("-1");
        assertThat(back.subList(1, back.size())).extracting(r -> r.get(0)).containsExactlyElementsOf(expected);
        assertThat(back.subList(1, back.size())).extracting(r -> r.get(1)).containsOnly("-1");
    }

    @Test
    void namesWithQuotesCommasLineBreaksAndOtherScriptsSurvive() throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        for (String s : NAMES) {
            rows.add(List.of(s, s));
        }
        Table table = new Table("sites", List.of(Column.text("Site, \"name\""), Column.text("Copy")), rows);

        List<CSVRecord> back = parse(write(table));

        assertThat(back.get(0).values()).containsExactly("Site, \"name\"", "Copy");
        assertThat(back.subList(1, back.size())).extracting(r -> r.get(0)).containsExactlyElementsOf(NAMES);
        assertThat(back.subList(1, back.size())).extracting(r -> r.get(1)).containsExactlyElementsOf(NAMES);
    }

    @Test
    void eachKindIsWrittenPlainAndIsoInTheReportsZone() throws IOException {
        Table table = new Table("kinds", List.of(Column.integer("Cameras"), Column.decimal("Ratio"),
                Column.percent("Uptime"), Column.money("Price"), Column.date("Day"), Column.dateTime("Seen")),
                List.of(
                        // 1.0E7 would be Double.toString's form; a spreadsheet wants 10000000, without grouping.
                        // 1234.5 money is 1234.50. 2026-12-06 17:30 UTC is 18:30 in Berlin in winter (UTC+1).
                        List.of(1_234_567L, 1.0E7, 99.97, new BigDecimal("1234.5"), LocalDate.of(2026, 12, 6),
                                Instant.parse("2026-12-06T17:30:00Z")),
                        // 0.125 to two places, half even: 0.12. 2026-07-01 12:00 UTC is 14:00 in Berlin in summer.
                        List.of(-3, 0.1, 100.0, new BigDecimal("0.125"), LocalDate.of(2026, 7, 1),
                                Instant.parse("2026-07-01T12:00:00Z")),
                        Arrays.asList(null, Double.NaN, Double.POSITIVE_INFINITY, null, null, null)));

        String csv = write(table);

        assertThat(csv).isEqualTo("\uFEFFCameras,Ratio,Uptime,Price,Day,Seen\r\n"
                + "1234567,10000000,99.97,1234.50,2026-12-06,2026-12-06T18:30:00+01:00\r\n"
                + "-3,0.1,100.0,0.12,2026-07-01,2026-07-01T14:00:00+02:00\r\n"
                // commons-csv quotes an empty first field, so that a row of empty fields is not a blank line.
                + "\"\",,,,,\r\n");
    }

    @Test
    void theFileIsUtf8WithAByteOrderMarkAndCrlfLineEnds() throws IOException {
        Table table = new Table("one", List.of(Column.text("Name")), List.of(List.of("Zoë")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        CsvTables.write(table, BERLIN, out);

        // EF BB BF is the mark; "ë" is C3 AB in UTF-8.
        assertThat(out.toByteArray()).containsExactly(0xEF, 0xBB, 0xBF, 'N', 'a', 'm', 'e', '\r', '\n',
                'Z', 'o', 0xC3, 0xAB, '\r', '\n');
    }

    @Test
    void rowsAreStreamedOnceAndTheStreamIsLeftOpenForTheCaller() throws IOException {
        AtomicInteger passes = new AtomicInteger();
        Iterable<List<Object>> rows = () -> {
            passes.incrementAndGet();
            return new Iterator<>() {
                int i;

                @Override
                public boolean hasNext() {
                    return i < 50_000;
                }

                @Override
                public List<Object> next() {
                    return List.of("cam-" + i, (long) i++);
                }
            };
        };
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        CsvTables.write(new Table("many", List.of(Column.text("Camera"), Column.integer("N")), rows), BERLIN, out);

        assertThat(passes).hasValue(1);
        assertThat(closed[0]).isFalse();
        List<CSVRecord> back = parse(out.toString(StandardCharsets.UTF_8));
        assertThat(back).hasSize(50_001);
        assertThat(back.get(50_000).values()).containsExactly("cam-49999", "49999");
    }

    @Test
    void aValueOfTheWrongKindIsAFaultNamedByTableRowAndColumn() {
        Table table = new Table("bad", List.of(Column.text("Name"), Column.date("Day")),
                List.of(List.of("ok", LocalDate.of(2026, 1, 1)), List.of("cam-2", "2026-01-02")));

        assertThatThrownBy(() -> write(table)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Table bad, row 2, column Day (DATE)");
    }

    @Test
    void aRowOfTheWrongLengthIsAFault() {
        Table table = new Table("short", List.of(Column.text("Name"), Column.integer("N")),
                List.of(List.of("only a name")));

        assertThatThrownBy(() -> write(table)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Table short, row 1: 1 values for 2 columns");
    }

    static String write(Table table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvTables.write(table, BERLIN, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    static List<CSVRecord> parse(String csv) throws IOException {
        assertThat(csv).startsWith("\uFEFF");
        try (CSVParser parser = CSVParser.parse(new StringReader(csv.substring(1)), CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }
}
