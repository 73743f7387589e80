package io.camfleet.console.ui.support;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.domain.support.TicketStatus;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.diagnostics.CameraRun;
import io.camfleet.console.ui.common.BackgroundTasks;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The tools of a ticket, on its cameras and beyond the desk: Run diagnostics, the camera the next three work on,
 * Collect bundle, Open terminal, Config backups, Site timeline and Push to Jira. A tool the window did not hand in has
 * no button. Work runs as a listed background task; what it did, or why it failed, is one sentence on the ticket.
 */
final class TicketToolBar {

    private final TicketViewModel vm;
    private final Messages m;
    private final TicketTools tools;
    private final BackgroundTasks tasks;
    private final Supplier<Window> owner;
    private final Runnable refocus;
    private final ComboBox<String> camera = new ComboBox<>();
    private final HBox root = new HBox(8);

    TicketToolBar(TicketViewModel vm, Messages messages, TicketTools tools, BackgroundTasks tasks,
                  Supplier<Window> owner, Runnable refocus) {
        this.vm = vm;
        this.m = messages;
        this.tools = tools;
        this.tasks = tasks;
        this.owner = owner;
        this.refocus = refocus;
        build();
    }

    Node root() {
        return root;
    }

    /** The ticket shown: its cameras (else its sites' cameras) to choose from, keeping the one chosen. */
    void show(Ticket t) {
        List<String> cams = tools.cameras(t);
        String was = camera.getValue();
        camera.getItems().setAll(cams);
        camera.setValue(cams.contains(was) ? was : cams.isEmpty() ? null : cams.getFirst());
    }

    private Ticket ticket() {
        return vm.shownProperty().get() == null ? null : vm.shownProperty().get().ticket();
    }

    private Button button(String id, String key, String tipKey, Ikon icon) {
        Button b = new Button(m.text(key), new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(m.text(tipKey)));
        return b;
    }

    private void build() {
        camera.setId("ticket-camera");
        camera.setTooltip(new Tooltip(m.text("desk.camera.tip")));
        camera.setPrefWidth(170);
        Label on = new Label(m.text("desk.camera"));
        on.getStyleClass().add(Styles.TEXT_MUTED);
        HBox row = root;
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("ticket-tools");
        if (tools.runbooks() != null) {
            Button run = button("ticket-run", "desk.run", "desk.run.tip", Material2MZ.PLAYLIST_PLAY);
            run.getStyleClass().add(Styles.ACCENT);
            run.disableProperty().bind(vm.isOpen().not());
            run.setOnAction(e -> runDiagnostics());
            row.getChildren().add(run);
        }
        boolean cameraTools = tools.bundle() != null || tools.terminal() != null || tools.backups() != null;
        if (cameraTools) {
            row.getChildren().addAll(new Separator(Orientation.VERTICAL), on, camera);
        }
        if (tools.bundle() != null) {
            Button bundle = button("ticket-bundle", "desk.bundle", "desk.bundle.tip", Material2AL.ARCHIVE);
            bundle.disableProperty().bind(vm.isOpen().not().or(camera.valueProperty().isNull()));
            bundle.setOnAction(e -> work("desk.task.bundle", tools.bundle()));
            row.getChildren().add(bundle);
        }
        if (tools.terminal() != null) {
            Button terminal = button("ticket-terminal", "desk.terminal", "desk.terminal.tip", Material2AL.CODE);
            terminal.disableProperty().bind(camera.valueProperty().isNull());
            terminal.setOnAction(e -> work("desk.task.terminal", tools.terminal()));
            row.getChildren().add(terminal);
        }
        if (tools.backups() != null) {
            Button backups = button("ticket-backups", "desk.backups", "desk.backups.tip", Material2MZ.SETTINGS_BACKUP_RESTORE);
            backups.disableProperty().bind(camera.valueProperty().isNull());
            backups.setOnAction(e -> window(tools.backups()));
            row.getChildren().add(backups);
        }
        row.getChildren().add(new Spacer());
        if (tools.timeline() != null) {
            Button history = button("ticket-timeline", "desk.siteTimeline", "desk.siteTimeline.tip",
                    Material2MZ.TIMELINE);
            history.setOnAction(e -> {
                Ticket t = ticket();
                if (t != null && !t.siteIds().isEmpty()) {
                    guarded(() -> tools.timeline().open(owner.get(), t.siteIds().getFirst()));
                }
            });
            row.getChildren().add(history);
        }
        if (tools.jira() != null) {
            Button jira = button("ticket-jira", "desk.jira", "desk.jira.tip", Material2AL.CLOUD_UPLOAD);
            jira.setOnAction(e -> work("desk.task.jira", tools.jira()));
            row.getChildren().add(jira);
        }
    }

    /** Runbooks on the ticket's cameras; each camera's output reaches the timeline as it ends. */
    void runDiagnostics() {
        Ticket t = ticket();
        if (t == null || tools.runbooks() == null || t.status() == TicketStatus.CLOSED) {
            return;
        }
        var chosen = RunbookDialog.show(owner.get(), m, tools.runbooks(), t, tools.cameras(t));
        refocus.run();
        chosen.ifPresent(choice -> {
            AtomicInteger ended = new AtomicInteger();
            int total = choice.cameraIds().size();
            tasks.job(m.text("desk.task.run", choice.runbookId(), t.id()), p -> tools.runbooks().run(t,
                            choice.runbookId(), choice.values(), choice.cameraIds(), choice.confirmed(),
                            (CameraRun run) -> p.update(run.cameraId(), ended.incrementAndGet(), total)))
                    .onSuccess(runs -> {
                        long ok = runs.stream().filter(CameraRun::succeeded).count();
                        vm.tell(m.text("desk.run.done", choice.runbookId(), ok, runs.size()));
                        vm.reload();
                    })
                    .onFailure(e -> {
                        vm.fail(e);
                        vm.reload();
                    })
                    .start();
        });
    }

    private void work(String titleKey, TicketTools.TicketWork work) {
        Ticket t = ticket();
        if (t == null) {
            return;
        }
        String cam = camera.getValue();
        tasks.job(m.text(titleKey, t.id()), p -> work.run(t, cam == null ? "" : cam, p))
                .onSuccess(sentence -> {
                    vm.tell(sentence);
                    vm.reload();
                })
                .onFailure(vm::fail)
                .start();
    }

    private void window(TicketTools.CameraWindow tool) {
        Ticket t = ticket();
        String cam = camera.getValue();
        if (t != null && cam != null) {
            guarded(() -> tool.open(owner.get(), t, cam));
        }
    }

    private void guarded(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            vm.fail(e);
        }
    }
}
