package io.camfleet.console.ui.backup;

import io.camfleet.console.domain.backup.BackupAge;
import io.camfleet.console.domain.backup.BackupOutcome;
import io.camfleet.console.domain.backup.BackupVersion;
import io.camfleet.console.domain.backup.ConfigDiff;
import io.camfleet.console.domain.backup.DiffRow;
import io.camfleet.console.domain.backup.FileDiff;
import io.camfleet.console.domain.backup.RestoreReport;
import io.camfleet.console.service.backup.ConfigBackups;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.ui.common.BackgroundTasks;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One camera's config backups: its versions, two of them side by side (the newest against the one before by
 * default), a backup taken now, and a chosen version restored once the operator confirmed it. Works with no toolkit;
 * the store and the camera are reached on the background tasks, never on the FX thread.
 */
public final class BackupsViewModel {

    private final String cameraId;
    private final ConfigBackups backups;
    private final CameraLink link;
    private final BackgroundTasks tasks;
    private final Messages m;
    private final Clock clock;
    private final Runnable changed;

    private final ObservableList<BackupVersion> versions = FXCollections.observableArrayList();
    private final ObjectProperty<BackupVersion> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> left = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> right = new SimpleObjectProperty<>();
    private final ObservableList<FileDiff> files = FXCollections.observableArrayList();
    private final ObjectProperty<FileDiff> file = new SimpleObjectProperty<>();
    private final ObservableList<DiffRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastBackup = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper comparison = new ReadOnlyStringWrapper("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanBinding canRestore;
    private long diffs;

    /**
     * @param changed told (on the FX thread) after a backup or a restore, so that what shows the last backup's age
     *                reads it again
     */
    public BackupsViewModel(String cameraId, ConfigBackups backups, CameraLink link, BackgroundTasks tasks,
                            Messages messages, Clock clock, Runnable changed) {
        this.cameraId = Objects.requireNonNull(cameraId);
        this.backups = backups;
        this.link = link;
        this.tasks = tasks;
        this.m = messages;
        this.clock = clock;
        this.changed = changed;
        this.canRestore = selected.isNotNull().and(busy.not());
        left.addListener((o, a, b) -> compare());
        right.addListener((o, a, b) -> compare());
        file.addListener((o, a, f) -> rows.setAll(f == null ? List.of() : f.rows()));
    }

    public String cameraId() {
        return cameraId;
    }

    /** Reads the camera's versions; selects the newest two for comparison. */
    public void load() {
        tasks.job(m.text("backup.ui.task.load", cameraId), p -> backups.versions(cameraId)).quiet()
                .onSuccess(this::show)
                .onFailure(this::failed)
                .start();
    }

    private void show(List<BackupVersion> list) {
        versions.setAll(list);
        lastBackup.set(list.isEmpty() ? m.text("backup.ui.never")
                : m.text("backup.ui.last", BackupAge.text(Duration.between(list.getFirst().takenAt(),
                clock.instant())), list.getFirst().number()));
        if (list.isEmpty()) {
            left.set(null);
            right.set(null);
        } else {
            right.set(list.getFirst().number());
            left.set(list.size() > 1 ? list.get(1).number() : list.getFirst().number());
        }
    }

    private void compare() {
        Integer l = left.get();
        Integer r = right.get();
        long run = ++diffs;
        if (l == null || r == null) {
            files.clear();
            file.set(null);
            comparison.set("");
            return;
        }
        tasks.job(m.text("backup.ui.task.diff", cameraId), p -> backups.diff(cameraId, l, r)).quiet()
                .onSuccess(d -> {
                    if (run == diffs) { // a slower older diff must not replace the newer one
                        shown(d);
                    }
                })
                .onFailure(this::failed)
                .start();
    }

    private void shown(ConfigDiff d) {
        List<FileDiff> changedFiles = d.changed();
        files.setAll(changedFiles);
        file.set(changedFiles.isEmpty() ? null : changedFiles.getFirst());
        comparison.set(changedFiles.isEmpty() ? m.text("backup.ui.same", d.older(), d.newer())
                : m.text("backup.ui.differ", changedFiles.size(), d.older(), d.newer()));
    }

    /** Reads the camera's configuration folder now: a new version if it changed. */
    public void backupNow() {
        busy.set(true);
        status.set(m.text("backup.ui.backingUp", cameraId));
        tasks.job(m.text("backup.ui.task.backup", cameraId), p -> backups.backup(
                        List.of(link.target(cameraId)), link.connector(), link.sshUser()).getFirst())
                .onSuccess(o -> {
                    busy.set(false);
                    status.set(switch (o.result()) {
                        case NEW_VERSION -> m.text("backup.cli.new", cameraId, o.version().number(),
                                o.version().files(), o.version().bytes()) + copy(o);
                        case UNCHANGED -> m.text("backup.cli.unchanged", cameraId, o.version().number());
                        case FAILED -> o.problem();
                    });
                    load();
                    changed.run();
                })
                .onFailure(this::failed)
                .start();
    }

    private String copy(BackupOutcome o) {
        return switch (o.version().copy().state()) {
            case FAILED -> " " + m.text("backup.cli.copyFailed", o.version().copy().problem());
            case STORED -> " " + m.text("backup.cli.copied", o.version().copy().key());
            default -> "";
        };
    }

    /** What the operator is asked before {@link #restore()}: what will happen to the camera. */
    public String confirmation() {
        BackupVersion v = selected.get();
        return v == null ? "" : m.text("backup.ui.confirm", cameraId, v.number(), v.files());
    }

    /** Writes the selected version back to the camera; call once the operator confirmed it. */
    public void restore() {
        BackupVersion v = selected.get();
        if (v == null) {
            return;
        }
        busy.set(true);
        status.set(m.text("backup.ui.restoring", cameraId, v.number()));
        tasks.job(m.text("backup.ui.task.restore", cameraId, v.number()), p -> backups.restore(
                        link.target(cameraId), v.number(), true, link.connector(), link.sshUser()))
                .onSuccess((RestoreReport r) -> {
                    busy.set(false);
                    status.set(m.text("backup.cli.restored", cameraId, r.restored(), r.written().size(),
                            r.removed().size(), r.readBack().number()));
                    load();
                    changed.run();
                })
                .onFailure(this::failed)
                .start();
    }

    private void failed(Throwable e) {
        busy.set(false);
        status.set(e instanceof Problem p ? m.text(p) : m.text("backup.ui.failed", String.valueOf(e.getMessage())));
    }

    public ObservableList<BackupVersion> versions() {
        return versions;
    }

    /** The version chosen in the list: the one a restore writes back. */
    public ObjectProperty<BackupVersion> selectedProperty() {
        return selected;
    }

    /** The older side of the comparison, by number. */
    public ObjectProperty<Integer> leftProperty() {
        return left;
    }

    public ObjectProperty<Integer> rightProperty() {
        return right;
    }

    /** The files that differ between the two. */
    public ObservableList<FileDiff> files() {
        return files;
    }

    public ObjectProperty<FileDiff> fileProperty() {
        return file;
    }

    /** The chosen file's rows, side by side. */
    public ObservableList<DiffRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastBackupProperty() {
        return lastBackup.getReadOnlyProperty();
    }

    /** One line on the comparison: how many files differ. */
    public ReadOnlyStringProperty comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return BooleanProperty.readOnlyBooleanProperty(busy);
    }

    public BooleanBinding canRestoreProperty() {
        return canRestore;
    }

    /** The version numbers, newest first, for the comparison's choices. */
    public ObservableList<Integer> numbers() {
        ObservableList<Integer> numbers = FXCollections.observableArrayList();
        versions.addListener((javafx.collections.ListChangeListener<BackupVersion>) c ->
                numbers.setAll(versions.stream().map(BackupVersion::number).toList()));
        numbers.setAll(versions.stream().map(BackupVersion::number).toList());
        return numbers;
    }
}
