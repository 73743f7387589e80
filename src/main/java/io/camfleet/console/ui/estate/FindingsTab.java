package io.camfleet.console.ui.estate;

import io.camfleet.console.domain.findings.Severity;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.findings.FindingRow;
import io.camfleet.console.service.findings.FindingsService;
import io.camfleet.console.service.findings.ImportReport;
import io.camfleet.console.service.findings.PatchComplianceService;
import io.camfleet.console.ui.common.BackgroundTasks;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.stage.Window;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The "Patches & findings" tab: patch compliance per camera or per image over the patch states SSM or a scanner
 * reported, and the security findings tied to cameras, with chips by severity, risk acceptances and imports. What is
 * shown comes from the console's database (as of its import); AWS is read only on the operator's button, off the FX
 * thread, and a failure is one sentence above the tables, which keep what they showed.
 */
public final class FindingsTab implements EstateTab {

    private final FindingsService findings;
    private final PatchComplianceService patches;
    private final BackgroundTasks tasks;
    private final Messages m;
    private final Clock clock;
    private final FindingsTabModel model = new FindingsTabModel();
    private final FindingsTabView view;
    private Environment environment;
    private Task<?> running;

    public FindingsTab(FindingsService findings, PatchComplianceService patches, BackgroundTasks tasks,
                       Messages messages, ZoneId zone, Clock clock) {
        this.findings = findings;
        this.patches = patches;
        this.tasks = tasks;
        this.m = messages;
        this.clock = clock;
        this.view = new FindingsTabView(model, messages, zone, clock);
        view.readPatches.setOnAction(e -> readPatchStates());
        view.importPatches.setOnAction(e -> FindingDialogs.patchFile(window(), m).ifPresent(file ->
                run(m.text("estate.findings.task.patchFile", file.getFileName()), () -> patches.importFile(file),
                        n -> m.text("estate.findings.patches.imported", n, file.getFileName()))));
        view.readInspector.setOnAction(e -> readInspector());
        view.importFindings.setOnAction(e -> FindingDialogs.findingsFile(window(), m).ifPresent(f ->
                run(m.text("estate.findings.task.file", f.file().getFileName()),
                        () -> findings.importFile(f.file(), f.format()), r -> report(r, f.file().getFileName()
                                .toString()))));
        view.accept.setOnAction(e -> accept());
        view.cancel.setOnAction(e -> {
            if (running != null) {
                running.cancel(true);
            }
        });
    }

    @Override
    public String id() {
        return "findings";
    }

    @Override
    public Node root() {
        return view.root;
    }

    @Override
    public void show(Environment env) {
        environment = env;
        view.environment(env);
        reload(null);
    }

    @Override
    public boolean focusSearch() {
        view.search.requestFocus();
        return true;
    }

    private void readPatchStates() {
        Environment env = environment;
        run(m.text("estate.findings.task.patches", env.label()), () -> patches.refresh(env),
                n -> m.text("estate.findings.patches.read", n, env.label()));
    }

    private void readInspector() {
        Environment env = environment;
        // by label, so that the findings settings decide whether Inspector is read for it, as the CLI does
        run(m.text("estate.findings.task.inspector", env.label()), () -> findings.importInspector(env.label()),
                r -> report(r, env.label()));
    }

    private void accept() {
        FindingRow row = view.table.table().getSelectionModel().getSelectedItem();
        if (row == null || !row.open()) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        FindingDialogs.accept(window(), m, row, today).ifPresent(a -> run(
                m.text("estate.findings.task.accept", row.finding().cve()),
                () -> findings.accept(row.finding().id(), a.reason(), a.until()),
                done -> m.text("estate.findings.accepted", row.finding().cve(), done.until())));
    }

    private String report(ImportReport r, String from) {
        var c = r.counts();
        String counts = m.text("estate.findings.imported", r.findings(), from, c.of(Severity.CRITICAL),
                c.of(Severity.HIGH), c.of(Severity.MEDIUM), c.of(Severity.LOW), c.of(Severity.INFORMATIONAL));
        return r.unknownHosts() == 0 ? counts : counts + " " + m.text("estate.findings.imported.unknown",
                r.unknownHosts());
    }

    /**
     * Runs one action of the operator's off the FX thread (one at a time: the buttons are off meanwhile), then reads
     * the store again; the result or the failure is the one sentence shown.
     */
    private <T> void run(String title, Supplier<T> work, Function<T, String> said) {
        view.busy(title);
        running = tasks.job(title, p -> work.get())
                .onSuccess(r -> reload(said.apply(r)))
                .onFailure(e -> {
                    running = null;
                    view.idle();
                    view.problem(e instanceof Problem p ? m.text(p) : m.text("estate.findings.failed", title,
                            String.valueOf(e.getMessage())));
                })
                // what was written before the cancel stays (each write is whole): read the store to show it
                .onCancelled(() -> reload(m.text("estate.findings.cancelled", title)))
                .start();
    }

    /** Reads what the store holds now (quietly) and shows it, with {@code notice} when there is one to say. */
    private void reload(String notice) {
        tasks.job(m.text("estate.findings.task.reload"), p -> FindingsTabModel.Snapshot.read(findings, patches))
                .quiet()
                .onSuccess(s -> {
                    running = null;
                    model.show(s);
                    view.refresh();
                    view.idle();
                    if (notice != null) {
                        view.notice(notice);
                    }
                })
                .onFailure(e -> {
                    running = null;
                    view.idle();
                    view.problem(e instanceof Problem p ? m.text(p) : m.text("estate.findings.readFailed",
                            String.valueOf(e.getMessage())));
                })
                .start();
    }

    private Window window() {
        return view.root.getScene() == null ? null : view.root.getScene().getWindow();
    }
}
