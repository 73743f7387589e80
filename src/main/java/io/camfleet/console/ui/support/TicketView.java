package io.camfleet.console.ui.support;

import atlantafx.base.theme.Styles;
import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.domain.support.TicketStatus;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.support.TicketService;
import io.camfleet.console.ui.common.BackgroundTasks;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The ticket page of the support desk: who, what, where and the SLA timers on top; the steps on the ticket (move,
 * escalate, assign, take on) and the tools on its cameras (diagnostics, bundle, terminal, backups, site timeline,
 * Jira); the timeline; and a comment box. Keys: Esc back to the queue, R run diagnostics, C comment, T take on,
 * E escalate, A assign, Ctrl+Enter sends a comment.
 */
final class TicketView {

    private final TicketViewModel vm;
    private final Messages m;
    private final DateTimeFormatter opened;
    private final TicketTimeline timeline;
    private final VBox root = new VBox(10);
    private final Label number = new Label();
    private final Label title = new Label();
    private final Label severity = new Label();
    private final FlowPane tags = new FlowPane(8, 6);
    private final Label facts = new Label();
    private final Label response = new Label();
    private final Label resolution = new Label();
    private final MenuButton move = new MenuButton();
    private final TicketToolBar toolBar;
    private final VBox entries = new VBox(8);
    private final ScrollPane scroll = new ScrollPane(entries);
    private final TextArea comment = new TextArea();
    private final Runnable back;
    private boolean swallowTyped;

    TicketView(TicketViewModel vm, Messages messages, ZoneId zone, TicketTools tools, BackgroundTasks tasks,
               Runnable back) {
        this.vm = vm;
        this.m = messages;
        this.back = back;
        this.opened = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", messages.locale()).withZone(zone);
        this.timeline = new TicketTimeline(messages, zone, tools.openFolder());
        this.toolBar = new TicketToolBar(vm, messages, tools, tasks, this::owner, this::focus);
        root.getStyleClass().add("desk-ticket");
        root.getChildren().addAll(header(), messages(), steps(), toolBar.root(), timelineBox(), commentBox());
        vm.shownProperty().addListener((o, was, now) -> render(now));
    }

    Node root() {
        return root;
    }

