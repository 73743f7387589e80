package io.camfleet.console.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellsTest {

    @Test
    void textASpreadsheetWouldRunAsAFormulaIsNeutralised() {
        assertThat(CsvCells.text("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvCells.text("+1")).isEqualTo("\"'+1\"");
        assertThat(CsvCells.text("-2")).isEqualTo("\"'-2\"");
        assertThat(CsvCells.text("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(CsvCells.text("\tx")).isEqualTo("\"'\tx\"");
        assertThat(CsvCells.text("\rx")).isEqualTo("\"'\rx\"");
    }

    @Test
    void otherTextIsOnlyQuoted() {
        assertThat(CsvCells.text("Contoso, Retail")).isEqualTo("\"Contoso, Retail\"");
        assertThat(CsvCells.text("a=b")).isEqualTo("\"a=b\"");
        assertThat(CsvCells.text("")).isEqualTo("\"\"");
        assertThat(CsvCells.text(null)).isEqualTo("\"\"");
    }
}
