package io.camfleet.console.ui.alerts;

import atlantafx.base.theme.Styles;
import io.camfleet.console.domain.alerts.Alert;
import io.camfleet.console.service.alerts.AlertService;
import io.camfleet.console.service.common.Messages;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The small dialogs of the alerts screen: a note for an acknowledgement or a manual resolve (required: the next
 * person on shift reads it), and how long to silence for, with why. OK stays disabled until a note is written.
 */
final class AlertDialogs {

    /** How long a silence lasts, as offered. */
    record SilenceChoice(Duration length, String note) {
    }

    private static final List<Duration> LENGTHS = List.of(Duration.ofMinutes(30), Duration.ofHours(1),
            Duration.ofHours(4), Duration.ofHours(12), Duration.ofDays(1));

    private AlertDialogs() {
    }

    static Optional<String> note(Window owner, Messages m, String titleKey, Alert alert) {
        Dialog<ButtonType> dialog = dialog(owner, m, titleKey, alert);
        TextArea note = noteArea(m);
        VBox body = new VBox(8, new Label(m.text("alerts.note.label")), note);
        body.setPadding(new Insets(10, 10, 0, 10));
        dialog.getDialogPane().setContent(body);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(note.textProperty().isEmpty());
        dialog.setOnShown(e -> note.requestFocus());
        return dialog.showAndWait().filter(b -> b == ButtonType.OK).map(b -> note.getText());
    }

    static Optional<SilenceChoice> silence(Window owner, Messages m, Alert alert) {
        Dialog<ButtonType> dialog = dialog(owner, m, "alerts.silence.title", alert);
        ComboBox<Duration> length = new ComboBox<>();
        length.setId("alerts-silence-length");
        length.getItems().setAll(LENGTHS);
        length.getSelectionModel().select(Duration.ofHours(1));
        length.setButtonCell(lengthCell(m));
        length.setCellFactory(l -> lengthCell(m));
        TextArea note = noteArea(m);
        Label scope = new Label(alert.siteId().isEmpty()
                ? m.text("alerts.silence.scopeKind", m.text("alerts.kind." + alert.kind().name()))
                : m.text("alerts.silence.scopeSite", m.text("alerts.kind." + alert.kind().name()), alert.siteId()));
        scope.setWrapText(true);
        scope.getStyleClass().add(Styles.TEXT_MUTED);
        VBox body = new VBox(8, scope, new Label(m.text("alerts.silence.for")), length,
                new Label(m.text("alerts.silence.why")), note);
        body.setPadding(new Insets(10, 10, 0, 10));
        dialog.getDialogPane().setContent(body);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(note.textProperty().isEmpty());
        dialog.setOnShown(e -> note.requestFocus());
        return dialog.showAndWait().filter(b -> b == ButtonType.OK)
                .map(b -> new SilenceChoice(length.getValue(), note.getText()));
    }

    private static Dialog<ButtonType> dialog(Window owner, Messages m, String titleKey, Alert alert) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(m.text(titleKey, alert.id()));
        dialog.setHeaderText(alert.summary());
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().setPrefWidth(520);
        return dialog;
    }

    private static TextArea noteArea(Messages m) {
        TextArea note = new TextArea();
        note.setId("alerts-note");
        note.setPromptText(m.text("alerts.note.prompt"));
        note.setPrefRowCount(3);
        note.setWrapText(true);
        note.textProperty().addListener((o, was, now) -> {
            if (now.length() > AlertService.NOTE_LIMIT) {
                note.setText(now.substring(0, AlertService.NOTE_LIMIT));
            }
        });
        return note;
    }

    private static ListCell<Duration> lengthCell(Messages m) {
        return new ListCell<>() {
            @Override
            protected void updateItem(Duration d, boolean empty) {
                super.updateItem(d, empty);
                setText(empty || d == null ? null : d.toHours() >= 1
                        ? m.text("alerts.silence.hours", d.toHours()) : m.text("alerts.silence.minutes", d.toMinutes()));
            }
        };
    }
}
