package io.camfleet.console.domain.availability;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The error budget and the multiwindow burn-rate alerts, by hand. */
class BudgetAndBurnRateTest {

    private static final Period THIRTY_DAYS = new Period(Instant.parse("2026-11-01T00:00:00Z"),
            Instant.parse("2026-12-01T00:00:00Z"));

    private static Availability figures(long observed, long down, double target) {
        return new Availability(Grouping.SITE, "s1", THIRTY_DAYS, observed, 0, down, List.of(), 0, 0, target);
    }

    @Test
    void aNinetyNineNinetyNineMonthAllowsFourPointThreeTwoMinutes() {
        // 30 days = 2 592 000 s; 0.01 % of it = 259.2 s = 4.32 min, rounded to 259 s.
        Availability clean = figures(2_592_000, 0, 99.99);
        assertThat(clean.budgetSeconds()).isEqualTo(259);
        assertThat(clean.budgetLeftSeconds()).isEqualTo(259);
        assertThat(clean.budgetLeftFraction()).isEqualTo(1.0);
        assertThat(clean.metTarget()).isTrue();
        // a 60 s outage leaves 199 s: 199 / 259 of the budget
        Availability minute = figures(2_592_000, 60, 99.99);
        assertThat(minute.budgetLeftSeconds()).isEqualTo(199);
        assertThat(minute.budgetLeftFraction()).isCloseTo(199.0 / 259, within(1e-12));
        // 300 s is past it: -41 s left, below zero, target missed (99.98843 %)
        Availability breached = figures(2_592_000, 300, 99.99);
        assertThat(breached.budgetLeftSeconds()).isEqualTo(-41);
        assertThat(breached.budgetLeftFraction()).isNegative();
        assertThat(breached.metTarget()).isFalse();
        assertThat(breached.uptimePercent()).isCloseTo(99.988426, within(1e-6));
    }

    @Test
    void theTargetIsMetAtExactlyTheTargetAndNothingObservedMeetsNothing() {
        // 10 000 s at 99.9 %: 10 s down is exactly 99.9 %, met; 11 s is not.
        assertThat(figures(10_000, 10, 99.9).uptimePercent()).isEqualTo(99.9);
        assertThat(figures(10_000, 10, 99.9).metTarget()).isTrue();
        assertThat(figures(10_000, 11, 99.9).metTarget()).isFalse();
        // nothing observed: no uptime, no budget; untouched unless something was down
        assertThat(figures(0, 0, 99.9).uptimePercent()).isNaN();
        assertThat(figures(0, 0, 99.9).metTarget()).isFalse();
        assertThat(figures(0, 0, 99.9).budgetLeftFraction()).isEqualTo(1.0);
        assertThat(figures(0, 5, 99.9).budgetLeftFraction()).isEqualTo(-1.0);
        assertThat(figures(0, 5, 99.9).uptimePercent()).isNaN();
    }

    @Test
    void theBurnRateIsTheShareDownOverTheShareTheTargetAllows() {
        // 36 s down in an hour at 99 %: (36 / 3600) / 0.01 = 1, the pace that spends the budget exactly.
        assertThat(BurnRate.of(36, 3_600, 99.0)).isEqualTo(1.0);
        // 259.2 s in 30 days at 99.99 % is pace 1 too; 2592 s ten times as fast
        assertThat(BurnRate.of(2_592, 2_592_000, 99.99)).isCloseTo(10.0, within(1e-6));
        // nothing observed or nothing down: no burn
        assertThat(BurnRate.of(0, 3_600, 99.99)).isZero();
        assertThat(BurnRate.of(10, 0, 99.99)).isZero();
        assertThat(BurnRate.of(figures(3_600, 72, 99.0))).isEqualTo(2.0);
    }

    @Test
    void theDefaultsAreTheWorkbooksFactors() {
        // 2 % of a 30-day (720 h) budget in 1 h: 0.02 x 720 = 14.4; 5 % in 6 h: 0.05 x 720 / 6 = 6
        assertThat(BurnRate.DEFAULT.fastLong()).isEqualTo(Duration.ofHours(1));
        assertThat(BurnRate.DEFAULT.fastShort()).isEqualTo(Duration.ofMinutes(5));
        assertThat(BurnRate.DEFAULT.fastFactor()).isEqualTo(0.02 * 720, within(1e-9));
        assertThat(BurnRate.DEFAULT.slowLong()).isEqualTo(Duration.ofHours(6));
        assertThat(BurnRate.DEFAULT.slowShort()).isEqualTo(Duration.ofMinutes(30));
        assertThat(BurnRate.DEFAULT.slowFactor()).isEqualTo(0.05 * 720 / 6, within(1e-9));
    }

