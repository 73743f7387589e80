package io.camfleet.console.ui.estate;

import atlantafx.base.theme.Styles;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.images.ImageBuild;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Build an image: the builder instance, the name and tags, and whether to patch the builder first with
 * AWS-RunPatchBaseline (its result is shown, and a failed patch stops before CreateImage). Then the wait for the new
 * image with its progress against the timeout; "Stop waiting" ends the wait, not EC2's build. It ends in one
 * sentence: the new image id, or why not.
 */
final class ImageBuildDialog {

    private final Dialog<ButtonType> dialog;
    private final ImageActionRunner runner;
    private final Messages m;
    private final TextField builder = new TextField();
    private final TextField name = new TextField();
    private final TextArea tags = new TextArea();
    private final CheckBox patchFirst;
    private final Label patchResult = line("images-build-patch");
    private final Label result = line("images-build-result");
    private final Label step = line("images-build-step");
    private final ProgressBar progress = new ProgressBar(0);
    private final Button go;
    private final Button stop;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private ImageBuildDialog(Window owner, Messages m, ImageActionRunner runner, String suggestedName,
                             Map<String, String> suggestedTags) {
        this.m = m;
        this.runner = runner;
        dialog = ImageActionDialogs.dialog(owner, m.text("estate.images.build.title"),
                m.text("estate.images.build.header"));
        dialog.getDialogPane().setPrefWidth(680);
        dialog.getDialogPane().setMinWidth(680);
        dialog.setResizable(true);
        ButtonType start = new ButtonType(m.text("estate.images.build.go"), ButtonBar.ButtonData.OK_DONE);
        ButtonType wait = new ButtonType(m.text("estate.images.build.stop"), ButtonBar.ButtonData.OTHER);
        dialog.getDialogPane().getButtonTypes().setAll(start, wait, ButtonType.CLOSE);
        go = (Button) dialog.getDialogPane().lookupButton(start);
        go.setId("images-build-go");
        go.getStyleClass().add(Styles.ACCENT);
        stop = (Button) dialog.getDialogPane().lookupButton(wait);
        stop.setId("images-build-stop");
        stop.setDisable(true);

        builder.setId("images-build-builder");
        builder.setPromptText("i-0123456789abcdef0");
        name.setId("images-build-name");
        name.setText(suggestedName);
        tags.setId("images-build-tags");
        tags.setPrefRowCount(4);
        tags.setPromptText(m.text("estate.images.build.tags.prompt"));
        StringBuilder t = new StringBuilder();
        suggestedTags.forEach((k, v) -> t.append(k).append('=').append(v).append('\n'));
        tags.setText(t.toString().strip());
        patchFirst = new CheckBox(m.text("estate.images.build.patchFirst"));
        patchFirst.setId("images-build-patch-first");
        patchFirst.setSelected(true);
        GridPane form = new GridPane(10, 8);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        form.getColumnConstraints().addAll(labels, new javafx.scene.layout.ColumnConstraints());
        form.addRow(0, new Label(m.text("estate.images.build.builder")), builder);
        form.addRow(1, new Label(m.text("estate.images.build.name")), name);
        form.addRow(2, new Label(m.text("estate.images.build.tags")), tags);
        form.add(patchFirst, 1, 3);
        GridPane.setHgrow(builder, javafx.scene.layout.Priority.ALWAYS);
        progress.setId("images-build-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setVisible(false);
        progress.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        progress.managedProperty().bind(progress.visibleProperty());
        // the dialog grows with the lines that appear (the patch's result, the build's end), never squeezing them
        for (Label l : List.of(step, patchResult, result)) {
            l.textProperty().addListener((o, was, now) -> javafx.application.Platform.runLater(this::fit));
        }
        VBox body = new VBox(10, form, step, progress, patchResult, result);
        body.setPadding(new Insets(10, 10, 0, 10));
        dialog.getDialogPane().setContent(body);

        // Build and Stop waiting act in place: the dialog stays open to show the progress and the end
        go.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            begin();
        });
        // closing stops the wait too: EC2 goes on building, and nothing polls for a dialog no one sees
        dialog.setOnHidden(e -> stopped.set(true));
        stop.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            stopped.set(true);
            stop.setDisable(true);
        });
    }

    static void show(Window owner, Messages m, ImageActionRunner runner, String suggestedName,
                     Map<String, String> suggestedTags) {
        new ImageBuildDialog(owner, m, runner, suggestedName, suggestedTags).dialog.showAndWait();
    }

    private void fit() {
        var scene = dialog.getDialogPane().getScene();
        if (scene != null && scene.getWindow() != null) {
            scene.getWindow().sizeToScene();
        }
    }

    private void begin() {
        Map<String, String> tagged = new LinkedHashMap<>();
        for (String line : tags.getText().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 1) {
                result.setText(m.text("estate.images.build.badTag", line.strip()));
                result.getStyleClass().setAll("label", Styles.DANGER);
                return;
            }
            tagged.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        working(true);
        patchResult.setText("");
        result.setText("");
        String instance = builder.getText().strip();
        if (!patchFirst.isSelected()) {
            create(instance, tagged);
            return;
        }
        var task = runner.patch(instance, run -> {
            patchResult.setText(m.text(run.succeeded() ? "estate.images.build.patched"
                    : "estate.images.build.patchFailed", run.status(), run.exitCode(), run.commandId()));
            patchResult.getStyleClass().setAll("label", run.succeeded() ? Styles.SUCCESS : Styles.DANGER);
            if (run.succeeded()) {
                create(instance, tagged);
            } else {
                working(false);
            }
        }, this::failed);
        follow(task);
    }

    private void create(String instance, Map<String, String> tagged) {
        stopped.set(false);
        stop.setDisable(false);
        String imageName = name.getText().strip();
        follow(runner.build(instance, imageName, tagged, stopped::get, b -> ended(b, imageName), this::failed));
    }

    private void ended(ImageBuild b, String imageName) {
        working(false);
        result.setText(runner.result(b, imageName));
        result.getStyleClass().setAll("label",
                b.result() == ImageBuild.Result.AVAILABLE ? Styles.SUCCESS : Styles.WARNING);
    }

    private void failed(String sentence) {
        working(false);
        result.setText(sentence);
        result.getStyleClass().setAll("label", Styles.DANGER);
    }

    private void follow(javafx.concurrent.Task<?> task) {
        progress.progressProperty().unbind();
        step.textProperty().unbind();
        if (task != null) {
            progress.progressProperty().bind(task.progressProperty());
            step.textProperty().bind(task.messageProperty());
        }
    }

    private void working(boolean on) {
        go.setDisable(on);
        builder.setDisable(on);
        name.setDisable(on);
        tags.setDisable(on);
        patchFirst.setDisable(on);
        progress.setVisible(on);
        javafx.application.Platform.runLater(this::fit);
        if (!on) {
            stop.setDisable(true);
            step.textProperty().unbind();
            step.setText("");
        }
    }

    private static Label line(String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        return l;
    }
}
