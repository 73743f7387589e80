package io.camfleet.console.ui.backup;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.camfleet.console.domain.backup.BackupVersion;
import io.camfleet.console.domain.backup.DiffRow;
import io.camfleet.console.domain.backup.FileDiff;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.ui.common.Cells;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One camera's config backups: its versions on the left with the files that differ between the two compared, the
 * chosen file side by side on the right (older left, newer right), and the actions: back up now, restore the selected
 * version (asked first, by {@link BackupsWindow}).
 */
public final class BackupsView {

    private final BackupsViewModel vm;
    private final Messages m;
    private final DateTimeFormatter when;
    private final Predicate<String> confirm;
    private final Parent root;

    /**
     * @param confirm asks the operator the question given and says whether they agreed (a dialog in the window,
     *                an answer in tests)
     */
    public BackupsView(BackupsViewModel vm, Messages messages, ZoneId zone, Predicate<String> confirm) {
        this.vm = vm;
        this.m = messages;
        this.when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(zone);
        this.confirm = confirm;
        this.root = build();
    }

    public Parent root() {
        return root;
    }

    private Parent build() {
        Label title = new Label(m.text("backup.ui.title", vm.cameraId()), new FontIcon(Material2AL.HISTORY));
        title.getStyleClass().add(Styles.TITLE_4);
        Label last = new Label();
        last.setId("backup-last");
        last.getStyleClass().add(Styles.TEXT_MUTED);
        last.textProperty().bind(vm.lastBackupProperty());
        Button now = new Button(m.text("backup.ui.backupNow"), new FontIcon(Material2AL.BACKUP));
        now.setId("backup-now");
        now.disableProperty().bind(vm.busyProperty());
        now.setOnAction(e -> vm.backupNow());
        Button restore = new Button(m.text("backup.ui.restore"), new FontIcon(Material2MZ.RESTORE));
        restore.setId("backup-restore");
        restore.getStyleClass().add(Styles.DANGER);
        restore.setTooltip(new Tooltip(m.text("backup.ui.restore.tip")));
        restore.disableProperty().bind(vm.canRestoreProperty().not());
        restore.setOnAction(e -> {
            if (confirm.test(vm.confirmation())) {
                vm.restore();
            }
        });
        HBox header = new HBox(12, title, last, new Spacer(), now, restore);
        header.setAlignment(Pos.CENTER_LEFT);

        SplitPane split = new SplitPane(left(), diffTable());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.47);
        VBox.setVgrow(split, Priority.ALWAYS);

        Label status = new Label();
        status.setId("backup-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());

        BorderPane pane = new BorderPane(split, header, null, status, null);
        BorderPane.setMargin(header, new Insets(0, 0, 10, 0));
        BorderPane.setMargin(status, new Insets(8, 0, 0, 0));
        pane.setPadding(new Insets(14));
        pane.getStyleClass().add("backups");
        pane.getStylesheets().add(BackupsView.class.getResource("backups.css").toExternalForm());
        return pane;
    }

    private VBox left() {
        TableView<BackupVersion> versions = new TableView<>(vm.versions());
        versions.setId("backup-versions");
        versions.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE, Styles.DENSE);
        versions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        versions.setPlaceholder(new Label(m.text("backup.ui.none")));
        versions.getColumns().setAll(java.util.List.of(
                column("backup.ui.col.version", 78, v -> "v" + v.number(), "mono"),
                column("backup.ui.col.taken", 140, v -> when.format(v.takenAt()), "mono"),
                column("backup.ui.col.by", 64, BackupVersion::takenBy),
                column("backup.ui.col.files", 52, v -> Integer.toString(v.files()), "numeric"),
                column("backup.ui.col.size", 80, v -> String.format(m.locale(), "%,d B", v.bytes()), "numeric"),
                column("backup.ui.col.note", 140, this::note)));
        versions.getSelectionModel().selectedItemProperty().addListener((o, a, v) -> vm.selectedProperty().set(v));
        VBox.setVgrow(versions, Priority.ALWAYS);

        ComboBox<Integer> older = choice(vm.leftProperty(), "backup-left");
        ComboBox<Integer> newer = choice(vm.rightProperty(), "backup-right");
        HBox compare = new HBox(8, new Label(m.text("backup.ui.compare")), older, new Label("→"), newer);
        compare.setAlignment(Pos.CENTER_LEFT);
        Label comparison = new Label();
        comparison.getStyleClass().add(Styles.TEXT_MUTED);
        comparison.textProperty().bind(vm.comparisonProperty());

