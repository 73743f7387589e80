package io.camfleet.console.service.reports;

import io.camfleet.console.domain.reports.ReportKind;
import io.camfleet.console.service.common.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Saved reports: relative periods counted from a fixed day, the list on disk, bad names, run by name. */
class SavedReportsTest {

    @TempDir
    Path dir;

    private static ReportPeriod period(String text) {
        return ReportPeriod.parse(text).orElseThrow();
    }

    @Test
    void relativePeriodsAreCountedFromTheDayTheyRun() {
        LocalDate today = LocalDate.of(2026, 3, 15);
        // last-30-days: the 30 days before 15 March: 15 March - 30 = 13 February (February 2026 has 28 days),
        // to 14 March; 14 March - 13 February + 1 = 16 + 14 = 30 days
        assertThat(period("last-30-days").from(today)).isEqualTo(LocalDate.of(2026, 2, 13));
        assertThat(period("last-30-days").to(today)).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(period("last-1-day").from(today)).isEqualTo(LocalDate.of(2026, 3, 14));
        assertThat(period("previous-month").from(today)).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(period("previous-month").to(today)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(period("month-to-date").from(today)).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(period("month-to-date").to(today)).isEqualTo(today);
        // across a year: in January the previous month is last December
        LocalDate january = LocalDate.of(2027, 1, 10);
        assertThat(period("previous-month").from(january)).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(period("previous-month").to(january)).isEqualTo(LocalDate.of(2026, 12, 31));
        // leap year: the month before March 2028 ends on the 29th
        assertThat(period("previous-month").to(LocalDate.of(2028, 3, 1))).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @Test
    void onlyThePeriodsItKnowsAreRead() {
        assertThat(ReportPeriod.parse(" Last-90-Days ")).contains(new ReportPeriod(ReportPeriod.Kind.LAST_DAYS, 90));
        assertThat(ReportPeriod.parse("last-0-days")).isEmpty();
        assertThat(ReportPeriod.parse("last-99999-days")).isEmpty();
        assertThat(ReportPeriod.parse("last-month")).isEmpty();
        assertThat(ReportPeriod.parse("")).isEmpty();
        assertThat(ReportPeriod.parse(null)).isEmpty();
        assertThat(period("last-7-days").text()).isEqualTo("last-7-days");
    }

    @Test
    void namesWithPathSeparatorsOrNothingInThemAreRefusedWithASentence() {
        assertThatThrownBy(() -> SavedReport.checkName("  ")).isInstanceOfSatisfying(Problem.class, p ->
                assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_INPUT))
                .hasMessage("A saved report needs a name: give one, as monthly-compliance.");
        for (String bad : List.of("a/b", "..", "c:\\x", "tab\there", " padded", "x".repeat(61))) {
            assertThatThrownBy(() -> SavedReport.checkName(bad)).as(bad)
                    .hasMessageContaining("cannot name a saved report: use at most 60 characters, without / or \\");
        }
        assertThat(SavedReport.checkName("Compliance mensuelle é 月報")).isEqualTo("Compliance mensuelle é 月報");
    }

    @Test
    void savedReportsAreKeptByNameAndASecondSaveReplacesTheFirst() throws Exception {
        SavedReports saved = new SavedReports(dir);
        saved.save(new SavedReport("monthly", ReportKind.COMPLIANCE, period("previous-month"), List.of("EU", "US"),
                "", List.of(), "", "/srv/reports/compliance-{date}.pdf"));
        saved.save(new SavedReport("acme", ReportKind.SALES, period("last-90-days"), List.of(), "Acme \"Ltd\", 株式会社",
                List.of("s1", "s2"), "/srv/prices.csv", "/srv/acme-{date}.pdf"));
        saved.save(new SavedReport("monthly", ReportKind.EVIDENCE, period("month-to-date"), List.of(), "", List.of(),
                "", "/srv/pack-{date}.zip"));

        List<SavedReport> again = new SavedReports(dir).list();

        assertThat(again).extracting(SavedReport::name).containsExactly("acme", "monthly");
        assertThat(again.getFirst().prospect()).isEqualTo("Acme \"Ltd\", 株式会社");
        assertThat(again.getFirst().scopeSites()).containsExactly("s1", "s2");
        assertThat(again.get(1).kind()).isEqualTo(ReportKind.EVIDENCE);
        ReportOptions o = again.getFirst().options(LocalDate.of(2026, 12, 6));
        assertThat(o.out()).isEqualTo(Path.of("/srv/acme-2026-12-06.pdf"));
        assertThat(o.priceList()).contains(Path.of("/srv/prices.csv"));
        assertThat(o.from()).isEqualTo(LocalDate.of(2026, 9, 7));
        try (var files = Files.list(dir.resolve("reports"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).as("no temporary file is left")
                    .containsExactly("saved.json");
        }
    }

    @Test
    void anUnreadableListSaysWhichFileAndWhatToDo() throws Exception {
        Files.createDirectories(dir.resolve("reports"));
        Files.writeString(dir.resolve("reports/saved.json"), "{\"reports\": [{\"name\": \"x\", \"kind\": \"cake\"}]}");
        assertThatThrownBy(() -> new SavedReports(dir).list())
                .hasMessageContaining("saved.json cannot be read (x: no report kind \"cake\")")
                .hasMessageContaining("fix or remove the file");
    }

    @Test
    void runningASavedReportExportsItForTodayAndAnUnknownNameListsTheSavedOnes() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-12-06T05:00:00Z"), ZoneOffset.UTC);
        try (ReportFakes fakes = new ReportFakes(dir.resolve("data"), clock)) {
            String pattern = dir.resolve("out/compliance-{date}.pdf").toString();
            fakes.service.saved().save(new SavedReport("monthly", ReportKind.COMPLIANCE, period("previous-month"),
                    List.of(), "", List.of(), "", pattern));
            fakes.service.saved().save(new SavedReport("weekly", ReportKind.COMPLIANCE, period("last-7-days"),
                    List.of(), "", List.of(), "", pattern));

            ReportExport done = fakes.service.run("monthly", ReportProgress.NONE);

            assertThat(done.file()).isEqualTo(dir.resolve("out/compliance-2026-12-06.pdf"));
            assertThat(Files.exists(dir.resolve("out/compliance-2026-12-06-patches.csv"))).isTrue();
            assertThat(fakes.asked).singleElement().satisfies(o -> {
                assertThat(o.from()).isEqualTo(LocalDate.of(2026, 11, 1));
                assertThat(o.to()).isEqualTo(LocalDate.of(2026, 11, 30));
            });
            assertThatThrownBy(() -> fakes.service.run("montly", ReportProgress.NONE))
                    .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_INPUT))
                    .hasMessage("There is no saved report 'montly'. Saved reports: monthly, weekly.");
        }
    }
}
