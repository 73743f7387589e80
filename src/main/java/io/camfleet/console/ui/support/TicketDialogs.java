package io.camfleet.console.ui.support;

import atlantafx.base.theme.Styles;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.support.TicketService;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Optional;

/**
 * The small dialogs of a ticket: a note for a move (optional) or an escalation (required: level 3 reads why), and
 * whom to assign it to. Ctrl+Enter is OK in a note; Esc cancels.
 */
final class TicketDialogs {

    private TicketDialogs() {
    }

    /** @param required OK stays disabled until something is written */
    static Optional<String> note(Window owner, Messages m, String title, String header, String labelKey,
                                 boolean required) {
        Dialog<ButtonType> dialog = dialog(owner, title, header);
        TextArea note = new TextArea();
        note.setId("desk-note");
        note.setPromptText(m.text(required ? "desk.note.required" : "desk.note.optional"));
        note.setPrefRowCount(4);
        note.setWrapText(true);
        limit(note, TicketService.TEXT_LIMIT);
        note.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShortcutDown()) {
                javafx.scene.control.Button ok = (javafx.scene.control.Button) dialog.getDialogPane()
                        .lookupButton(ButtonType.OK);
                if (!ok.isDisabled()) {
                    ok.fire();
                }
                e.consume();
            }
        });
        VBox body = new VBox(8, new Label(m.text(labelKey)), note);
        body.setPadding(new Insets(10, 10, 0, 10));
        dialog.getDialogPane().setContent(body);
        if (required) {
            dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                    .bind(note.textProperty().isEmpty());
        }
        dialog.setOnShown(e -> note.requestFocus());
        return dialog.showAndWait().filter(b -> b == ButtonType.OK).map(b -> note.getText());
    }

    /** Whom to give the ticket to; empty leaves it to nobody. Enter is OK. */
    static Optional<String> assignee(Window owner, Messages m, String title, String current) {
        Dialog<ButtonType> dialog = dialog(owner, title, m.text("desk.assign.header"));
        TextField who = new TextField(current);
        who.setId("desk-assignee");
        who.setPromptText(m.text("desk.assign.prompt"));
        Label hint = new Label(m.text("desk.assign.hint"));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        VBox body = new VBox(8, who, hint);
        body.setPadding(new Insets(10, 10, 0, 10));
        dialog.getDialogPane().setContent(body);
        dialog.setOnShown(e -> {
            who.requestFocus();
            who.selectAll();
        });
        return dialog.showAndWait().filter(b -> b == ButtonType.OK).map(b -> who.getText());
    }

    static Dialog<ButtonType> dialog(Window owner, String title, String header) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().setPrefWidth(540);
        return dialog;
    }

    /**
     * Keeps the text within {@code limit} characters: the service refuses longer, so a paste beyond it is not taken
     * (the field keeps what it had). Not a TextFormatter: that would take Esc from the dialog.
     */
    static void limit(javafx.scene.control.TextInputControl field, int limit) {
        field.textProperty().addListener((o, was, now) -> {
            if (now != null && now.length() > limit) {
                field.setText(was);
            }
        });
    }
}
