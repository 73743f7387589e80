package io.camfleet.console.app.features;

import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.runbooks.RunbookCatalogue;
import io.camfleet.console.service.runbooks.RunbookFileProblem;
import io.camfleet.console.service.runbooks.RunbookLibrary;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.shell.Banner;
import io.camfleet.console.ui.shell.ShellViewModel;
import javafx.application.Platform;

import java.util.List;

/**
 * The operators' runbook files that were skipped, named across the top of the window with their line and reason, and
 * a button to read the folder again once they are fixed. The banner follows every reading of the folder, wherever
 * it was asked: it goes away when the files read.
 */
final class RunbookBanners {

    static final String TOPIC = "runbook-files";
    /** Problems named on the banner; {@code camfleet runbooks check} lists them all. */
    private static final int SHOWN = 6;

    private final ShellViewModel shell;
    private final RunbookLibrary library;
    private final BackgroundTasks tasks;
    private final Messages m;

    RunbookBanners(ShellViewModel shell, RunbookLibrary library, BackgroundTasks tasks, Messages messages) {
        this.shell = shell;
        this.library = library;
        this.tasks = tasks;
        this.m = messages;
        library.addListener(c -> Platform.runLater(() -> show(c)));
    }

    /** Shows the problems of {@code catalogue}, or clears the banner when it has none. FX thread. */
    void show(RunbookCatalogue catalogue) {
        List<RunbookFileProblem> problems = catalogue.problems();
        if (problems.isEmpty()) {
            shell.clearBanner(TOPIC);
            return;
        }
        StringBuilder text = new StringBuilder();
        problems.stream().limit(SHOWN).forEach(p -> text.append(text.isEmpty() ? "" : "\n").append(p.text(m)));
        if (problems.size() > SHOWN) {
            text.append('\n').append(m.text("runbooks.banner.more", problems.size() - SHOWN));
        }
        shell.addBanner(new Banner(Banner.Kind.WARNING, m.text("runbooks.banner.title", problems.size()),
                text.toString(), TOPIC, m.text("runbooks.banner.reload"), this::reload));
    }

    /** Reads the folder again off the FX thread; the listener shows the outcome. */
    private void reload() {
        tasks.job(m.text("runbooks.banner.reload"), p -> library.reload()).start();
    }
}
