package io.camfleet.console.ui.support;

import atlantafx.base.theme.Styles;
import io.camfleet.console.domain.runbooks.ParameterType;
import io.camfleet.console.domain.runbooks.Runbook;
import io.camfleet.console.domain.runbooks.RunbookParameter;
import io.camfleet.console.domain.runbooks.RunbookRefused;
import io.camfleet.console.domain.support.Ticket;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.diagnostics.RunbookPreview;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Run diagnostics on a ticket's cameras: pick a runbook, give its parameters, choose the cameras, read the command it
 * will send. A remediation (it changes the cameras) says so in the dialog, and asks once more, naming what it changes
 * and where, before it runs.
 */
final class RunbookDialog {

    /** What the operator chose to run. */
    record Choice(String runbookId, Map<String, String> values, List<String> cameraIds, boolean confirmed) {
    }

    private RunbookDialog() {
    }

    static Optional<Choice> show(Window owner, Messages m, TicketTools.RunbookRunner runner, Ticket ticket,
                                 List<String> cameras) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(m.text("desk.runbook.title", ticket.id()));
        dialog.setHeaderText(m.text("desk.runbook.header"));
        dialog.setGraphic(new FontIcon(Material2MZ.PLAYLIST_PLAY));
        ButtonType run = new ButtonType(m.text("desk.runbook.run"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(run, ButtonType.CANCEL);
        dialog.getDialogPane().setPrefWidth(720);
        dialog.getDialogPane().setId("desk-runbook-dialog");
        dialog.getDialogPane().getStylesheets().add(SupportDeskView.STYLESHEET);

        ComboBox<Runbook> picker = new ComboBox<>();
        picker.setId("runbook-picker");
        picker.getItems().setAll(runner.runbooks());
        picker.setButtonCell(runbookCell(m));
        picker.setCellFactory(l -> runbookCell(m));
        picker.setMaxWidth(Double.MAX_VALUE);
        Label description = new Label();
        description.setWrapText(true);
        description.getStyleClass().add(Styles.TEXT_MUTED);
        Label changes = new Label(m.text("desk.runbook.changes"), new FontIcon(Material2MZ.WARNING));
        changes.setId("runbook-changes");
        changes.setWrapText(true);
        changes.getStyleClass().addAll(Styles.WARNING, "runbook-changes");

        GridPane parameters = new GridPane();
        parameters.setHgap(10);
        parameters.setVgap(6);
        Map<String, Supplier<String>> values = new LinkedHashMap<>();

        FlowPane targets = new FlowPane(12, 6);
        targets.setId("runbook-cameras");
        for (String c : cameras) {
            CheckBox box = new CheckBox(c);
            box.setSelected(true);
            box.getStyleClass().add("mono");
            targets.getChildren().add(box);
        }
        Label none = new Label(m.text("desk.runbook.noCameras"));
        none.getStyleClass().add(Styles.DANGER);
        none.setVisible(cameras.isEmpty());
        none.setManaged(cameras.isEmpty());

        Label command = new Label();
        command.setId("runbook-command");
        command.setWrapText(true);
        command.getStyleClass().addAll("mono", "runbook-command");
        command.setMaxWidth(Double.MAX_VALUE);
        Label problem = new Label();
        problem.setId("runbook-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);

        Button ok = (Button) dialog.getDialogPane().lookupButton(run);
        ok.setId("runbook-run");
        Runnable preview = () -> {
            Runbook r = picker.getValue();
            problem.setText("");
            command.setText("");
            if (r == null) {
                ok.setDisable(true);
                return;
            }
            try {
                RunbookPreview p = runner.preview(ticket, r.id(), current(values), chosen(targets));
                command.setText(p.command());
                if (!p.cannotReach().isEmpty()) {
                    problem.setText(m.text("desk.runbook.cannotReach", String.join("; ",
                            p.cannotReach().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList())));
                }
                ok.setDisable(chosen(targets).isEmpty());
            } catch (Problem e) {
                problem.setText(m.text(e));
                ok.setDisable(true);
            } catch (RunbookRefused e) {
                problem.setText(e.getMessage());
                ok.setDisable(true);
            }
        };
        targets.getChildren().forEach(n -> ((CheckBox) n).selectedProperty().addListener(o -> preview.run()));
        picker.valueProperty().addListener((o, was, r) -> {
            description.setText(r == null ? "" : r.description());
            changes.setVisible(r != null && r.kind().needsConfirmation());
            changes.setManaged(changes.isVisible());
            ok.setText(m.text(r != null && r.kind().needsConfirmation() ? "desk.runbook.runRemediation"
                    : "desk.runbook.run"));
            parameters.getChildren().clear();
            values.clear();
            if (r != null) {
                int row = 0;
                for (RunbookParameter p : r.parameters()) {
                    Control field = field(p, preview);
                    field.setId("runbook-param-" + p.name());
                    values.put(p.name(), () -> field instanceof ComboBox<?> c ? String.valueOf(c.getValue())
                            : ((TextField) field).getText());
                    Label name = new Label(p.name());
                    name.getStyleClass().add("mono");
                    parameters.addRow(row++, name, field);
                }
            }
            if (dialog.isShowing()) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
            preview.run();
        });
        changes.setVisible(false);
        changes.setManaged(false);

        VBox body = new VBox(8, picker, description, changes, section(m, "desk.runbook.parameters"), parameters,
                section(m, "desk.runbook.cameras"), targets, none, section(m, "desk.runbook.command"), command,
                problem);
        body.setPadding(new Insets(10, 10, 0, 10));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(400);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        dialog.getDialogPane().setContent(scroll);

        boolean[] confirmed = {false};
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            Runbook r = picker.getValue();
            if (r != null && r.kind().needsConfirmation()) {
                if (confirm(dialog.getDialogPane().getScene().getWindow(), m, r, chosen(targets))) {
                    confirmed[0] = true;
                } else {
                    e.consume();
                }
            }
        });
        ok.setDisable(true);
        dialog.setOnShown(e -> picker.requestFocus());
        if (!picker.getItems().isEmpty()) {
            picker.getSelectionModel().selectFirst();
        }
        return dialog.showAndWait().filter(b -> b == run && picker.getValue() != null)
                .map(b -> new Choice(picker.getValue().id(), current(values), chosen(targets), confirmed[0]));
    }

