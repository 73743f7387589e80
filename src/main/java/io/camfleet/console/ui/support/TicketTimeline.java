package io.camfleet.console.ui.support;

import atlantafx.base.theme.Styles;
import io.camfleet.console.domain.support.TimelineEntry;
import io.camfleet.console.service.common.Messages;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A ticket's timeline as cards, oldest first: comments, status moves, escalations, assignments, command outputs in
 * monospace with their exit code and duration (folded when long), and attachments with a button to their folder.
 */
final class TicketTimeline {

    /** Outputs longer than this many lines start folded: the timeline stays readable. */
    static final int FOLDED_LINES = 30;
    private static final int MAX_ROWS = 24;

    private final Messages m;
    private final DateTimeFormatter time;
    private final Consumer<Path> openFolder;

    TicketTimeline(Messages messages, ZoneId zone, Consumer<Path> openFolder) {
        this.m = messages;
        this.time = DateTimeFormatter.ofPattern("d MMM HH:mm:ss", messages.locale()).withZone(zone);
        this.openFolder = openFolder;
    }

    List<Node> cards(List<TimelineEntry> entries) {
        return entries.stream().map(this::card).toList();
    }

    Node card(TimelineEntry e) {
        Label who = new Label(e.by().isEmpty() ? m.text("desk.timeline.console") : e.by());
        who.getStyleClass().add(Styles.TEXT_BOLD);
        Label when = new Label(time.format(e.at()));
        when.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Label what = new Label(headline(e), new FontIcon(icon(e.kind())));
        what.setWrapText(true);
        what.setMinHeight(Label.USE_PREF_SIZE);
        HBox head = new HBox(8, what, who, when);
        head.setAlignment(Pos.BASELINE_LEFT);
        HBox.setHgrow(what, Priority.SOMETIMES);
        VBox card = new VBox(6, head);
        card.getStyleClass().addAll("timeline-entry", "timeline-" + e.kind().name().toLowerCase(Locale.ROOT));
        card.setPadding(new Insets(8, 12, 8, 12));
        if (!e.text().isEmpty() && e.kind() != TimelineEntry.Kind.COMMAND_OUTPUT
                && e.kind() != TimelineEntry.Kind.TRACKER) {
            Label text = new Label(e.text());
            text.setWrapText(true);
            text.setMinHeight(Label.USE_PREF_SIZE);
            text.getStyleClass().add("timeline-text");
            card.getChildren().add(text);
        }
        if (e.command() != null) {
            card.getChildren().add(output(e.command()));
        }
        if (e.file() != null) {
            card.getChildren().add(attachment(e.file()));
        }
        return card;
    }

    private String headline(TimelineEntry e) {
        return switch (e.kind()) {
            case COMMENT -> m.text("desk.timeline.comment");
            case STATUS -> e.change().from().isEmpty()
                    ? m.text("desk.timeline.created", status(e.change().to()))
                    : m.text("desk.timeline.moved", status(e.change().from()), status(e.change().to()));
            case ESCALATION -> m.text("desk.timeline.escalated", e.change().from(), e.change().to());
            case ASSIGNMENT -> e.change().to().isEmpty() ? m.text("desk.timeline.unassigned")
                    : m.text("desk.timeline.assigned", e.change().to());
            case COMMAND_OUTPUT -> m.text("desk.timeline.ran", e.command().runbook(), e.command().target());
            case ATTACHMENT -> m.text("desk.timeline.attached", e.file().name());
            case TRACKER -> e.change().from().isEmpty()
                    ? m.text("desk.timeline.pushed", e.text(), e.change().to())
                    : m.text("desk.timeline.trackerMoved", e.text(), e.change().from(), e.change().to());
        };
    }

    private String status(String name) {
        return m.text("tickets.status." + name);
    }

    private static Ikon icon(TimelineEntry.Kind kind) {
        return switch (kind) {
            case COMMENT -> Material2MZ.MODE_COMMENT;
            case STATUS -> Material2MZ.SWAP_HORIZ;
            case ESCALATION -> Material2AL.ARROW_UPWARD;
            case ASSIGNMENT -> Material2MZ.PERSON;
            case COMMAND_OUTPUT -> Material2AL.CODE;
            case ATTACHMENT -> Material2AL.ATTACH_FILE;
            case TRACKER -> Material2AL.CLOUD_UPLOAD;
        };
    }

    /** The output in monospace under its exit code and duration; folded when it is long. */
    private Node output(TimelineEntry.CommandOutput run) {
        String text = run.output().isEmpty() ? m.text("desk.timeline.noOutput") : run.output();
        long lines = text.lines().count();
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(false);
        area.getStyleClass().add("command-output");
        area.setPrefRowCount((int) Math.max(1, Math.min(lines, MAX_ROWS)));
        area.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label exit = new Label(m.text("desk.timeline.exit", run.exitCode()));
        exit.getStyleClass().addAll("exit-code", run.exitCode() == 0 ? Styles.SUCCESS : Styles.DANGER);
        Label took = new Label(m.text("desk.timeline.took", seconds(run.duration())));
        took.getStyleClass().add(Styles.TEXT_MUTED);
        HBox facts = new HBox(12, exit, took);
        TitledPane fold = new TitledPane(m.text("desk.timeline.lines", lines), area);
        fold.getStyleClass().addAll(Styles.DENSE, "output-fold");
        fold.setExpanded(lines <= FOLDED_LINES);
        fold.setAnimated(false);
        return new VBox(4, facts, fold);
    }

    private String seconds(Duration d) {
        return String.format(m.locale(), "%.1f", d.toMillis() / 1000.0);
    }

    private Node attachment(TimelineEntry.Attachment file) {
        Label facts = new Label(m.text("desk.timeline.file", file.size() / 1024.0,
                file.sha256().length() > 16 ? file.sha256().substring(0, 16) + "…" : file.sha256()));
        facts.getStyleClass().addAll(Styles.TEXT_MUTED, "mono");
        facts.setTooltip(new Tooltip(file.sha256() + "\n" + file.storedPath()));
        Button open = new Button(m.text("desk.timeline.openFolder"), new FontIcon(Material2MZ.OPEN_IN_NEW));
        open.getStyleClass().addAll(Styles.SMALL, "open-folder");
        Path stored = Path.of(file.storedPath());
        open.setOnAction(e -> openFolder.accept(stored.getParent() == null ? stored : stored.getParent()));
        HBox box = new HBox(12, facts, open);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
