package io.camfleet.console.ui.estate;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import io.camfleet.console.domain.findings.PatchCompliance;
import io.camfleet.console.domain.findings.Severity;
import io.camfleet.console.domain.findings.SeverityCounts;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.findings.FindingRow;
import io.camfleet.console.ui.common.FleetFilterBar;
import io.camfleet.console.ui.common.RelativeTime;
import io.camfleet.console.ui.common.SearchField;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The controls of the Patches & findings tab, laid out: a notice line, then patch compliance over the findings in a
 * split pane. It shows the model; {@link FindingsTab} wires the buttons to the services.
 */
final class FindingsTabView {

    final VBox root = new VBox(8);
    final Button readPatches = new Button();
    final Button importPatches = new Button();
    final Button readInspector = new Button();
    final Button importFindings = new Button();
    final Button accept = new Button();
    final Button cancel = new Button();
    final TextField search;
    final FindingsTable table;
    private final Label notice = new Label();
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Label progressText = new Label();
    private final HBox busy;
    private final PatchTable patchTable;
    private final Label patchAsOf = new Label();
    private final Label patchTotals = new Label();
    private final ToggleButton perImage = new ToggleButton();
    private final Label findingsAsOf = new Label();
    private final CheckBox showAccepted = new CheckBox();
    private final Map<Severity, ToggleButton> chips = new EnumMap<>(Severity.class);
    private final FindingsTabModel model;
    private final Messages m;
    private final Clock clock;
    private final DateTimeFormatter time;
    private boolean working;
    private Environment environment;