        ListView<FileDiff> files = new ListView<>(vm.files());
        files.setId("backup-files");
        files.setPrefHeight(170);
        files.setPlaceholder(new Label(m.text("backup.ui.noChanges")));
        files.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(FileDiff f, boolean empty) {
                super.updateItem(f, empty);
                getStyleClass().removeAll("file-ADDED", "file-REMOVED", "file-CHANGED");
                if (empty || f == null) {
                    setText(null);
                    return;
                }
                setText(f.path() + "   (" + m.text("backup.change." + f.change().name())
                        + (f.binary() ? ", " + m.text("backup.ui.binary") : "") + ")");
                getStyleClass().add("file-" + f.change().name());
            }
        });
        files.getSelectionModel().selectedItemProperty().addListener((o, a, f) -> {
            if (f != null) {
                vm.fileProperty().set(f);
            }
        });
        vm.fileProperty().addListener((o, a, f) -> files.getSelectionModel().select(f));

        VBox left = new VBox(8, versions, compare, comparison, files);
        left.setPadding(new Insets(0, 10, 0, 0));
        return left;
    }

    private String note(BackupVersion v) {
        String copy = switch (v.copy().state()) {
            case STORED -> "S3";
            case FAILED -> m.text("backup.cli.s3Failed");
            case PENDING -> m.text("backup.cli.s3Pending");
            case NONE -> "";
        };
        String restored = v.afterRestore() ? m.text("backup.ui.restoredFrom", v.restoredFrom()) : "";
        return (restored + " " + copy).strip();
    }

    private ComboBox<Integer> choice(javafx.beans.property.ObjectProperty<Integer> side, String id) {
        ComboBox<Integer> box = new ComboBox<>(vm.numbers());
        box.setId(id);
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null ? "" : "v" + n;
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(side);
        return box;
    }

    private TableView<DiffRow> diffTable() {
        TableView<DiffRow> rows = new TableView<>(vm.rows());
        rows.setId("backup-diff");
        rows.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, Styles.DENSE, "diff");
        rows.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        rows.setPlaceholder(new Label(m.text("backup.ui.pickFile")));
        TableColumn<DiffRow, DiffRow> leftNo = diffColumn("", 44, r -> r.leftLine() == 0 ? "" : "" + r.leftLine(),
                "line-no");
        TableColumn<DiffRow, DiffRow> leftText = diffColumn(m.text("backup.ui.older"), 330, DiffRow::left, "mono");
        TableColumn<DiffRow, DiffRow> rightNo = diffColumn("", 44,
                r -> r.rightLine() == 0 ? "" : "" + r.rightLine(), "line-no");
        TableColumn<DiffRow, DiffRow> rightText = diffColumn(m.text("backup.ui.newer"), 330, DiffRow::right, "mono");
        leftText.textProperty().bind(vm.leftProperty().map(n -> m.text("backup.ui.side", n)).orElse(""));
        rightText.textProperty().bind(vm.rightProperty().map(n -> m.text("backup.ui.side", n)).orElse(""));
        rows.getColumns().setAll(java.util.List.of(leftNo, leftText, rightNo, rightText));
        rows.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(DiffRow r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().removeAll("diff-ADDED", "diff-REMOVED", "diff-CHANGED");
                if (!empty && r != null && r.change() != DiffRow.Change.SAME) {
                    getStyleClass().add("diff-" + r.change().name());
                }
            }
        });
        return rows;
    }

    private TableColumn<BackupVersion, BackupVersion> column(String key, double width,
                                                            Function<BackupVersion, String> text,
                                                            String... styles) {
        TableColumn<BackupVersion, BackupVersion> col = new TableColumn<>(m.text(key));
        col.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        col.setCellFactory(c -> Cells.text(text, styles));
        col.setPrefWidth(width);
        col.setMinWidth(width);
        col.setSortable(false);
        return col;
    }

    private static TableColumn<DiffRow, DiffRow> diffColumn(String title, double width, Function<DiffRow, String> text,
                                                            String style) {
        TableColumn<DiffRow, DiffRow> col = new TableColumn<>(title);
        col.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        col.setCellFactory(c -> Cells.text(text, style));
        col.setPrefWidth(width);
        col.setMinWidth(width == 44 ? 44 : 120);
        col.setSortable(false);
        return col;
    }
}
