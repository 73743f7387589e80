package io.camfleet.console.domain.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MaintenanceWindowTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

    private static Instant at(String utc) {
        return Instant.parse(utc);
    }

    @Test
    void readsOneDaySeveralDaysRangesAndDailyInAnyCase() {
        MaintenanceWindow sun = MaintenanceWindow.parse("Sun 02:00-04:00");
        assertThat(sun.days()).containsExactly(DayOfWeek.SUNDAY);
        assertThat(sun.start()).isEqualTo(LocalTime.of(2, 0));
        assertThat(sun.end()).isEqualTo(LocalTime.of(4, 0));
        assertThat(MaintenanceWindow.parse("SAT,sun 01:00-05:00"))
                .isEqualTo(MaintenanceWindow.parse("Sat, Sunday 01:00 - 05:00"));
        assertThat(MaintenanceWindow.parse("mon-FRI 22:00-02:00").days()).containsExactlyInAnyOrder(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(MaintenanceWindow.parse("Sat-Mon 01:00-02:00").days()).containsExactlyInAnyOrder(
                DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
        assertThat(MaintenanceWindow.parse("Daily 01:00-03:00").days()).hasSize(7);
    }

    @Test
    void emptyTextIsAlwaysOpen() {
        for (String text : new String[]{"", "   ", null}) {
            MaintenanceWindow w = MaintenanceWindow.parse(text);
            assertThat(w.isAlwaysOpen()).isTrue();
            assertThat(w.isOpen(at("2026-03-29T01:30:00Z"), AMSTERDAM)).isTrue();
            assertThat(w.nextOpening(at("2026-07-01T12:34:00Z"), NEW_YORK)).isEqualTo(at("2026-07-01T12:34:00Z"));
        }
        assertThat(MaintenanceWindow.parse("daily 00:00-24:00").isAlwaysOpen()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sun", "02:00-04:00", "Funday 02:00-04:00", "Sun 25:00-26:00", "Sun 02:00",
            "Sun 02:00-04:60", "Mon-Wed-Fri 01:00-02:00", "Sun 2am-4am"})
    void badTextIsRefusedWithASentenceNamingIt(String text) {
        assertThatThrownBy(() -> MaintenanceWindow.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("The maintenance window '" + text + "'")
                .hasMessageContaining("Sun 02:00-04:00");
    }

    @Test
    void aWindowCrossingMidnightOpenedOnFridayEndsOnSaturday() {
        MaintenanceWindow w = MaintenanceWindow.parse("Mon-Fri 22:00-02:00");
        // Amsterdam summer time is UTC+2; 2026-06-05 is a Friday
        assertThat(w.isOpen(at("2026-06-05T19:59:00Z"), AMSTERDAM)).isFalse();
        assertThat(w.isOpen(at("2026-06-05T20:00:00Z"), AMSTERDAM)).isTrue();  // Fri 22:00
        assertThat(w.isOpen(at("2026-06-05T23:59:00Z"), AMSTERDAM)).isTrue();  // Sat 01:59
        assertThat(w.isOpen(at("2026-06-06T00:00:00Z"), AMSTERDAM)).isFalse(); // Sat 02:00
        assertThat(w.isOpen(at("2026-06-06T20:30:00Z"), AMSTERDAM)).isFalse(); // Sat 22:30: no window opens Sat
        assertThat(w.isOpen(at("2026-06-07T22:30:00Z"), AMSTERDAM)).isFalse(); // Mon 00:30: Sunday opened none
        assertThat(w.isOpen(at("2026-06-07T23:30:00Z"), AMSTERDAM)).isFalse(); // Mon 01:30
        assertThat(w.nextOpening(at("2026-06-06T00:00:00Z"), AMSTERDAM)).isEqualTo(at("2026-06-08T20:00:00Z"));
    }

    @Test
    void severalDaysAndDailyWindows() {
        MaintenanceWindow weekend = MaintenanceWindow.parse("Sat,Sun 01:00-05:00");
        assertThat(weekend.isOpen(at("2026-06-06T03:00:00Z"), ZoneOffset.UTC)).isTrue();  // Sat
        assertThat(weekend.isOpen(at("2026-06-07T04:59:00Z"), ZoneOffset.UTC)).isTrue();  // Sun
        assertThat(weekend.isOpen(at("2026-06-08T03:00:00Z"), ZoneOffset.UTC)).isFalse(); // Mon
        assertThat(weekend.nextOpening(at("2026-06-08T03:00:00Z"), ZoneOffset.UTC))
                .isEqualTo(at("2026-06-13T01:00:00Z"));

        MaintenanceWindow daily = MaintenanceWindow.parse("daily 01:00-03:00");
        assertThat(daily.nextOpening(at("2026-06-10T03:00:00Z"), ZoneOffset.UTC))
                .isEqualTo(at("2026-06-11T01:00:00Z"));
        assertThat(daily.nextOpening(at("2026-06-10T02:00:00Z"), ZoneOffset.UTC))
                .as("already open: now").isEqualTo(at("2026-06-10T02:00:00Z"));
    }

    @Test
    void kolkataHasNoDaylightSavingAndAHalfHourOffset() {
        MaintenanceWindow w = MaintenanceWindow.parse("daily 01:00-03:00");
        // IST is UTC+05:30 all year: 01:00 IST is 19:30 UTC the day before
        assertThat(w.isOpen(at("2026-03-28T19:29:00Z"), KOLKATA)).isFalse();
        assertThat(w.isOpen(at("2026-03-28T19:30:00Z"), KOLKATA)).isTrue();
        assertThat(w.isOpen(at("2026-03-28T21:30:00Z"), KOLKATA)).isFalse();
        assertThat(w.nextOpening(at("2026-10-24T22:00:00Z"), KOLKATA)).isEqualTo(at("2026-10-25T19:30:00Z"));
    }

    @Test
    void amsterdamSpringForwardOpensAtTheFirstValidInstantAfterTheGap() {
        // 2026-03-29: 02:00 CET jumps to 03:00 CEST at 01:00 UTC
        MaintenanceWindow w = MaintenanceWindow.parse("Sun 02:00-04:00");
        assertThat(w.isOpen(at("2026-03-29T00:59:00Z"), AMSTERDAM)).isFalse(); // 01:59 CET
        assertThat(w.isOpen(at("2026-03-29T01:00:00Z"), AMSTERDAM)).isTrue();  // 03:00 CEST
        assertThat(w.isOpen(at("2026-03-29T01:59:00Z"), AMSTERDAM)).isTrue();  // 03:59 CEST
        assertThat(w.isOpen(at("2026-03-29T02:00:00Z"), AMSTERDAM)).isFalse(); // 04:00 CEST: the end holds
        assertThat(w.nextOpening(at("2026-03-28T12:00:00Z"), AMSTERDAM)).isEqualTo(at("2026-03-29T01:00:00Z"));
    }

    @Test
    void aWindowWhollyInTheGapMovesPastItWithItsLength() {
        MaintenanceWindow w = MaintenanceWindow.parse("Sun 02:00-02:30");
        assertThat(w.nextOpening(at("2026-03-28T12:00:00Z"), AMSTERDAM)).isEqualTo(at("2026-03-29T01:00:00Z"));
        assertThat(w.isOpen(at("2026-03-29T01:29:00Z"), AMSTERDAM)).isTrue();  // 03:29 CEST
        assertThat(w.isOpen(at("2026-03-29T01:30:00Z"), AMSTERDAM)).isFalse();
    }

    @Test
    void amsterdamFallBackIsOpenForTheWholeRepeatedHour() {
        // 2026-10-25: 03:00 CEST falls back to 02:00 CET at 01:00 UTC; 02:00-03:00 local happens twice
        MaintenanceWindow w = MaintenanceWindow.parse("Sun 02:00-03:00");
        assertThat(w.isOpen(at("2026-10-24T23:59:00Z"), AMSTERDAM)).isFalse(); // 01:59 CEST
        assertThat(w.isOpen(at("2026-10-25T00:00:00Z"), AMSTERDAM)).isTrue();  // 02:00 CEST
        assertThat(w.isOpen(at("2026-10-25T00:59:00Z"), AMSTERDAM)).isTrue();  // 02:59 CEST
        assertThat(w.isOpen(at("2026-10-25T01:00:00Z"), AMSTERDAM)).isTrue();  // 02:00 CET, again
        assertThat(w.isOpen(at("2026-10-25T01:59:00Z"), AMSTERDAM)).isTrue();  // 02:59 CET
        assertThat(w.isOpen(at("2026-10-25T02:00:00Z"), AMSTERDAM)).isFalse(); // 03:00 CET
        assertThat(w.nextOpening(at("2026-10-24T12:00:00Z"), AMSTERDAM)).isEqualTo(at("2026-10-25T00:00:00Z"));

        // a window ending where the repeat begins does not grow: 02:xx is outside 01:00-02:00 both times
        MaintenanceWindow before = MaintenanceWindow.parse("Sun 01:00-02:00");
        assertThat(before.isOpen(at("2026-10-24T23:30:00Z"), AMSTERDAM)).isTrue();  // 01:30 CEST
        assertThat(before.isOpen(at("2026-10-25T00:30:00Z"), AMSTERDAM)).isFalse(); // 02:30 CEST
        assertThat(before.isOpen(at("2026-10-25T01:30:00Z"), AMSTERDAM)).isFalse(); // 02:30 CET
    }

    @Test
    void newYorkSpringForward() {
        // 2026-03-08: 02:00 EST jumps to 03:00 EDT at 07:00 UTC
        MaintenanceWindow w = MaintenanceWindow.parse("Sun 02:00-04:00");
        assertThat(w.nextOpening(at("2026-03-07T12:00:00Z"), NEW_YORK)).isEqualTo(at("2026-03-08T07:00:00Z"));
        assertThat(w.isOpen(at("2026-03-08T06:59:00Z"), NEW_YORK)).isFalse(); // 01:59 EST
        assertThat(w.isOpen(at("2026-03-08T07:59:00Z"), NEW_YORK)).isTrue();  // 03:59 EDT
        assertThat(w.isOpen(at("2026-03-08T08:00:00Z"), NEW_YORK)).isFalse(); // 04:00 EDT
    }

    @Test
    void newYorkFallBackIsOpenForBothPassesOfTheRepeatedHour() {
        // 2026-11-01: 02:00 EDT falls back to 01:00 EST at 06:00 UTC; 01:00-02:00 local happens twice
        MaintenanceWindow w = MaintenanceWindow.parse("Sun 01:00-02:00");
        assertThat(w.isOpen(at("2026-11-01T04:59:00Z"), NEW_YORK)).isFalse(); // 00:59 EDT
        assertThat(w.isOpen(at("2026-11-01T05:00:00Z"), NEW_YORK)).isTrue();  // 01:00 EDT
        assertThat(w.isOpen(at("2026-11-01T06:30:00Z"), NEW_YORK)).isTrue();  // 01:30 EST
        assertThat(w.isOpen(at("2026-11-01T07:00:00Z"), NEW_YORK)).isFalse(); // 02:00 EST

        // between the two passes of a short window it opens again at the second pass
        MaintenanceWindow shortOne = MaintenanceWindow.parse("Sun 01:15-01:45");
        assertThat(shortOne.isOpen(at("2026-11-01T05:50:00Z"), NEW_YORK)).isFalse(); // 01:50 EDT
        assertThat(shortOne.nextOpening(at("2026-11-01T05:50:00Z"), NEW_YORK))
                .isEqualTo(at("2026-11-01T06:15:00Z"));                              // 01:15 EST

        // a window ending in the repeated hour opens again when the clock falls back into it
        MaintenanceWindow endsInside = MaintenanceWindow.parse("Sun 00:30-01:30");
        assertThat(endsInside.nextOpening(at("2026-11-01T05:45:00Z"), NEW_YORK))  // 01:45 EDT
                .isEqualTo(at("2026-11-01T06:00:00Z"));                           // 01:00 EST
    }

    @Test
    void sydneyHasSouthernHemisphereDaylightSaving() {
        MaintenanceWindow w = MaintenanceWindow.parse("Sun 02:00-03:00");
        // 2026-04-05 (first Sunday of April): 03:00 AEDT falls back to 02:00 AEST at 16:00 UTC on the 4th
        assertThat(w.nextOpening(at("2026-04-04T00:00:00Z"), SYDNEY)).isEqualTo(at("2026-04-04T15:00:00Z"));
        assertThat(w.isOpen(at("2026-04-04T15:30:00Z"), SYDNEY)).isTrue();  // 02:30 AEDT
        assertThat(w.isOpen(at("2026-04-04T16:30:00Z"), SYDNEY)).isTrue();  // 02:30 AEST
        assertThat(w.isOpen(at("2026-04-04T17:00:00Z"), SYDNEY)).isFalse(); // 03:00 AEST
        // 2026-10-04 (first Sunday of October): 02:00 AEST jumps to 03:00 AEDT at 16:00 UTC on the 3rd;
        // the whole window is in the gap, so it runs 03:00-04:00 AEDT
        assertThat(w.nextOpening(at("2026-10-03T00:00:00Z"), SYDNEY)).isEqualTo(at("2026-10-03T16:00:00Z"));
        assertThat(w.isOpen(at("2026-10-03T16:59:00Z"), SYDNEY)).isTrue();
        assertThat(w.isOpen(at("2026-10-03T17:00:00Z"), SYDNEY)).isFalse();
    }

    @Test
    void theLastHourAndTheLastMinuteOfTheDayAreRealTimes() {
        MaintenanceWindow late = MaintenanceWindow.parse("Mon 23:59-24:00");
        assertThat(late.start()).isEqualTo(LocalTime.of(23, 59));
        assertThat(late.end()).isEqualTo(LocalTime.MIDNIGHT);
        // 2026-06-01 is a Monday; UTC keeps the arithmetic plain.
        assertThat(late.isOpen(at("2026-06-01T23:58:59Z"), ZoneOffset.UTC)).isFalse();
        assertThat(late.isOpen(at("2026-06-01T23:59:00Z"), ZoneOffset.UTC)).isTrue();
        assertThat(late.isOpen(at("2026-06-01T23:59:59Z"), ZoneOffset.UTC)).isTrue();
        assertThat(late.isOpen(at("2026-06-02T00:00:00Z"), ZoneOffset.UTC)).as("the end is not in the window").isFalse();
        assertThat(late.nextOpening(at("2026-06-01T12:00:00Z"), ZoneOffset.UTC)).isEqualTo(at("2026-06-01T23:59:00Z"));
        assertThat(late.nextOpening(at("2026-06-02T00:00:00Z"), ZoneOffset.UTC))
                .as("a week later").isEqualTo(at("2026-06-08T23:59:00Z"));

        MaintenanceWindow elevenToOne = MaintenanceWindow.parse("Sun 23:30-00:59");
        assertThat(elevenToOne.end()).isEqualTo(LocalTime.of(0, 59));
        // 2026-06-07 is a Sunday: open from 23:30 until 00:59 on Monday.
        assertThat(elevenToOne.isOpen(at("2026-06-07T23:29:59Z"), ZoneOffset.UTC)).isFalse();
        assertThat(elevenToOne.isOpen(at("2026-06-07T23:30:00Z"), ZoneOffset.UTC)).isTrue();
        assertThat(elevenToOne.isOpen(at("2026-06-08T00:58:59Z"), ZoneOffset.UTC)).isTrue();
        assertThat(elevenToOne.isOpen(at("2026-06-08T00:59:00Z"), ZoneOffset.UTC)).isFalse();
        assertThat(elevenToOne.isOpen(at("2026-06-08T23:45:00Z"), ZoneOffset.UTC)).as("Monday is not a day of it")
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sun 23:60-23:59", "Sun 24:00-01:00", "Sun 00:00-24:01", "Sun 24:30-01:00"})
    void minuteSixtyAndHourTwentyFourAreRefusedExceptMidnightAsAnEnd(String text) {
        assertThatThrownBy(() -> MaintenanceWindow.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("impossible time");
    }

    @Test
    void aWindowSaysWhichDaysAndHoursItHolds() {
        assertThat(MaintenanceWindow.parse("Sun,Sat 01:00-02:30").toString())
                .isEqualTo("MaintenanceWindow[SATURDAY, SUNDAY] 01:00-02:30");
        assertThat(MaintenanceWindow.parse("Mon 00:00-00:00").isAlwaysOpen()).as("one day is not always").isFalse();
    }
}