    FindingsTabView(FindingsTabModel model, Messages m, ZoneId zone, Clock clock) {
        this.model = model;
        this.m = m;
        this.clock = clock;
        this.time = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", m.locale()).withZone(zone);
        root.setId("estate-findings");
        root.setPadding(new Insets(10, 0, 0, 0));
        notice.setId("estate-findings-notice");
        notice.setWrapText(true);
        notice.setVisible(false);
        notice.managedProperty().bind(notice.visibleProperty());
        progress.setPrefSize(18, 18);
        cancel.setText(m.text("estate.findings.cancel"));
        cancel.setId("estate-findings-cancel");
        cancel.getStyleClass().add(Styles.SMALL);
        busy = new HBox(8, progress, progressText, cancel);
        busy.setId("estate-findings-busy");
        busy.setAlignment(Pos.CENTER_LEFT);
        busy.setVisible(false);
        busy.managedProperty().bind(busy.visibleProperty());

        button(readPatches, "estate-findings-read-patches", "estate.findings.patches.read.button");
        button(importPatches, "estate-findings-import-patches", "estate.findings.patches.import.button");
        button(readInspector, "estate-findings-read-inspector", "estate.findings.inspector.button");
        button(importFindings, "estate-findings-import", "estate.findings.import.button");
        button(accept, "estate-findings-accept", "estate.findings.accept.button");
        readPatches.getStyleClass().add(Styles.ACCENT);
        readInspector.getStyleClass().add(Styles.ACCENT);
        readPatches.setTooltip(new Tooltip(m.text("estate.findings.patches.read.tip")));
        readInspector.setTooltip(new Tooltip(m.text("estate.findings.inspector.tip")));

        patchTable = new PatchTable(m);
        perImage.setText(m.text("estate.findings.patches.perImage"));
        perImage.setId("estate-findings-per-image");
        perImage.getStyleClass().add(Styles.RIGHT_PILL);
        ToggleButton perCamera = new ToggleButton(m.text("estate.findings.patches.perCamera"));
        perCamera.setId("estate-findings-per-camera");
        perCamera.getStyleClass().add(Styles.LEFT_PILL);
        ToggleGroup by = new ToggleGroup();
        perCamera.setToggleGroup(by);
        perImage.setToggleGroup(by);
        perCamera.setSelected(true);
        // one of the two is always pressed
        by.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else {
                showPatches();
            }
        });
        HBox byWhat = new HBox(perCamera, perImage);
        patchTotals.setId("estate-findings-patch-totals");
        patchTotals.getStyleClass().add(Styles.TEXT_BOLD);
        patchAsOf.setId("estate-findings-patch-asof");
        patchAsOf.getStyleClass().add(Styles.TEXT_MUTED);
        TextField patchSearch = SearchField.create(m, "estate.findings.patches.search");
        patchSearch.setId("estate-findings-patch-search");
        patchSearch.setPrefWidth(220);
        patchSearch.textProperty().addListener((o, a, b) -> {
            model.patchSearch(b);
            showPatches();
        });
        HBox patchHead = new HBox(10, heading("estate.findings.patches.title"), byWhat, patchSearch, new Spacer(),
                patchAsOf, readPatches, importPatches);
        patchHead.setAlignment(Pos.CENTER_LEFT);
        VBox patchPane = new VBox(6, patchHead, patchTotals, patchTable.table());
        VBox.setVgrow(patchTable.table(), Priority.ALWAYS);

        table = new FindingsTable(m, zone, m.text("estate.findings.empty"));
        table.table().getSelectionModel().selectedItemProperty().addListener((o, a, b) -> enable());
        findingsAsOf.setId("estate-findings-asof");
        findingsAsOf.getStyleClass().add(Styles.TEXT_MUTED);
        findingsAsOf.setWrapText(true);
        HBox findingsHead = new HBox(10, heading("estate.findings.title"), new Spacer(), findingsAsOf,
                readInspector, importFindings);
        findingsHead.setAlignment(Pos.CENTER_LEFT);
        search = SearchField.create(m, "estate.findings.search");
        search.setId("estate-findings-search");
        search.setPrefWidth(340);
        search.textProperty().addListener((o, a, b) -> {
            model.search(b);
            showFindings();
        });
        showAccepted.setText(m.text("estate.findings.showAccepted"));
        showAccepted.setId("estate-findings-show-accepted");
        showAccepted.setOnAction(e -> {
            model.showAccepted(showAccepted.isSelected());
            showFindings();
        });
        HBox filters = new HBox(10, chips(), new Spacer(), search, showAccepted, accept);
        filters.setAlignment(Pos.CENTER_LEFT);
        VBox findingsPane = new VBox(6, findingsHead, filters, table.table());
        VBox.setVgrow(table.table(), Priority.ALWAYS);

        SplitPane split = new SplitPane(patchPane, findingsPane);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.38);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(notice, busy, split);
        enable();
    }

    private HBox chips() {
        HBox pane = new HBox(6);
        pane.getStyleClass().add("fleet-filter");
        pane.getStylesheets().add(FleetFilterBar.class.getResource("fleet-filter.css").toExternalForm());
        pane.setAlignment(Pos.CENTER_LEFT);
        Label open = new Label(m.text("estate.findings.chips"));
        open.getStyleClass().add(Styles.TEXT_MUTED);
        pane.getChildren().add(open);
        ToggleGroup group = new ToggleGroup();
        for (Severity s : Severity.values()) {
            ToggleButton chip = new ToggleButton();
            chip.setId("estate-findings-chip-" + s.name());
            chip.getStyleClass().add("chip");
            chip.setToggleGroup(group);
            chip.setTooltip(new Tooltip(m.text("estate.findings.chip.tip", m.text("estate.findings.severity."
                    + s.name()))));
            chip.setOnAction(e -> {
                model.severity(chip.isSelected() ? s : null);
                showFindings();
            });
            chips.put(s, chip);
            pane.getChildren().add(chip);
        }
        pane.setMinWidth(Region.USE_PREF_SIZE);
        return pane;
    }

    private Label heading(String key) {
        Label l = new Label(m.text(key));
        l.getStyleClass().add(Styles.TITLE_4);
        return l;
    }

    private void button(Button b, String id, String key) {
        b.setId(id);
        b.setText(m.text(key));
    }

    void environment(Environment env) {
        environment = env;
        enable();
    }

    /** Shows the model's snapshot again: both tables, the counts, the "as of" lines. */
    void refresh() {
        FindingsTabModel.Snapshot s = model.snapshot();
        Instant now = clock.instant();
        patchAsOf.setText(s.lastScan().map(t -> m.text("estate.findings.patches.asOf", time.format(t),
                RelativeTime.format(t, now, m))).orElse(m.text("estate.findings.patches.asOf.never")));
        findingsAsOf.setText(s.importedAt().isEmpty() ? m.text("estate.findings.asOf.never")
                : m.text("estate.findings.asOf", s.importedAt().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> m.text("estate.findings.asOf.source", e.getKey(), time.format(e.getValue())))
                .collect(Collectors.joining("; "))));
        showPatches();
        showFindings();
    }

    private void showPatches() {
        patchTable.show(model.patches(perImage.isSelected()), perImage.isSelected());
        PatchCompliance t = model.totals();
        patchTotals.setText(t.reported() == 0 ? m.text("estate.findings.patches.totals.none", t.cameras())
                : m.text("estate.findings.patches.totals", t.compliancePercent(), t.missingSecurity(), t.missing(),
                t.installed(), t.reported(), t.cameras()));
    }

    private void showFindings() {
        SeverityCounts open = model.openCounts();
        chips.forEach((s, chip) -> {
            chip.setText(m.text("estate.findings.chip", m.text("estate.findings.severity." + s.name()),
                    open.of(s)));
            chip.pseudoClassStateChanged(PseudoClass.getPseudoClass("none"), open.of(s) == 0);
        });
        showAccepted.setText(m.text("estate.findings.showAccepted", model.accepted()));
        FindingRow selected = table.table().getSelectionModel().getSelectedItem();
        table.table().getItems().setAll(model.visible());
        table.table().sort();
        if (selected != null) {
            table.table().getItems().stream().filter(r -> r.finding().id().equals(selected.finding().id()))
                    .findFirst().ifPresent(r -> table.table().getSelectionModel().select(r));
        }
        enable();
    }

    void busy(String what) {
        working = true;
        progressText.setText(what);
        busy.setVisible(true);
        notice.setVisible(false);
        enable();
    }

    void idle() {
        working = false;
        busy.setVisible(false);
        enable();
    }

    void notice(String sentence) {
        say(sentence, false);
    }

    void problem(String sentence) {
        say(sentence, true);
    }

    private void say(String sentence, boolean bad) {
        notice.setText(sentence);
        notice.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
        notice.getStyleClass().add(bad ? Styles.DANGER : Styles.SUCCESS);
        notice.setVisible(true);
    }

    private void enable() {
        readPatches.setDisable(working || environment == null);
        readInspector.setDisable(working || environment == null);
        importPatches.setDisable(working);
        importFindings.setDisable(working);
        FindingRow row = table.table().getSelectionModel().getSelectedItem();
        accept.setDisable(working || row == null || !row.open());
    }
}