    /** The second question of a remediation: what it changes, on which cameras. */
    private static boolean confirm(Window owner, Messages m, Runbook r, List<String> cameras) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION);
        ask.initOwner(owner);
        ask.setTitle(m.text("desk.runbook.confirm.title"));
        ask.setHeaderText(m.text("desk.runbook.confirm.header", r.title(), cameras.size()));
        Label text = new Label(m.text("desk.runbook.confirm.text", r.description().isEmpty() ? r.title()
                : r.description(), String.join(", ", cameras)));
        text.setWrapText(true);
        text.setId("runbook-confirm-text");
        ask.getDialogPane().setContent(text);
        ask.getDialogPane().setPrefWidth(560);
        ButtonType yes = new ButtonType(m.text("desk.runbook.confirm.yes"), ButtonBar.ButtonData.OK_DONE);
        ask.getButtonTypes().setAll(yes, ButtonType.CANCEL);
        // the safe answer is the default: Enter does not change a camera by accident
        ((Button) ask.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        ((Button) ask.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        ask.getDialogPane().lookupButton(yes).setId("runbook-confirm-yes");
        return ask.showAndWait().filter(b -> b == yes).isPresent();
    }

    private static Control field(RunbookParameter p, Runnable changed) {
        if (p.type() == ParameterType.ENUM) {
            ComboBox<String> box = new ComboBox<>();
            box.getItems().setAll(p.values());
            box.setValue(p.defaultValue().isEmpty() ? p.values().getFirst() : p.defaultValue());
            box.valueProperty().addListener(o -> changed.run());
            return box;
        }
        TextField f = new TextField(p.defaultValue());
        f.setPromptText(p.type().name().toLowerCase(java.util.Locale.ROOT) + (p.required() ? " *" : ""));
        f.setPrefColumnCount(24);
        f.textProperty().addListener(o -> changed.run());
        return f;
    }

    private static Map<String, String> current(Map<String, Supplier<String>> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    private static List<String> chosen(FlowPane targets) {
        return targets.getChildren().stream().map(n -> (CheckBox) n).filter(CheckBox::isSelected)
                .map(CheckBox::getText).toList();
    }

    private static Node section(Messages m, String key) {
        Label l = new Label(m.text(key));
        l.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_SMALL);
        l.setPadding(new Insets(6, 0, 0, 0));
        return l;
    }

    private static ListCell<Runbook> runbookCell(Messages m) {
        return new ListCell<>() {
            @Override
            protected void updateItem(Runbook r, boolean empty) {
                super.updateItem(r, empty);
                if (empty || r == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(r.title() + "  (" + r.id() + ")");
                FontIcon icon = new FontIcon(r.kind().needsConfirmation() ? Material2MZ.WARNING
                        : Material2MZ.SEARCH);
                icon.getStyleClass().add(r.kind().needsConfirmation() ? Styles.WARNING : Styles.ACCENT);
                setGraphic(icon);
            }
        };
    }
}
