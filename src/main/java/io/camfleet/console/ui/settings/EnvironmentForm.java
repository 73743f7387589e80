package io.camfleet.console.ui.settings;

import atlantafx.base.theme.Styles;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.environments.EnvironmentReader.AwsProfile;
import io.camfleet.console.service.common.Messages;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

import java.util.Optional;

/**
 * The small form that adds or edits one AWS environment: label, profile (from the user's AWS configuration, or typed),
 * region, an optional endpoint and an optional queue of registry events (for syncs that ask only for changes). What
 * is wrong shows as a sentence under the fields and the form stays open.
 */
final class EnvironmentForm {

    private final FleetSourceViewModel vm;
    private final Messages m;

    EnvironmentForm(FleetSourceViewModel vm, Messages messages) {
        this.vm = vm;
        this.m = messages;
    }

    /** Shows the form over {@code owner}; {@code editing} is null to add an environment. */
    void show(Window owner, Environment editing) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(m.text(editing == null ? "settings.env.addTitle" : "settings.env.editTitle"));

        TextField label = field("settings-env-label", "settings.env.label.prompt");
        ComboBox<AwsProfile> profile = profiles();
        TextField region = field("settings-env-region", "settings.env.region.prompt");
        TextField endpoint = field("settings-env-endpoint", "settings.env.endpoint.prompt");
        TextField queue = field("settings-env-queue", "settings.env.queue.prompt");
        if (editing != null) {
            label.setText(editing.label());
            profile.setValue(profile.getConverter().fromString(editing.profile()));
            region.setText(editing.region());
            endpoint.setText(editing.endpoint() == null ? "" : editing.endpoint().toString());
            queue.setText(editing.eventsQueue() == null ? "" : editing.eventsQueue().toString());
        }
        // Choosing another profile (from the list, or by typing its name) fills in the region it names.
        profile.valueProperty().addListener((o, was, p) -> {
            if (p != null && !p.region().isEmpty() && (was == null || !was.name().equals(p.name()))) {
                region.setText(p.region());
            }
        });

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(labels, fields);
        grid.addRow(0, new Label(m.text("settings.env.label")), label);
        grid.addRow(1, new Label(m.text("settings.env.profile")), profile);
        grid.addRow(2, new Label(m.text("settings.env.region")), region);
        grid.addRow(3, new Label(m.text("settings.env.endpoint")), endpoint);
        grid.addRow(4, new Label(m.text("settings.env.queue")), queue);
        Label note = new Label(m.text("settings.env.note"));
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Label problem = new Label();
        problem.setId("settings-env-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        VBox content = new VBox(14, grid, note, problem);
        content.setPadding(new Insets(8, 4, 4, 4));
        content.setPrefWidth(460);
        dialog.getDialogPane().setContent(content);

        ButtonType ok = new ButtonType(m.text(editing == null ? "settings.env.add" : "settings.env.save"),
                ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ok).setId("settings-env-ok");
        dialog.getDialogPane().lookupButton(ok).addEventFilter(ActionEvent.ACTION, e -> {
            Optional<String> wrong = vm.put(editing, label.getText(), profile.getEditor().getText(),
                    region.getText(), endpoint.getText(), queue.getText());
            if (wrong.isPresent()) {
                problem.setText(wrong.get());
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
                e.consume();
            }
        });
        dialog.setOnShown(e -> label.requestFocus());
        dialog.showAndWait();
    }

    private TextField field(String id, String promptKey) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(m.text(promptKey));
        f.setPrefColumnCount(24);
        return f;
    }

    private ComboBox<AwsProfile> profiles() {
        ComboBox<AwsProfile> box = new ComboBox<>(vm.profiles());
        box.setId("settings-env-profile");
        box.setEditable(true);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setPromptText(m.text("settings.env.profile.prompt"));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(AwsProfile p) {
                return p == null ? "" : p.name();
            }

            @Override
            public AwsProfile fromString(String name) {
                AwsProfile listed = vm.profile(name == null ? "" : name.strip());
                return listed != null ? listed : new AwsProfile(name == null ? "" : name.strip(), "", false);
            }
        });
        box.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(AwsProfile p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : vm.profileText(p));
            }
        });
        return box;
    }
}
