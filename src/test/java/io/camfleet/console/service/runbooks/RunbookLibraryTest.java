package io.camfleet.console.service.runbooks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The data folder's runbooks as they stand: read once, read again on reload, a new file in and a deleted one out. */
class RunbookLibraryTest {

    @TempDir
    Path dir;

    private static String runbook(String id) {
        return """
                runbooks:
                  - id: %s
                    title: Chrony sources
                    kind: diagnostic
                    command: chronyc sources -v
                """.formatted(id);
    }

    @Test
    void reloadPicksUpANewFileDropsADeletedOneAndTellsTheListeners() throws Exception {
        Path folder = dir.resolve("runbooks");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("ntp.yaml"), runbook("ntp-peers"));
        RunbookLibrary library = new RunbookLibrary(folder);
        List<RunbookCatalogue> told = new CopyOnWriteArrayList<>();
        library.addListener(told::add);

        RunbookCatalogue first = library.current();
        assertThat(first.find("ntp-peers")).isPresent();
        Files.writeString(folder.resolve("chrony.yaml"), runbook("chrony-sources"));
        Files.delete(folder.resolve("ntp.yaml"));
        assertThat(library.current()).as("read once, until reloaded").isSameAs(first);

        RunbookCatalogue again = library.reload();

        assertThat(again.find("chrony-sources")).isPresent();
        assertThat(again.find("ntp-peers")).isEmpty();
        assertThat(library.current()).isSameAs(again);
        assertThat(first.find("ntp-peers")).as("a catalogue in use keeps what it had").isPresent();
        assertThat(told).containsExactly(first, again);
    }

    @Test
    void aBrokenFileIsAProblemOfTheLibraryAndFixingItAndReloadingClearsIt() throws Exception {
        Path folder = dir.resolve("runbooks");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("broken.yaml"), "runbooks:\n  - id: [unclosed\n");
        RunbookLibrary library = new RunbookLibrary(folder);

        assertThat(library.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("broken.yaml");
            assertThat(p.line()).isPositive();
        });
        assertThat(library.current().runbooks()).hasSize(RunbookCatalogue.builtIn().runbooks().size());

        Files.writeString(folder.resolve("broken.yaml"), runbook("fixed-one"));
        library.reload();

        assertThat(library.problems()).isEmpty();
        assertThat(library.current().find("fixed-one")).isPresent();
    }

    @Test
    void aMissingFolderMeansTheBuiltInsAlone() {
        RunbookLibrary library = new RunbookLibrary(dir.resolve("nowhere"));
        assertThat(library.problems()).isEmpty();
        assertThat(library.current().runbooks()).hasSize(RunbookCatalogue.builtIn().runbooks().size());
    }
}
