package io.camfleet.console.ui.devices;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.camfleet.console.domain.devices.ProvisionRequest;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.ui.common.Cells;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * The provisioning queue: a serial to add with what to apply when it shows up, a CSV import, and every request with
 * its state; a request not applied yet can be cancelled. What the service refuses (a bad email, a bad CSV row) is
 * the red sentence under the form, and nothing is queued.
 */
final class ProvisioningDialog {

    private ProvisioningDialog() {
    }

    static void show(Window owner, ProvisioningModel model, Messages m, ZoneId zone) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("d MMM HH:mm", m.locale()).withZone(zone);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(m.text("devicesView.provisioning.title"));
        dialog.setHeaderText(m.text("devicesView.provisioning.header"));
        dialog.getDialogPane().getButtonTypes().setAll(new ButtonType(m.text("devicesView.provisioning.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setPrefSize(1060, 640);
        // The dialog opens at its minimum on some platforms: that minimum shows every column whole.
        dialog.getDialogPane().setMinSize(1060, 560);
        dialog.setResizable(true);

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(4);
        form.setId("provisioning-form");
        field(form, 0, m, "devicesView.provisioning.serial", model.serialProperty(), "provisioning-serial", "5CD1234XYZ");
        field(form, 1, m, "devicesView.provisioning.reviewer", model.reviewerProperty(), "provisioning-reviewer",
                m.text("devicesView.parameter.ASSIGN.prompt"));
        field(form, 2, m, "devicesView.provisioning.location", model.locationProperty(), "provisioning-location", "");
        field(form, 3, m, "devicesView.provisioning.assetId", model.assetIdProperty(), "provisioning-asset-id", "");
        field(form, 4, m, "devicesView.provisioning.orgUnit", model.orgUnitProperty(), "provisioning-org-unit",
                m.text("devicesView.parameter.MOVE.prompt"));

        Button add = new Button(m.text("devicesView.provisioning.add"), new FontIcon(Material2AL.ADD));
        add.setId("provisioning-add");
        add.getStyleClass().add(Styles.ACCENT);
        add.setDefaultButton(true);
        add.disableProperty().bind(model.canAdd().not());
        add.setOnAction(e -> model.add());
        Button importCsv = new Button(m.text("devicesView.provisioning.import"), new FontIcon(Material2AL.FILE_UPLOAD));
        importCsv.setId("provisioning-import");
        importCsv.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    m.text("devicesView.provisioning.import.filter"), "*.csv"));
            File file = chooser.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
            if (file != null) {
                model.importCsv(file.toPath());
            }
        });
        Button cancel = new Button(m.text("devicesView.provisioning.cancel"), new FontIcon(Material2AL.CLOSE));
        cancel.setId("provisioning-cancel");
        cancel.disableProperty().bind(model.canCancel().not());
        cancel.setOnAction(e -> model.cancel());
        HBox buttons = new HBox(8, add, importCsv, cancel);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label problem = sentence("provisioning-problem", Styles.DANGER, new FontIcon(Material2AL.ERROR));
        problem.textProperty().bind(model.problemProperty());
        Label done = sentence("provisioning-done", Styles.SUCCESS, new FontIcon(Material2AL.CHECK_CIRCLE));
        done.textProperty().bind(model.doneProperty());

        TableView<ProvisionRequest> table = new TableView<>(model.requests());
        table.setId("provisioning-table");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(m.text("devicesView.provisioning.empty")));
        table.getColumns().setAll(List.of(
                col(m, "devicesView.provisioning.serial", 110, ProvisionRequest::serial),
                col(m, "devicesView.provisioning.col.state", 90,
                        r -> m.text("devicesView.provisioning.state." + r.state().name())),
                col(m, "devicesView.provisioning.reviewer", 225, ProvisionRequest::reviewer),
                col(m, "devicesView.provisioning.location", 140, ProvisionRequest::location),
                col(m, "devicesView.provisioning.assetId", 80, ProvisionRequest::assetId),
                col(m, "devicesView.provisioning.orgUnit", 120, ProvisionRequest::orgUnit),
                col(m, "devicesView.provisioning.col.requested", 160, r -> r.requestedBy()
                        + (r.requestedAt() == null ? "" : " \u00b7 " + time.format(r.requestedAt()))),
                col(m, "devicesView.provisioning.col.failure", 110,
                        r -> r.failure().isEmpty() ? r.deviceId() : r.failure())));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) ->
                model.selectedProperty().set(now));
        VBox.setVgrow(table, Priority.ALWAYS);

        VBox body = new VBox(10, form, buttons, problem, done, table);
        body.setPrefWidth(1040);
        body.setPadding(new Insets(10, 10, 0, 10));
        dialog.getDialogPane().setContent(body);
        dialog.setOnShown(e -> form.lookup("#provisioning-serial").requestFocus());
        model.refresh();
        dialog.showAndWait();
    }

    private static void field(GridPane form, int column, Messages m, String key, StringProperty value, String id,
                              String prompt) {
        Label name = new Label(m.text(key));
        name.getStyleClass().add(Styles.TEXT_MUTED);
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        field.setPrefWidth(column == 1 || column == 4 ? 250 : 170);
        form.add(name, column, 0);
        form.add(field, column, 1);
    }

    private static Label sentence(String id, String style, FontIcon icon) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.getStyleClass().add(style);
        l.setGraphic(icon);
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }

    private static TableColumn<ProvisionRequest, ProvisionRequest> col(Messages m, String key, double width,
                                                                      Function<ProvisionRequest, String> text) {
        TableColumn<ProvisionRequest, ProvisionRequest> c = new TableColumn<>(m.text(key));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(x -> Cells.text(text));
        c.setPrefWidth(width);
        c.setMinWidth(width * 0.7);
        return c;
    }
}
