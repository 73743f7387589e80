package io.camfleet.console.service.common;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class SafeCsvTest {

    @Test
    void aTextASpreadsheetWouldRunIsWrittenAsText() {
        assertThat(SafeCsv.line(Arrays.asList("=1+2", "+31", "-5", "@SUM(A1)", "\tx", "\rx", "plain")))
                .isEqualTo("'=1+2,'+31,'-5,'@SUM(A1),'\tx,\"'\rx\",plain");
    }

    @Test
    void numbersStayNumbersAndNoFigureIsAnEmptyField() {
        assertThat(SafeCsv.line(Arrays.asList(-17.3, 4, Double.NaN, null, "a,b", "say \"hi\"")))
                .isEqualTo("-17.3,4,,,\"a,b\",\"say \"\"hi\"\"\"");
    }

    @Test
    void theSharedRuleQuotesOnlyTextThatStartsLikeAFormula() {
        assertThat(Arrays.asList("=1+2", "+1", "-1", "@SUM(A1)", "\t=x", "\r=x").stream().map(SafeCsv::neutralised))
                .containsExactly("'=1+2", "'+1", "'-1", "'@SUM(A1)", "'\t=x", "'\r=x");
        // Only the first character counts: a formula sign inside a name, and an empty text, stay as they are.
        assertThat(SafeCsv.neutralised("Gate 3 = north")).isEqualTo("Gate 3 = north");
        assertThat(SafeCsv.neutralised(" =x")).isEqualTo(" =x");
        assertThat(SafeCsv.neutralised("")).isEmpty();
    }
}
