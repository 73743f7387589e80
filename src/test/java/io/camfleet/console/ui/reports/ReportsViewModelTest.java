package io.camfleet.console.ui.reports;

import io.camfleet.console.domain.reports.ReportKind;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.reports.ReportFakes;
import io.camfleet.console.ui.common.BackgroundTasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The screen's model with no toolkit: its sentences, what it saves, and the regions it follows. */
class ReportsViewModelTest {

    @TempDir
    Path dir;
    private ReportFakes fakes;
    private ReportsViewModel vm;
    private final AtomicInteger regionReads = new AtomicInteger();

    @BeforeEach
    void open() {
        fakes = new ReportFakes(dir.resolve("data"), Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"),
                ZoneOffset.UTC));
        vm = new ReportsViewModel(fakes.service, (pdf, n, dpi) -> List.of(), () -> {
            regionReads.incrementAndGet();
            return List.of("EU", "US");
        }, BackgroundTasks.unlisted(Runnable::run, Runnable::run), new Messages(Locale.ENGLISH), Runnable::run);
    }

    @AfterEach
    void close() {
        fakes.close();
    }

    @Test
    void eachWrongOptionHasItsSentence() {
        vm.kind.set(ReportKind.COMPLIANCE);
        assertThat(vm.invalid(false)).isEmpty();
        assertThat(vm.invalid(true)).contains("Choose the file to export to.");
        vm.out.set(dir.resolve("q4.xlsx").toString());
        assertThat(vm.invalid(true)).hasValueSatisfying(s -> assertThat(s).endsWith("name a file ending in .pdf."));
        vm.out.set(dir.resolve("q4.pdf").toString());
        assertThat(vm.invalid(true)).isEmpty();
        vm.to.set(LocalDate.of(2026, 10, 1));
        assertThat(vm.invalid(false)).contains("The period ends (2026-10-01) before it starts (2026-11-01): give a "
                + "last day on or after the first.");
        vm.from.set(null);
        assertThat(vm.invalid(false)).contains("Pick the first and the last day of the period.");
        vm.from.set(LocalDate.of(2026, 9, 1));
        vm.kind.set(ReportKind.SALES);
        assertThat(vm.invalid(false)).contains("A sales proposal needs a prospect: type the company it is for.");
        vm.kind.set(ReportKind.EVIDENCE);
        assertThat(vm.invalid(true)).hasValueSatisfying(s -> assertThat(s).endsWith("ending in .zip."));
    }

    @Test
    void savingAsScheduledPutsTheDayBeforeTheExtensionAndRefusesABadNameOrPeriod() {
        vm.kind.set(ReportKind.SALES);
        vm.prospect.set("Acme");
        vm.sites.set(" s1, ,s2 ");
        vm.chosenRegions.setAll("EU");
        vm.out.set(dir.resolve("acme.PDF").toString());

        assertThat(vm.saveAs("..", "last-30-days")).contains("'..' cannot name a saved report");
        assertThat(vm.saveAs("acme", "fortnightly")).contains("'fortnightly' is not a period");
        assertThat(vm.saveAs("acme", "last-30-days")).isEmpty();

        assertThat(fakes.service.saved().find("acme")).hasValueSatisfying(s -> {
            assertThat(s.out()).isEqualTo(dir.resolve("acme-{date}.PDF").toString());
            assertThat(s.scopeSites()).containsExactly("s1", "s2");
            assertThat(s.regions()).containsExactly("EU");
            assertThat(s.prospect()).isEqualTo("Acme");
        });
        assertThat(vm.result.get()).isEqualTo("Saved as acme: camfleet report run acme writes "
                + dir.resolve("acme-{date}.PDF") + ".");
    }

    @Test
    void theRegionsChangeOnlyWhenTheFleetsDo() {
        vm.load();
        assertThat(vm.regions).containsExactly("EU", "US");
        List<String> shown = List.copyOf(vm.regions);
        AtomicInteger changes = new AtomicInteger();
        vm.regions.addListener((javafx.collections.ListChangeListener<String>) c -> changes.incrementAndGet());

        vm.regions(List.of("EU", "US"));
        assertThat(changes).as("a tick with the same regions keeps the operator's pick").hasValue(0);
        vm.regions(List.of("APAC", "EU", "US"));
        assertThat(changes).hasValue(1);
        assertThat(shown).containsExactly("EU", "US");
        assertThat(regionReads).hasValue(1);
    }
}