    @Test
    void bothWindowsMustBeAboveTheFactorAndExactlyAtItIsNotAbove() {
        BurnRate b = BurnRate.DEFAULT;
        assertThat(b.level(14.41, 14.41, 0, 0)).isEqualTo(BurnRate.Level.FAST);
        assertThat(b.level(14.4, 100, 100, 100)).as("long window at the edge: slow only").isEqualTo(BurnRate.Level.SLOW);
        assertThat(b.level(100, 14.4, 0, 0)).as("short window at the edge").isEqualTo(BurnRate.Level.NONE);
        assertThat(b.level(0, 0, 6.01, 6.01)).isEqualTo(BurnRate.Level.SLOW);
        assertThat(b.level(0, 0, 6.0, 50)).isEqualTo(BurnRate.Level.NONE);
        assertThat(b.level(0, 0, 50, 6.0)).isEqualTo(BurnRate.Level.NONE);
        assertThat(b.level(20, 20, 7, 7)).as("fast wins").isEqualTo(BurnRate.Level.FAST);
    }

    @Test
    void theEdgesFromFiguresOverEachWindow() {
        // At 98.75 % a second of downtime is worth 1 / (observed x 0.0125): the edges are whole seconds.
        //   1 h:    14.4 x 3600 x 0.0125 = 648 s;  5 min: 14.4 x 300 x 0.0125 = 54 s
        //   6 h:    6 x 21600 x 0.0125 = 1620 s;   30 min: 6 x 1800 x 0.0125 = 135 s
        double target = 98.75;
        Map<Duration, Long> atEdge = Map.of(Duration.ofHours(1), 648L, Duration.ofMinutes(5), 54L,
                Duration.ofHours(6), 1_620L, Duration.ofMinutes(30), 135L);
        assertThat(BurnRate.DEFAULT.level(w -> figures(w.toSeconds(), atEdge.get(w), target)))
                .isEqualTo(BurnRate.Level.NONE);
        Map<Duration, Long> fast = Map.of(Duration.ofHours(1), 649L, Duration.ofMinutes(5), 55L,
                Duration.ofHours(6), 1_620L, Duration.ofMinutes(30), 135L);
        assertThat(BurnRate.DEFAULT.level(w -> figures(w.toSeconds(), fast.get(w), target)))
                .isEqualTo(BurnRate.Level.FAST);
        Map<Duration, Long> slow = Map.of(Duration.ofHours(1), 648L, Duration.ofMinutes(5), 54L,
                Duration.ofHours(6), 1_621L, Duration.ofMinutes(30), 136L);
        assertThat(BurnRate.DEFAULT.level(w -> figures(w.toSeconds(), slow.get(w), target)))
                .isEqualTo(BurnRate.Level.SLOW);
    }

    @Test
    void atNinetyNineNinetyNineSixSecondsInTheLastFiveMinutesPagesFast() {
        // 1 h: 14.4 x 3600 x 0.0001 = 5.184 s: 6 s is above (burn 16.67), 5 s is not (13.89).
        // 5 min: 14.4 x 300 x 0.0001 = 0.432 s: any second is above. 6 h: 12.96 s; 30 min: 1.08 s.
        assertThat(BurnRate.DEFAULT.level(w -> figures(w.toSeconds(), 6, 99.99))).isEqualTo(BurnRate.Level.FAST);
        assertThat(BurnRate.DEFAULT.level(w -> figures(w.toSeconds(), 5, 99.99))).isEqualTo(BurnRate.Level.NONE);
        assertThat(BurnRate.DEFAULT.level(w -> figures(w.toSeconds(), w.toHours() >= 1 ? 13 : 2, 99.99)))
                .as("13 s over 6 h (1 h: burn 36) and 2 s over 5 and 30 min").isEqualTo(BurnRate.Level.FAST);
        assertThat(BurnRate.DEFAULT.level(w -> figures(w.toSeconds(), w.equals(Duration.ofHours(1)) ? 5
                : w.equals(Duration.ofHours(6)) ? 13 : 2, 99.99)))
                .as("5 s in the last hour, 13 in six").isEqualTo(BurnRate.Level.SLOW);
    }

    @Test
    void aBadConfigurationIsRefusedWithASentence() {
        assertThatThrownBy(() -> new BurnRate(Duration.ofMinutes(5), Duration.ofHours(1), 14.4,
                Duration.ofHours(6), Duration.ofMinutes(30), 6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fast burn-rate alert needs a short window above zero and a long window");
        assertThatThrownBy(() -> new BurnRate(Duration.ofHours(1), Duration.ofMinutes(5), 14.4,
                Duration.ofHours(6), Duration.ZERO, 6))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slow");
        assertThatThrownBy(() -> new BurnRate(Duration.ofHours(1), Duration.ofHours(1), 14.4,
                Duration.ofHours(6), Duration.ofMinutes(30), 6))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than it");
        assertThatThrownBy(() -> new BurnRate(Duration.ofHours(1), Duration.ofMinutes(5), 0,
                Duration.ofHours(6), Duration.ofMinutes(30), 6))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("factor must be above zero");
        assertThatThrownBy(() -> new BurnRate(Duration.ofHours(1), Duration.ofMinutes(5), 14.4,
                Duration.ofHours(6), Duration.ofMinutes(30), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slow burn-rate factor");
    }
}
