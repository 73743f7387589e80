package io.camfleet.console.domain.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FailureThresholdTest {

    @Test
    void thresholdZeroFailsOnTheFirstFailure() {
        FailureThreshold zero = FailureThreshold.count(0);
        assertThat(zero.exceeded(0, 10)).isFalse();
        assertThat(zero.exceeded(1, 10)).isTrue();
    }

    @Test
    void countTwoToleratesTwoAndFailsAtThree() {
        FailureThreshold two = FailureThreshold.count(2);
        assertThat(two.exceeded(2, 10)).isFalse();
        assertThat(two.exceeded(3, 10)).isTrue();
    }

    @Test
    void ssmExamplesHold() {
        // "If you specify 3 ... stops ... when the fourth error is received"
        assertThat(FailureThreshold.parse("3").exceeded(3, 50)).isFalse();
        assertThat(FailureThreshold.parse("3").exceeded(4, 50)).isTrue();
        // "50 ... and 10% ... stops ... when the sixth error is received"
        assertThat(FailureThreshold.parse("10%").exceeded(5, 50)).isFalse();
        assertThat(FailureThreshold.parse("10%").exceeded(6, 50)).isTrue();
    }

    @Test
    void tenPercentOfFiveHostsToleratesNoFailureBecauseOneIsTwentyPercent() {
        FailureThreshold tenPercent = FailureThreshold.percent(10);
        assertThat(tenPercent.exceeded(0, 5)).isFalse();
        assertThat(tenPercent.exceeded(1, 5)).isTrue();
    }

    @ParameterizedTest(name = "{0}% of {2}: {1} failed exceeds = {3}")
    @CsvSource({
            // the Ansible docs' example: serial 4, abort at 2 failures needs 49, not 50
            "49, 2, 4, true",
            "50, 2, 4, false",
            "50, 3, 4, true",
            "20, 1, 5, false",
            "20, 2, 5, true",
            "33, 1, 3, true",
            "34, 1, 3, false",
            "25, 1, 3, true",
    })
    void percentagesCompareTheExactRatioWithoutRounding(int percent, int failures, int total, boolean exceeded) {
        assertThat(FailureThreshold.percent(percent).exceeded(failures, total)).isEqualTo(exceeded);
    }

    @Test
    void zeroPercentToleratesNothingAndHundredPercentIsNeverExceeded() {
        assertThat(FailureThreshold.percent(0).exceeded(0, 7)).isFalse();
        assertThat(FailureThreshold.percent(0).exceeded(1, 1000)).isTrue();
        assertThat(FailureThreshold.percent(100).exceeded(7, 7)).isFalse();
        assertThat(FailureThreshold.percent(100).exceeded(1, 1)).isFalse();
    }

    @Test
    void parsesCountsAndPercentages() {
        assertThat(FailureThreshold.parse("10%")).isEqualTo(FailureThreshold.percent(10));
        assertThat(FailureThreshold.parse(" 3 ")).isEqualTo(FailureThreshold.count(3));
        assertThat(FailureThreshold.parse("0")).isEqualTo(FailureThreshold.NONE_TOLERATED);
        assertThat(FailureThreshold.parse("10%").toString()).isEqualTo("10%");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ten", "-1", "10 %%", "1.5", "101%", "%"})
    void badTextIsRefusedWithASentence(String text) {
        assertThatThrownBy(() -> FailureThreshold.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The failure threshold '" + text.strip() + "'")
                .hasMessageContaining("write a");
    }

    @Test
    void failuresOutsideTheTargetsAreRefused() {
        assertThatThrownBy(() -> FailureThreshold.count(1).exceeded(3, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "1", "2", "7", "0%", "1%", "10%", "25%", "33%", "49%", "50%", "99%", "100%"})
    void whatIsStillToleratedIsExactlyWhatKeepsTheThresholdUnexceeded(String text) {
        FailureThreshold threshold = FailureThreshold.parse(text);
        for (int total = 0; total <= 60; total++) {
            for (int failures = 0; failures <= total; failures++) {
                int tolerated = threshold.tolerated(failures, total);
                if (threshold.exceeded(failures, total)) {
                    assertThat(tolerated).as("%s: %d of %d", text, failures, total).isZero();
                    continue;
                }
                assertThat(failures + tolerated).isLessThanOrEqualTo(total);
                assertThat(threshold.exceeded(failures + tolerated, total)).as("%s: %d+%d of %d", text, failures,
                        tolerated, total).isFalse();
                if (failures + tolerated < total) {
                    assertThat(threshold.exceeded(failures + tolerated + 1, total))
                            .as("%s: %d+%d+1 of %d", text, failures, tolerated, total).isTrue();
                }
            }
        }
    }

    @Test
    void theFailuresOfEarlierWavesUseUpWhatIsTolerated() {
        assertThat(FailureThreshold.count(3).tolerated(1, 40)).isEqualTo(2);
        assertThat(FailureThreshold.percent(10).tolerated(0, 50)).isEqualTo(5);
        assertThat(FailureThreshold.percent(10).tolerated(4, 50)).isEqualTo(1);
        assertThat(FailureThreshold.percent(10).tolerated(0, 5)).isZero();
    }
}