    private Node header() {
        Button backButton = new Button(m.text("desk.back"), new FontIcon(Material2AL.ARROW_BACK));
        backButton.setId("ticket-back");
        backButton.getStyleClass().add(Styles.FLAT);
        backButton.setTooltip(new Tooltip(m.text("desk.back.tip")));
        backButton.setOnAction(e -> back.run());
        number.getStyleClass().addAll(Styles.TITLE_3, Styles.TEXT_MUTED, "mono");
        number.setMinWidth(Label.USE_PREF_SIZE);
        title.setId("ticket-title");
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        severity.setId("ticket-severity");
        severity.setMinWidth(Label.USE_PREF_SIZE);
        HBox top = new HBox(10, backButton, severity, number, title);
        top.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(title, Priority.ALWAYS);
        tags.setId("ticket-tags");
        facts.setId("ticket-facts");
        facts.getStyleClass().add(Styles.TEXT_MUTED);
        facts.setWrapText(true);
        response.setId("ticket-response");
        resolution.setId("ticket-resolution");
        response.getStyleClass().add("sla-timer");
        resolution.getStyleClass().add("sla-timer");
        HBox sla = new HBox(18, response, resolution);
        sla.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, top, tags, facts, sla);
    }

    private Node messages() {
        Label problem = new Label();
        problem.setId("ticket-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.setGraphic(new FontIcon(Material2AL.ERROR));
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Label notice = new Label();
        notice.setId("ticket-notice");
        notice.setWrapText(true);
        notice.getStyleClass().add(Styles.SUCCESS);
        notice.setGraphic(new FontIcon(Material2AL.CHECK_CIRCLE));
        notice.textProperty().bind(vm.noticeProperty());
        notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        return new VBox(4, problem, notice);
    }

    private Node steps() {
        move.setText(m.text("desk.move"));
        move.setGraphic(new FontIcon(Material2MZ.SWAP_HORIZ));
        move.setId("ticket-move");
        move.setTooltip(new Tooltip(m.text("desk.move.tip")));
        vm.moves().addListener((ListChangeListener<TicketStatus>) c -> renderMoves());
        move.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.moves()));

        Button escalate = button("ticket-escalate", "desk.escalate", "desk.escalate.tip", Material2AL.ARROW_UPWARD);
        escalate.disableProperty().bind(vm.canEscalate().not());
        escalate.setOnAction(e -> escalate());
        Button assign = button("ticket-assign", "desk.assign", "desk.assign.tip", Material2MZ.PERSON_ADD);
        assign.disableProperty().bind(vm.isOpen().not());
        assign.setOnAction(e -> assign());
        Button takeOn = button("ticket-take-on", "desk.takeOn", "desk.takeOn.tip", Material2AL.HOW_TO_REG);
        takeOn.disableProperty().bind(vm.isOpen().not());
        takeOn.setOnAction(e -> vm.takeOn());
        HBox row = new HBox(8, move, escalate, assign, takeOn);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node timelineBox() {
        entries.setId("ticket-timeline-entries");
        entries.setPadding(new Insets(4, 12, 4, 0));
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("ticket-timeline");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return scroll;
    }

    private Node commentBox() {
        comment.setId("ticket-comment");
        comment.setPromptText(m.text("desk.comment.prompt"));
        comment.setPrefRowCount(2);
        comment.setWrapText(true);
        TicketDialogs.limit(comment, TicketService.TEXT_LIMIT);
        Button send = button("ticket-comment-send", "desk.comment", "desk.comment.tip", Material2MZ.SEND);
        send.disableProperty().bind(comment.textProperty().isEmpty().or(vm.isOpen().not()));
        send.setOnAction(e -> sendComment());
        comment.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (swallowTyped) {
                swallowTyped = false;
                e.consume();
            }
        });
        comment.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                if (!send.isDisabled()) {
                    sendComment();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                root.requestFocus();
                e.consume();
            }
        });
        HBox box = new HBox(8, comment, send);
        box.setAlignment(Pos.BOTTOM_LEFT);
        HBox.setHgrow(comment, Priority.ALWAYS);
        return box;
    }

    private void sendComment() {
        String text = comment.getText();
        vm.comment(text, () -> {
            if (comment.getText().equals(text)) {
                comment.clear();
            }
        });
    }

    private Button button(String id, String key, String tipKey, Ikon icon) {
        Button b = new Button(m.text(key), new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(m.text(tipKey)));
        return b;
    }

    private Ticket ticket() {
        return vm.shownProperty().get() == null ? null : vm.shownProperty().get().ticket();
    }

    private Window owner() {
        return root.getScene().getWindow();
    }

    private void render(TicketViewModel.Shown s) {
        if (s == null) {
            title.setText("");
            entries.getChildren().clear();
            return;
        }
        Ticket t = s.ticket();
        number.setText("#" + t.id());
        title.setText(t.title());
        severity.setText(t.severity().name());
        severity.getStyleClass().setAll("label", "severity", "severity-" + t.severity().name());
        severity.setTooltip(new Tooltip(m.text("desk.severity." + t.severity().name())));
        tags.getChildren().setAll(tag("ticket-status", m.text("tickets.status." + t.status().name()), "status"),
                tag("ticket-level", t.level().name(), "level-" + t.level().name()),
                tag("ticket-assignee", t.assignee().isEmpty() ? m.text("desk.unassigned")
                        : m.text("desk.assignedTo", t.assignee()), "assignee"));
        if (!t.jiraKey().isEmpty()) {
            tags.getChildren().add(tag("ticket-jira-key", t.jiraStatus().isEmpty() ? t.jiraKey()
                    : m.text("desk.jiraLinked", t.jiraKey(), t.jiraStatus()), "jira"));
        }
        facts.setText(String.join("   ·   ", List.of(
                m.text("desk.facts.sites", String.join(", ", t.siteIds())),
                m.text("desk.facts.cameras", t.cameraIds().isEmpty() ? "–" : String.join(", ", t.cameraIds())),
                t.customer().isEmpty() ? m.text("desk.facts.noCustomer") : t.customer(),
                m.text("desk.facts.opened", opened.format(t.createdAt()),
                        t.createdBy().isEmpty() ? "–" : t.createdBy()))));
        response.setText(m.text("desk.sla.response", s.response().text()));
        QueueView.tone(response, s.response().tone());
        resolution.setText(m.text("desk.sla.resolution", s.resolution().text()));
        QueueView.tone(resolution, s.resolution().tone());
        toolBar.show(t);
        boolean atEnd = entries.getChildren().isEmpty() || scroll.getVvalue() > 0.98;
        entries.getChildren().setAll(timeline.cards(s.detail().timeline()));
        if (atEnd) {
            Platform.runLater(() -> scroll.setVvalue(1));
        }
    }

    private Label tag(String id, String text, String style) {
        Label l = new Label(text);
        l.setId(id);
        l.getStyleClass().addAll("ticket-tag", style);
        return l;
    }

    private void renderMoves() {
        move.getItems().clear();
        for (TicketStatus to : vm.moves()) {
            MenuItem item = new MenuItem(m.text("tickets.status." + to.name()));
            item.setId("move-" + to.name());
            item.setOnAction(e -> {
                TicketDialogs.note(owner(), m, m.text("desk.move.title", vm.id(),
                                m.text("tickets.status." + to.name())), ticket() == null ? "" : ticket().title(),
                        "desk.move.note", false).ifPresent(note -> vm.move(to, note));
                focus();
            });
            move.getItems().add(item);
        }
    }

    private void escalate() {
        Ticket t = ticket();
        if (t != null) {
            TicketDialogs.note(owner(), m, m.text("desk.escalate.title", t.id()), t.title(), "desk.escalate.note",
                    true).ifPresent(vm::escalate);
            focus();
        }
    }

    private void assign() {
        Ticket t = ticket();
        if (t != null) {
            TicketDialogs.assignee(owner(), m, m.text("desk.assign.title", t.id()), t.assignee())
                    .ifPresent(vm::assign);
            focus();
        }
    }

    /** The page's keys; the desk hands them over while the page shows, wherever the focus is in the window. */
    void key(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE && !(e.getTarget() instanceof TextInputControl)) {
            back.run();
            e.consume();
            return;
        }
        if (e.getTarget() instanceof TextInputControl || e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        switch (e.getCode()) {
            case R -> toolBar.runDiagnostics();
            case C -> {
                // the key that brought the cursor here is not typed into the box
                swallowTyped = true;
                comment.requestFocus();
            }
            case T -> {
                if (vm.isOpen().get()) {
                    vm.takeOn();
                }
            }
            case E -> {
                if (vm.canEscalate().get()) {
                    escalate();
                }
            }
            case A -> {
                if (vm.isOpen().get()) {
                    assign();
                }
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Puts the keyboard on the page (not in the comment box), so that its keys work at once. */
    void focus() {
        root.requestFocus();
    }
}
