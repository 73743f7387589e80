package io.camfleet.console.ui.settings;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.environments.SourceSettings.Kind;
import io.camfleet.console.ui.settings.FleetSourceViewModel.Check;
import javafx.beans.binding.Bindings;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.io.File;
import java.util.List;
import java.util.function.Function;

/**
 * Settings, Fleet source: the demo fleet, AWS environments (a table with Add / Edit / Remove and a Test that asks
 * AWS who the console is there), or an imported site registry file.
 */
final class FleetSourceTab {

    /** Room for the text under a choice, lined up with the choice's text rather than its circle. */
    private static final Insets UNDER_CHOICE = new Insets(0, 0, 0, 28);

    private final FleetSourceViewModel vm;
    private final Messages m;
    private final Tab tab;
    private final VBox content = new VBox(10);
    private final TableView<Environment> table = new TableView<>();
    private final ProgressIndicator checkSpinner = new ProgressIndicator();
    private final Label checkText = new Label();

    FleetSourceTab(FleetSourceViewModel vm, Messages messages) {
        this.vm = vm;
        this.m = messages;
        ToggleGroup kinds = new ToggleGroup();
        RadioButton demo = choice(kinds, Kind.DEMO, "settings.source.demo", "settings-source-demo");
        RadioButton aws = choice(kinds, Kind.AWS, "settings.source.aws", "settings-source-aws");
        RadioButton file = choice(kinds, Kind.IMPORT, "settings.source.import", "settings-source-import");
        kinds.getToggles().stream().filter(t -> t.getUserData() == vm.kindProperty().get()).findFirst()
                .ifPresent(kinds::selectToggle);
        kinds.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                kinds.selectToggle(was); // a radio group always has a choice
            } else {
                vm.kindProperty().set((Kind) now.getUserData());
            }
        });

        Node awsPart = buildAws();
        awsPart.disableProperty().bind(vm.kindProperty().isNotEqualTo(Kind.AWS));
        Node filePart = buildImport();
        filePart.disableProperty().bind(vm.kindProperty().isNotEqualTo(Kind.IMPORT));

        Label problem = new Label();
        problem.setId("settings-source-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        problem.textProperty().bind(vm.problemProperty());
        problem.managedProperty().bind(vm.problemProperty().isNotEmpty());

        Label demoNote = note("settings.source.demo.note");
        VBox.setMargin(demoNote, UNDER_CHOICE);
        content.getChildren().addAll(demo, demoNote, aws, awsPart, file, filePart, problem);
        VBox.setMargin(aws, new Insets(6, 0, 0, 0));
        VBox.setMargin(file, new Insets(6, 0, 0, 0));
        content.setPadding(new Insets(16, 16, 12, 16));
        tab = new Tab(m.text("settings.tab.source"), content);
        tab.setId("settings-tab-source");
    }

    Tab tab() {
        return tab;
    }

    private RadioButton choice(ToggleGroup group, Kind kind, String key, String id) {
        RadioButton b = new RadioButton(m.text(key));
        b.setToggleGroup(group);
        b.setUserData(kind);
        b.setId(id);
        b.getStyleClass().add("source-choice");
        b.setStyle("-fx-font-weight: bold;");
        return b;
    }

    /** Muted small text under a choice, wrapped (and as tall as its lines need). */
    private Label note(String key) {
        Label note = new Label(m.text(key));
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return note;
    }

    // --- AWS environments -------------------------------------------------------------------------------------

    private Node buildAws() {
        table.setId("settings-environments");
        table.getStyleClass().addAll(Styles.BORDERED, Tweaks.EDGE_TO_EDGE);
        table.setItems(vm.environments());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setFixedCellSize(30);
        table.setPrefHeight(30 * 4 + 34);
        table.setMinHeight(30 * 2 + 34);
        Label empty = note("settings.source.empty");
        empty.setPadding(new Insets(0, 20, 0, 20));
        table.setPlaceholder(empty);
        table.getColumns().setAll(List.of(
                text("settings.source.col.label", 90, Environment::label),
                text("settings.source.col.profile", 100, Environment::profileOrDefault),
                text("settings.source.col.region", 95, Environment::region),
                text("settings.source.col.endpoint", 130,
                        e -> e.endpoint() == null ? m.text("settings.source.endpoint.aws") : e.endpoint().toString()),
                checkColumn()));
        table.setRowFactory(t -> {
            TableRow<Environment> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    edit(row.getItem());
                }
            });
            return row;
        });

        Button add = button("settings.source.add", "settings-source-add", new FontIcon(Material2AL.ADD));
        add.setOnAction(e -> edit(null));
        Button edit = button("settings.source.edit", "settings-source-edit", new FontIcon(Material2AL.EDIT));
        edit.setOnAction(e -> edit(selected()));
        Button remove = button("settings.source.remove", "settings-source-remove", new FontIcon(Material2AL.DELETE));
        remove.setOnAction(e -> vm.remove(selected()));
        Button test = button("settings.source.test", "settings-source-test", new FontIcon(Material2MZ.NETWORK_CHECK));
        test.setTooltip(new Tooltip(m.text("settings.source.test.tip")));
        test.setOnAction(e -> vm.test(selected()));
        var none = table.getSelectionModel().selectedItemProperty().isNull();
        edit.disableProperty().bind(none);
        remove.disableProperty().bind(none);
        test.disableProperty().bind(none.or(Bindings.createBooleanBinding(() -> {
            Check c = vm.checks().get(selected());
            return c != null && c.state() == Check.State.RUNNING;
        }, vm.checks(), table.getSelectionModel().selectedItemProperty())));
        HBox buttons = new HBox(8, add, edit, remove, new Spacer(), test);
        buttons.setAlignment(Pos.CENTER_LEFT);

        // The selected environment's test, in full: a refusal is a sentence that does not fit in a cell.
        checkSpinner.setPrefSize(16, 16);
        checkSpinner.setMaxSize(16, 16);
        checkText.setId("settings-source-check");
        checkText.setWrapText(true);
        checkText.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(checkText, Priority.ALWAYS);
        HBox checkLine = new HBox(8, checkSpinner, checkText);
        checkLine.setAlignment(Pos.CENTER_LEFT);
        checkLine.managedProperty().bind(checkText.textProperty().isNotEmpty());
        checkLine.visibleProperty().bind(checkLine.managedProperty());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showCheck());
        vm.checks().addListener((MapChangeListener<Environment, Check>) c -> showCheck());
        showCheck();

        FontIcon key = new FontIcon(Material2AL.INFO);
        key.getStyleClass().add(Styles.TEXT_MUTED);
        Label credentials = new Label(m.text("settings.source.credentials"), key);
        credentials.setId("settings-source-credentials");
        credentials.setWrapText(true);
        credentials.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        credentials.setMinHeight(Region.USE_PREF_SIZE);

        Label intro = note("settings.source.aws.note");
        VBox part = new VBox(8, intro, table, buttons, checkLine, credentials);
        VBox.setMargin(part, UNDER_CHOICE);
        return part;
    }

    private Environment selected() {
        return table.getSelectionModel().getSelectedItem();
    }

    private void edit(Environment editing) {
        int before = vm.environments().size();
        int at = editing == null ? -1 : vm.environments().indexOf(editing);
        new EnvironmentForm(vm, m).show(content.getScene().getWindow(), editing);
        // Select what was added or changed: it is the one the operator will test next.
        if (editing == null && vm.environments().size() > before) {
            table.getSelectionModel().select(vm.environments().size() - 1);
        } else if (at >= 0) {
            table.getSelectionModel().select(at);
        }
    }

    private void showCheck() {
        Environment e = selected();
        Check c = e == null ? null : vm.checks().get(e);
        checkText.setText(c == null ? "" : c.text());
        checkSpinner.setVisible(c != null && c.state() == Check.State.RUNNING);
        checkSpinner.setManaged(checkSpinner.isVisible());
        checkText.setGraphic(c == null || c.state() == Check.State.RUNNING ? null : checkIcon(c));
        checkText.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
        if (c != null && c.state() != Check.State.RUNNING) {
            checkText.getStyleClass().add(c.state() == Check.State.PASSED ? Styles.SUCCESS : Styles.DANGER);
        }
    }

    private static FontIcon checkIcon(Check c) {
        FontIcon icon = new FontIcon(c.state() == Check.State.PASSED ? Material2AL.CHECK_CIRCLE : Material2AL.ERROR);
        icon.getStyleClass().add(c.state() == Check.State.PASSED ? Styles.SUCCESS : Styles.DANGER);
        return icon;
    }

    private TableColumn<Environment, String> text(String key, double width, Function<Environment, String> value) {
        TableColumn<Environment, String> col = new TableColumn<>(m.text(key));
        col.setCellValueFactory(f -> Bindings.createStringBinding(() -> value.apply(f.getValue())));
        col.setPrefWidth(width);
        col.setMinWidth(60);
        col.setSortable(false);
        return col;
    }

    private TableColumn<Environment, Check> checkColumn() {
        TableColumn<Environment, Check> col = new TableColumn<>(m.text("settings.source.col.check"));
        col.setCellValueFactory(f -> Bindings.valueAt(vm.checks(), f.getValue()));
        col.setCellFactory(c -> new TableCell<>() {
            private final ProgressIndicator spinner = new ProgressIndicator();

            {
                spinner.setPrefSize(14, 14);
                spinner.setMaxSize(14, 14);
            }

            @Override
            protected void updateItem(Check check, boolean empty) {
                super.updateItem(check, empty);
                if (empty || check == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                setText(check.text());
                setGraphic(check.state() == Check.State.RUNNING ? spinner : checkIcon(check));
                setTooltip(new Tooltip(check.text()));
            }
        });
        col.setPrefWidth(330);
        col.setSortable(false);
        return col;
    }

    private Button button(String key, String id, Node icon) {
        Button b = new Button(m.text(key), icon);
        b.setId(id);
        b.getStyleClass().add(Styles.SMALL);
        return b;
    }

    // --- imported file ----------------------------------------------------------------------------------------

    private Node buildImport() {
        TextField path = new TextField();
        path.setId("settings-source-file");
        path.setPromptText(m.text("settings.source.import.prompt"));
        path.textProperty().bindBidirectional(vm.importFileProperty());
        HBox.setHgrow(path, Priority.ALWAYS);
        Button choose = new Button(m.text("settings.source.import.choose"), new FontIcon(Material2AL.FOLDER_OPEN));
        choose.setId("settings-source-choose");
        choose.setOnAction(e -> chooseFile());
        HBox row = new HBox(8, path, choose);
        row.setAlignment(Pos.CENTER_LEFT);
        Label intro = note("settings.source.import.note");
        VBox part = new VBox(8, intro, row);
        VBox.setMargin(part, UNDER_CHOICE);
        return part;
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(m.text("settings.source.import.chooser"));
        chooser.getExtensionFilters().add(
                new FileChooser.ExtensionFilter(m.text("settings.source.import.filter"), "*.csv", "*.json"));
        String current = vm.importFileProperty().get();
        if (current != null && !current.isBlank()) {
            File parent = new File(current.strip()).getParentFile();
            if (parent != null && parent.isDirectory()) {
                chooser.setInitialDirectory(parent);
            }
        }
        File chosen = chooser.showOpenDialog(content.getScene().getWindow());
        if (chosen != null) {
            vm.importFileProperty().set(chosen.getAbsolutePath());
        }
    }
}
