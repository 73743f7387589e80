package io.camfleet.console.ui.settings;

import atlantafx.base.theme.Styles;
import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.service.availability.AvailabilitySettings;
import io.camfleet.console.service.common.Messages;
import javafx.beans.InvalidationListener;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Optional;

/**
 * Settings, Availability: when a site counts as down (the rule the map, the table and every figure follow), each SLA
 * tier's target, and how many days of health history are kept for the figures.
 */
final class AvailabilityTab {

    private final Messages m;
    private final AvailabilityForm form;
    private final Tab tab;

    AvailabilityTab(Messages messages, AvailabilitySettings current) {
        this.m = messages;
        this.form = new AvailabilityForm(messages, current);

        ComboBox<SiteDownRule.Kind> kind = new ComboBox<>();
        kind.getItems().setAll(SiteDownRule.Kind.values());
        kind.valueProperty().bindBidirectional(form.kind);
        kind.setCellFactory(l -> kindCell());
        kind.setButtonCell(kindCell());
        kind.setId("settings-availability-rule");
        TextField threshold = field(form.threshold, "settings-availability-threshold", 5);
        threshold.disableProperty().bind(form.kind.isEqualTo(SiteDownRule.Kind.DARK));
        Label unit = new Label();
        unit.textProperty().bind(form.kind.map(k -> k == SiteDownRule.Kind.AT_LEAST_PERCENT ? "%"
                : m.text("settings.availability.cameras")));
        unit.visibleProperty().bind(threshold.disableProperty().not());
        HBox ruleRow = new HBox(8, kind, threshold, unit);
        ruleRow.setAlignment(Pos.CENTER_LEFT);
        CheckBox degraded = new CheckBox(m.text("settings.availability.degraded"));
        degraded.selectedProperty().bindBidirectional(form.degradedCounts);
        degraded.setId("settings-availability-degraded");
        Label says = new Label();
        says.setId("settings-availability-says");
        says.getStyleClass().add(Styles.TEXT_MUTED);
        says.setWrapText(true);
        InvalidationListener saying = o -> says.setText(ruleSentence());
        form.kind.addListener(saying);
        form.threshold.addListener(saying);
        form.degradedCounts.addListener(saying);
        saying.invalidated(null);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        // Each sentence sits right under its field, and takes room only when it has something to say.
        int row = 0;
        grid.addRow(row++, new Label(m.text("settings.availability.rule")), ruleRow);
        grid.add(problem(form.thresholdProblem, "settings-availability-threshold-problem"), 1, row++);
        grid.add(degraded, 1, row++);
        grid.add(says, 1, row++);
        HBox targets = new HBox(8);
        targets.setAlignment(Pos.CENTER_LEFT);
        VBox targetProblems = new VBox(2);
        for (SlaTier tier : SlaTier.values()) {
            String id = "settings-availability-target-" + tier.name().toLowerCase(java.util.Locale.ROOT);
            Label name = new Label(m.text("sla." + tier.name()));
            name.setMinWidth(Region.USE_PREF_SIZE);
            HBox.setMargin(name, new Insets(0, 0, 0, targets.getChildren().isEmpty() ? 0 : 10));
            targets.getChildren().addAll(name, field(form.targets.get(tier), id, 5), new Label("%"));
            targetProblems.getChildren().add(problem(form.targetProblems.get(tier), id + "-problem"));
        }
        grid.addRow(row++, new Label(m.text("settings.availability.targets")), targets);
        grid.add(targetProblems, 1, row++);
        HBox retention = new HBox(6, field(form.retentionDays, "settings-availability-retention", 5),
                new Label(m.text("settings.availability.days")));
        retention.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(row++, new Label(m.text("settings.availability.retention")), retention);
        grid.add(problem(form.retentionProblem, "settings-availability-retention-problem"), 1, row);

        Label header = new Label(m.text("settings.availability.header"));
        header.getStyleClass().add(Styles.TITLE_4);
        Label note = new Label(m.text("settings.availability.note"));
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox content = new VBox(12, header, grid, note);
        content.setPadding(new Insets(16, 16, 12, 16));
        // A wrapping sentence would otherwise ask for its whole length on one line, and the dialog, centred on the
        // window, would open that much wider, partly off the screen.
        content.setPrefWidth(820);
        tab = new Tab(m.text("settings.tab.availability"), content);
        tab.setId("settings-tab-availability");
    }

    Tab tab() {
        return tab;
    }

    /** The settings as entered, or empty with a sentence beside each field that cannot be used. */
    Optional<AvailabilitySettings> result() {
        return form.result();
    }

    private String ruleSentence() {
        try {
            int n = form.kind.get() == SiteDownRule.Kind.DARK ? 0 : Integer.parseInt(form.threshold.get().strip());
            SiteDownRule rule = new SiteDownRule(form.kind.get(), n, form.degradedCounts.get());
            return m.text(rule.messageKey(), rule.threshold());
        } catch (IllegalArgumentException e) { // NumberFormatException too: the field says why
            return "";
        }
    }

    private ListCell<SiteDownRule.Kind> kindCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(SiteDownRule.Kind k, boolean empty) {
                super.updateItem(k, empty);
                setText(empty || k == null ? null : m.text("settings.availability.rule." + k.name()));
            }
        };
    }

    private static TextField field(StringProperty value, String id, int columns) {
        TextField f = new TextField();
        f.textProperty().bindBidirectional(value);
        f.setPrefColumnCount(columns);
        f.setId(id);
        return f;
    }

    private static Label problem(StringProperty text, String id) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.getStyleClass().add(Styles.DANGER);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setId(id);
        l.visibleProperty().bind(text.isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        return l;
    }
}
