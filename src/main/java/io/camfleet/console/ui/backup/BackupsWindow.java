package io.camfleet.console.ui.backup;

import io.camfleet.console.service.backup.ConfigBackups;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.ui.common.BackgroundTasks;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Opens a camera's config backups in a window of its own, beside the screen it was asked from (a ticket, the site
 * detail). One window per camera: asking again brings it to the front. The composition root builds one per main
 * window and hands {@link #open(String, Window)} to the screens as a callback; screens never import this package.
 */
public final class BackupsWindow {

    private final Supplier<ConfigBackups> backups;
    private final CameraLink link;
    private final BackgroundTasks tasks;
    private final Messages messages;
    private final ZoneId zone;
    private final Runnable changed;
    private final Map<String, Stage> open = new HashMap<>();

    /**
     * @param backups the open data folder's backups, looked up when a window opens
     * @param changed told after each backup or restore (on the FX thread): what shows the last backup reads again
     */
    public BackupsWindow(Supplier<ConfigBackups> backups, CameraLink link, BackgroundTasks tasks, Messages messages,
                         ZoneId zone, Runnable changed) {
        this.backups = backups;
        this.link = link;
        this.tasks = tasks;
        this.messages = messages;
        this.zone = zone;
        this.changed = changed;
    }

    /** Shows the config backups of camera {@code cameraId}, owned by {@code owner} (may be null). FX thread. */
    public void open(String cameraId, Window owner) {
        Stage shown = open.get(cameraId);
        if (shown != null) {
            shown.toFront();
            shown.requestFocus();
            return;
        }
        BackupsViewModel vm = new BackupsViewModel(cameraId, backups.get(), link, tasks, messages,
                Clock.system(zone), changed);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        BackupsView view = new BackupsView(vm, messages, zone, question -> confirm(stage, cameraId, question));
        stage.setTitle(messages.text("backup.ui.window", cameraId));
        Scene scene = new Scene(view.root(), 1280, 760);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> open.remove(cameraId));
        open.put(cameraId, stage);
        stage.show();
        vm.load();
    }

    /** The restore's question, with Restore as the only way on (Cancel is the default). */
    private boolean confirm(Stage owner, String cameraId, String question) {
        ButtonType restore = new ButtonType(messages.text("backup.ui.restore.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.text("backup.ui.restore.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, cancel, restore);
        alert.initOwner(owner);
        alert.setTitle(messages.text("backup.ui.restore.title", cameraId));
        alert.setHeaderText(messages.text("backup.ui.restore.title", cameraId));
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(restore)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        Optional<ButtonType> answer = alert.showAndWait();
        return answer.isPresent() && answer.get() == restore;
    }
}
