package io.camfleet.console.service.cost;

import io.camfleet.console.service.common.Problem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CostMonthsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @Test
    void aMonthIsReadAsTypedAndItsDatesEndExclusively() {
        YearMonth oct = CostMonths.parse(" 2026-10 ", TODAY);

        assertThat(oct).isEqualTo(YearMonth.of(2026, 10));
        assertThat(CostMonths.start(oct)).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(CostMonths.end(oct, TODAY)).isEqualTo(LocalDate.of(2026, 11, 1));
        // the current month: to date, its end tomorrow
        assertThat(CostMonths.end(CostMonths.parse("2026-12", TODAY), TODAY)).isEqualTo(LocalDate.of(2026, 12, 7));
        // on the last day of a month, tomorrow is the next month's first
        assertThat(CostMonths.end(YearMonth.of(2026, 11), LocalDate.of(2026, 11, 30)))
                .isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void badMonthsAreRefusedWithTheFormat() {
        for (String bad : new String[] {"2026-13", "2026-1", "10/2026", "2026-10-01", "", "next"}) {
            assertThatThrownBy(() -> CostMonths.parse(bad, TODAY)).as(bad).isInstanceOf(Problem.class)
                    .satisfies(p -> assertThat(((Problem) p).key()).isEqualTo("cost.badMonth"))
                    .satisfies(p -> assertThat(((Problem) p).kind()).isEqualTo(Problem.Kind.BAD_INPUT));
        }
        assertThatThrownBy(() -> CostMonths.parse(null, TODAY)).isInstanceOf(Problem.class);
    }

    @Test
    void aMonthStillToComeIsRefused() {
        assertThatThrownBy(() -> CostMonths.parse("2027-01", TODAY)).isInstanceOf(Problem.class)
                .satisfies(p -> assertThat(((Problem) p).key()).isEqualTo("cost.futureMonth"));
    }
}
