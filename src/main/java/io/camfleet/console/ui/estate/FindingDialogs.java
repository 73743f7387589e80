package io.camfleet.console.ui.estate;

import atlantafx.base.theme.Styles;
import io.camfleet.console.domain.findings.AcceptanceRule;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.findings.FindingRow;
import io.camfleet.console.service.findings.ImportFormat;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The tab's dialogs: which findings file to import and in which of the two formats, which scanner patch report to
 * import, and the risk acceptance (a reason and an expiry). Each names what it will change before OK.
 */
final class FindingDialogs {

    record FindingsFile(Path file, ImportFormat format) {
    }

    record Acceptance(String reason, LocalDate until) {
    }

    /** Suggested expiry of a new acceptance: a quarter, well inside the year the rule allows. */
    static final int SUGGESTED_DAYS = 90;

    private FindingDialogs() {
    }

    /** Asks for a findings file and its format (Inspector's JSON export, or the plain CSV). */
    static Optional<FindingsFile> findingsFile(Window owner, Messages m) {
        Dialog<ButtonType> dialog = dialog(owner, m.text("estate.findings.import.title"),
                m.text("estate.findings.import.header"), m.text("estate.findings.import.go"));
        ToggleGroup formats = new ToggleGroup();
        RadioButton inspector = new RadioButton(m.text("estate.findings.import.inspector"));
        inspector.setId("estate-findings-format-inspector");
        inspector.setUserData(ImportFormat.INSPECTOR);
        RadioButton csv = new RadioButton(m.text("estate.findings.import.csv"));
        csv.setId("estate-findings-format-csv");
        csv.setUserData(ImportFormat.CSV);
        inspector.setToggleGroup(formats);
        csv.setToggleGroup(formats);
        csv.setSelected(true);
        TextField path = pathField("estate-findings-file");
        // a .json file is Inspector's export: picking one picks the format, which the operator may still change
        path.textProperty().addListener((o, was, now) -> {
            if (!now.isBlank()) {
                (ImportFormat.of(Path.of(now.strip())) == ImportFormat.INSPECTOR ? inspector : csv).setSelected(true);
            }
        });
        VBox body = body(m, path, m.text("estate.findings.import.file"));
        body.getChildren().addAll(0, List.of(new Label(m.text("estate.findings.import.format")),
                inspector, csv));
        dialog.getDialogPane().setContent(body);
        disableUntilFilled(dialog, path);
        dialog.setOnShown(e -> Platform.runLater(path::requestFocus));
        return dialog.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .map(b -> new FindingsFile(Path.of(path.getText().strip()),
                        (ImportFormat) formats.getSelectedToggle().getUserData()));
    }

    /** Asks for a scanner's patch report (CSV: host, patch level, installed, missing, missing security). */
    static Optional<Path> patchFile(Window owner, Messages m) {
        Dialog<ButtonType> dialog = dialog(owner, m.text("estate.findings.patches.import.title"),
                m.text("estate.findings.patches.import.header"), m.text("estate.findings.import.go"));
        TextField path = pathField("estate-patches-file");
        dialog.getDialogPane().setContent(body(m, path, m.text("estate.findings.patches.import.file")));
        disableUntilFilled(dialog, path);
        dialog.setOnShown(e -> Platform.runLater(path::requestFocus));
        return dialog.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .map(b -> Path.of(path.getText().strip()));
    }

    /**
     * Asks why a finding's risk is accepted and until when; the date picker offers no day past the year the rule
     * allows, and the service checks both again.
     */
    static Optional<Acceptance> accept(Window owner, Messages m, FindingRow row, LocalDate today) {
        var f = row.finding();
        Dialog<ButtonType> dialog = dialog(owner, m.text("estate.findings.accept.title"),
                m.text("estate.findings.accept.header", f.cve(), f.packageName(), row.knownHost() ? row.cameraId()
                        : f.host(), AcceptanceRule.MAX_DAYS), m.text("estate.findings.accept.go"));
        TextArea reason = new TextArea();
        reason.setId("estate-findings-reason");
        reason.setPromptText(m.text("estate.findings.accept.reason.prompt"));
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        DatePicker until = new DatePicker(today.plusDays(SUGGESTED_DAYS));
        until.setId("estate-findings-until");
        // the same ISO date as the acceptance is shown and audited with, never an ambiguous 3/7/2027
        until.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : d.toString();
            }

            @Override
            public LocalDate fromString(String text) {
                try {
                    return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
        });
        until.setPromptText("2027-03-31");
        until.setDayCellFactory(p -> new javafx.scene.control.DateCell() {
            @Override
            public void updateItem(LocalDate d, boolean empty) {
                super.updateItem(d, empty);
                setDisable(empty || !d.isAfter(today) || d.isAfter(today.plusDays(AcceptanceRule.MAX_DAYS)));
            }
        });
        VBox body = new VBox(8, new Label(m.text("estate.findings.accept.reason")), reason,
                new Label(m.text("estate.findings.accept.until")), until);
        body.setPadding(new Insets(10, 10, 0, 10));
        body.setPrefWidth(520);
        dialog.getDialogPane().setContent(body);
        Button ok = okButton(dialog);
        ok.disableProperty().bind(Bindings.createBooleanBinding(() -> reason.getText().isBlank()
                || until.getValue() == null, reason.textProperty(), until.valueProperty()));
        dialog.setOnShown(e -> Platform.runLater(reason::requestFocus));
        return dialog.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE)
                .map(b -> new Acceptance(reason.getText().strip(), until.getValue()));
    }

    private static Dialog<ButtonType> dialog(Window owner, String title, String header, String verb) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.getDialogPane().getButtonTypes().setAll(new ButtonType(verb, ButtonBar.ButtonData.OK_DONE),
                ButtonType.CANCEL);
        dialog.getDialogPane().setMinWidth(620);
        return dialog;
    }

    private static Button okButton(Dialog<ButtonType> dialog) {
        ButtonType ok = dialog.getDialogPane().getButtonTypes().getFirst();
        return (Button) dialog.getDialogPane().lookupButton(ok);
    }

    private static void disableUntilFilled(Dialog<ButtonType> dialog, TextField path) {
        okButton(dialog).disableProperty().bind(Bindings.createBooleanBinding(() -> path.getText().isBlank(),
                path.textProperty()));
    }

    private static TextField pathField(String id) {
        TextField path = new TextField();
        path.setId(id);
        HBox.setHgrow(path, Priority.ALWAYS);
        return path;
    }

    /** "File:", the path with its Browse... button (the system's file chooser). */
    private static VBox body(Messages m, TextField path, String label) {
        Button browse = new Button(m.text("estate.findings.import.browse"));
        browse.getStyleClass().add(Styles.BUTTON_OUTLINED);
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(label);
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV, JSON", "*.csv", "*.json"),
                    new FileChooser.ExtensionFilter("*", "*"));
            File chosen = chooser.showOpenDialog(browse.getScene().getWindow());
            if (chosen != null) {
                path.setText(chosen.getPath());
            }
        });
        HBox row = new HBox(8, path, browse);
        VBox body = new VBox(8, new Label(label), row);
        body.setPadding(new Insets(10, 10, 0, 10));
        body.setPrefWidth(560);
        return body;
    }
}
