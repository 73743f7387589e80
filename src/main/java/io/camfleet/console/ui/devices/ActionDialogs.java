package io.camfleet.console.ui.devices;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.camfleet.console.domain.devices.DeviceAction;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.devices.ActionPreview;
import io.camfleet.console.service.devices.ActionReport;
import io.camfleet.console.ui.common.Cells;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The dialogs of a bulk action: the value it needs (an org unit, a reviewer), the confirmation that lists exactly
 * what will change on each device and what is left alone (the service's preview) with the reason where one is
 * needed, and the result with each device that failed and why.
 */
final class ActionDialogs {

    /** One line of a preview or a result: the device, and what happens to it. */
    record Line(String device, String what, boolean changes) {
    }

    private ActionDialogs() {
    }

    /** Asks for the org unit of a move or the reviewer of an assignment; the known values are offered. */
    static Optional<String> parameter(Window owner, Messages m, DeviceAction action, List<String> known) {
        Dialog<ButtonType> dialog = dialog(owner, m.text("devicesView.verb." + action.name()));
        ComboBox<String> value = new ComboBox<>(FXCollections.observableArrayList(known));
        value.setId("devices-parameter");
        value.setEditable(true);
        value.setPrefWidth(420);
        value.setPromptText(m.text("devicesView.parameter." + action.name() + ".prompt"));
        VBox body = new VBox(8, new Label(m.text("devicesView.parameter." + action.name())), value);
        body.setPadding(new Insets(10, 10, 0, 10));
        dialog.getDialogPane().setContent(body);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(value.getEditor().textProperty().isEmpty());
        // The combo box hands its focus to its field; after the dialog's own focus on its buttons.
        dialog.setOnShown(e -> javafx.application.Platform.runLater(value::requestFocus));
        return dialog.showAndWait().filter(b -> b == ButtonType.OK).map(b -> value.getEditor().getText().strip());
    }

    /**
     * The confirmation: what changes, device by device, and what is left alone; OK (named by the action) stays off
     * while nothing would change or a needed reason is missing.
     *
     * @param lost the lost-device flow: one device disabled, its reason required
     * @return the reason ("" when none is asked), once confirmed
     */
    static Optional<String> confirm(Window owner, Messages m, ActionPreview preview, boolean lost) {
        String verb = m.text(lost ? "devicesView.verb.lost" : "devicesView.verb." + preview.action().name());
        Dialog<ButtonType> dialog = dialog(owner, m.text("devicesView.confirm.title", verb,
                preview.changes().size()));
        dialog.setHeaderText(preview.nothingToDo() ? m.text("devicesView.confirm.nothing",
                preview.skipped().isEmpty() ? "" : m.text(preview.skipped().getFirst().why()))
                : lost ? m.text("devicesView.confirm.lostHeader", preview.changes().getFirst().device().serial())
                : m.text("devicesView.confirm.header", preview.changes().size(), preview.skipped().size()));
        ButtonType go = new ButtonType(verb, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(go, ButtonType.CANCEL);

        List<Line> lines = new ArrayList<>();
        preview.changes().forEach(c -> lines.add(new Line(name(c.device()), field(m, c.field()) + ": "
                + (c.before().isEmpty() ? "" : c.before() + " \u2192 ") + c.after(), true)));
        preview.skipped().forEach(s -> lines.add(new Line(name(s.device()),
                m.text("devicesView.confirm.skipped", m.text(s.why())), false)));
        TableView<Line> table = lines(m, lines, "devicesView.confirm.col.change");
        table.setId("devices-preview");
        VBox body = new VBox(8, table);
        body.setPadding(new Insets(10, 10, 0, 10));

        TextArea reason = new TextArea();
        reason.setId("devices-reason");
        reason.setPromptText(m.text("devicesView.confirm.reason.prompt"));
        reason.setPrefRowCount(2);
        reason.setWrapText(true);
        boolean asks = lost || preview.action().needsReason();
        if (asks) {
            body.getChildren().addAll(new Label(m.text("devicesView.confirm.reason")), reason);
        }
        dialog.getDialogPane().setContent(body);
        dialog.getDialogPane().lookupButton(go).disableProperty().bind(javafx.beans.binding.Bindings
                .createBooleanBinding(() -> preview.nothingToDo() || asks && reason.getText().isBlank(),
                        reason.textProperty()));
        dialog.getDialogPane().lookupButton(go).getStyleClass().add(asks ? Styles.DANGER : Styles.ACCENT);
        if (asks) {
            dialog.setOnShown(e -> javafx.application.Platform.runLater(reason::requestFocus));
        }
        return dialog.showAndWait().filter(b -> b == go).map(b -> asks ? reason.getText().strip() : "");
    }

    /** What the action did: all done, or each device that failed with the directory's reason. */
    static void result(Window owner, Messages m, ActionReport report) {
        Dialog<ButtonType> dialog = dialog(owner, m.text("devicesView.result.title",
                m.text("devicesView.verb." + report.action().name())));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK);
        dialog.setHeaderText(report.allDone()
                ? m.text("devicesView.result.allDone", report.done().size(), report.calls())
                : m.text("devicesView.result.someFailed", report.done().size(), report.failed().size(),
                report.calls()));
        if (!report.failed().isEmpty()) {
            TableView<Line> table = lines(m, report.failed().stream()
                    .map(f -> new Line(name(f.device()), f.reason(), false)).toList(), "devicesView.result.col.reason");
            table.setId("devices-failed");
            VBox body = new VBox(8, table);
            body.setPadding(new Insets(10, 10, 0, 10));
            dialog.getDialogPane().setContent(body);
        }
        dialog.showAndWait();
    }

    /** "Status", "Org unit": the field's name in the operators' words, or as the service gave it. */
    private static String field(Messages m, String field) {
        String key = "devicesView.field." + field;
        return m.has(key) ? m.text(key) : field;
    }

    private static String name(ReviewDevice d) {
        return d.serial() + (d.model().isEmpty() ? "" : " \u00b7 " + d.model());
    }

    private static TableView<Line> lines(Messages m, List<Line> lines, String whatKey) {
        TableView<Line> table = new TableView<>(FXCollections.observableArrayList(lines));
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(Math.min(12, Math.max(3, lines.size())) * 26 + 32);
        table.setPrefWidth(780);
        table.getColumns().setAll(List.of(col(m, "devicesView.confirm.col.device", 330, Line::device),
                col(m, whatKey, 430, Line::what)));
        table.setRowFactory(t -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(Line l, boolean empty) {
                super.updateItem(l, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("skipped"),
                        !empty && l != null && !l.changes());
            }
        });
        return table;
    }

    private static TableColumn<Line, Line> col(Messages m, String key, double width, Function<Line, String> text) {
        TableColumn<Line, Line> c = new TableColumn<>(m.text(key));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(x -> Cells.text(text));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private static Dialog<ButtonType> dialog(Window owner, String title) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().setPrefWidth(820);
        dialog.getDialogPane().setMinWidth(800);
        dialog.getDialogPane().getStylesheets().add(ActionDialogs.class.getResource("devices.css")
                .toExternalForm());
        return dialog;
    }
}
