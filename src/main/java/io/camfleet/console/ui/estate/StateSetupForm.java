package io.camfleet.console.ui.estate;

import atlantafx.base.theme.Styles;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.environments.Environment;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * What the tab shows for an environment with no Terraform state in the settings: which settings to add, and a small
 * form that writes them (section {@code terraform} of settings.json) and reads the state there.
 */
final class StateSetupForm {

    private final VBox root = new VBox(12);
    private final Label intro = new Label();
    private final TextField bucket = new TextField();
    private final TextField key = new TextField();
    private final TextField region = new TextField();
    private final Label problem = new Label();
    private final StateTabModel model;
    private final Messages m;

    StateSetupForm(StateTabModel model, Messages messages) {
        this.model = model;
        this.m = messages;
        root.setId("estate-state-setup");
        root.setPadding(new Insets(6, 0, 8, 0));
        root.setMaxWidth(720);
        root.setAlignment(Pos.TOP_LEFT);

        Label title = new Label(m.text("estate.state.setup.title"));
        title.getStyleClass().add(Styles.TITLE_4);
        intro.setId("estate-state-setup-intro");
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE);
        bucket.setId("estate-state-bucket");
        bucket.setPromptText("acme-terraform-state");
        key.setId("estate-state-key");
        key.setPromptText("camfleet/prod-eu/terraform.tfstate");
        region.setId("estate-state-region");

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        form.addRow(0, new Label(m.text("estate.state.setup.bucket")), bucket);
        form.addRow(1, new Label(m.text("estate.state.setup.key")), key);
        form.addRow(2, new Label(m.text("estate.state.setup.region")), region);

        Button save = new Button(m.text("estate.state.setup.save"));
        save.setId("estate-state-save");
        save.setDefaultButton(true);
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(bucket.textProperty().isEmpty().or(key.textProperty().isEmpty()));
        save.setOnAction(e -> model.saveLocation(bucket.getText(), key.getText(), region.getText()));

        problem.setId("estate-state-setup-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.textProperty().bind(model.setupProblemProperty());
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        Label hint = new Label(m.text("estate.state.setup.hint"));
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        root.getChildren().addAll(title, intro, form, problem, save, hint);
    }

    VBox root() {
        return root;
    }

    /** Names {@code env} in the sentence and, for the region, proposes the environment's own. */
    void show(Environment env) {
        intro.setText(m.text("estate.state.setup.intro", env.label()));
        region.setPromptText(m.text("estate.state.setup.regionPrompt", env.region()));
        bucket.clear();
        key.clear();
        region.clear();
    }

    /** Puts the cursor in the first field. */
    void focus() {
        bucket.requestFocus();
    }
}
