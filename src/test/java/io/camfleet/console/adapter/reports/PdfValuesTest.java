package io.camfleet.console.adapter.reports;

import io.camfleet.console.domain.reports.Column.Kind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class PdfValuesTest {

    private final PdfValues values = new PdfValues(ZoneId.of("Asia/Tokyo"));

    @Test
    void eachKindPrintsTheWayTheReportSays() {
        assertThat(values.text(Kind.INTEGER, 1_204_000L)).isEqualTo("1,204,000");
        assertThat(values.text(Kind.INTEGER, 7)).isEqualTo("7");
        assertThat(values.text(Kind.DECIMAL, 1234.5)).isEqualTo("1,234.50");
        assertThat(values.text(Kind.PERCENT, 99.97)).isEqualTo("99.97 %");
        assertThat(values.text(Kind.PERCENT, 100.0)).isEqualTo("100.00 %");
        assertThat(values.text(Kind.MONEY, new BigDecimal("1234567.891"))).isEqualTo("1,234,567.89");
        assertThat(values.text(Kind.DATE, LocalDate.of(2026, 3, 9))).isEqualTo("2026-03-09");
        // 2026-12-06 15:05 UTC is 00:05 the next day in Tokyo (UTC+9)
        assertThat(values.text(Kind.DATETIME, Instant.parse("2026-12-06T15:05:59Z"))).isEqualTo("2026-12-07 00:05");
        assertThat(values.text(Kind.TEXT, "=1+1")).isEqualTo("=1+1");
    }

    @Test
    void nullIsAnEmptyCellInEveryKind() {
        for (Kind kind : Kind.values()) {
            assertThat(values.text(kind, null)).as(kind.name()).isEmpty();
        }
    }

    @Test
    void aValueOfAnotherTypeThanItsKindPrintsAsItselfRatherThanFailingTheReport() {
        assertThat(values.text(Kind.INTEGER, "n/a")).isEqualTo("n/a");
        assertThat(values.text(Kind.DATE, "soon")).isEqualTo("soon");
    }
}
