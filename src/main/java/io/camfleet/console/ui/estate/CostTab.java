package io.camfleet.console.ui.estate;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.cost.Grouping;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.ui.common.ChartPng;
import io.camfleet.console.ui.common.RelativeTime;
import io.camfleet.console.ui.common.SearchField;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.io.File;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Locale;

/**
 * The Cost tab of the AWS estate: the picked environment's cost this month to date and the six months before, by
 * service, site, customer or environment, as a stacked chart and a sortable table (by site with each camera's share),
 * and below them the cleanup hints. Shows what was last read at once; Refresh asks Cost Explorer ($0.01 a call).
 */
public final class CostTab implements EstateTab {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private final CostTabModel model;
    private final Messages m;
    private final ZoneId zone;
    private final Clock clock;
    private final VBox root = new VBox(8);
    private final CustomTextField search;
    private final Label asOf = new Label();
    private final Label totals = new Label();
    private final Label empty = new Label();
    private final CostChart chart;
    private final CostTable table;
    private final CleanupHintsPane hints;
    private final FilteredList<CostFigures.Row> filtered =
            new FilteredList<>(FXCollections.observableArrayList());

    public CostTab(CostTabModel model, Messages messages, ZoneId zone, Clock clock) {
        this.model = model;
        this.m = messages;
        this.zone = zone;
        this.clock = clock;
        this.chart = new CostChart(messages);
        this.table = new CostTable(messages);
        this.hints = new CleanupHintsPane(model, messages);
        root.setId("estate-cost");
        root.setPadding(new Insets(10, 2, 4, 2));

        ChoiceBox<Grouping> by = new ChoiceBox<>(FXCollections.observableArrayList(Grouping.values()));
        by.setId("estate-cost-grouping");
        by.setConverter(new StringConverter<>() {
            @Override
            public String toString(Grouping g) {
                return g == null ? "" : m.text("estate.cost.by." + g.cliName());
            }

            @Override
            public Grouping fromString(String s) {
                return null;
            }
        });
        by.valueProperty().bindBidirectional(model.groupingProperty());
        Label byLabel = new Label(m.text("estate.cost.by"));
        byLabel.setLabelFor(by);
        search = SearchField.create(m, "estate.cost.search");
        search.setId("estate-cost-search");
        search.setPrefWidth(240);
        search.textProperty().addListener((o, was, now) -> filter());
        asOf.setId("estate-cost-asof");
        asOf.getStyleClass().add(Styles.TEXT_MUTED);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Button refresh = new Button(m.text("estate.refresh"), new FontIcon(Material2MZ.REFRESH));
        refresh.setId("estate-cost-refresh");
        refresh.setTooltip(new Tooltip(m.text("estate.cost.refresh.tip")));
        refresh.setDefaultButton(false);
        refresh.disableProperty().bind(model.busyProperty());
        refresh.setOnAction(e -> model.refresh());
        Button cancel = new Button(m.text("estate.cost.cancel"));
        cancel.setId("estate-cost-cancel");
        cancel.visibleProperty().bind(model.busyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> model.cancel());
        HBox head = new HBox(10, byLabel, by, search, new Spacer(), asOf, progress, refresh, cancel);
        head.setAlignment(Pos.CENTER_LEFT);

        totals.setId("estate-cost-totals");
        totals.getStyleClass().add(Styles.TEXT_BOLD);
        Label problem = new Label();
        problem.setId("estate-cost-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Label status = new Label();
        status.setId("estate-cost-status");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(model.statusProperty());
        status.visibleProperty().bind(model.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());

        Button png = new Button(m.text("estate.cost.png"), new FontIcon(Material2AL.IMAGE));
        png.setId("estate-cost-png");
        png.disableProperty().bind(model.figuresProperty().isNull());
        png.setOnAction(e -> savePng());
        Button csv = new Button(m.text("estate.cost.csv"), new FontIcon(Material2AL.GRID_ON));
        csv.setId("estate-cost-csv");
        csv.disableProperty().bind(model.figuresProperty().isNull());
        csv.setOnAction(e -> saveCsv());
        Label chartTitle = new Label(m.text("estate.cost.chart.title"));
        chartTitle.getStyleClass().add(Styles.TITLE_4);
        chartTitle.setMinWidth(0);
        png.setMinWidth(Region.USE_PREF_SIZE);
        csv.setMinWidth(Region.USE_PREF_SIZE);
        HBox chartHead = new HBox(8, chartTitle, new Spacer(), png);
        chartHead.setAlignment(Pos.CENTER_LEFT);
        VBox chartBox = new VBox(4, chartHead, chart.root());
        VBox.setVgrow(chart.root(), Priority.ALWAYS);
        Label tableTitle = new Label(m.text("estate.cost.table.title"));
        tableTitle.getStyleClass().add(Styles.TITLE_4);
        HBox tableHead = new HBox(8, tableTitle, new Spacer(), csv);
        tableHead.setAlignment(Pos.CENTER_LEFT);
        SortedList<CostFigures.Row> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.view().comparatorProperty());
        table.view().setItems(sorted);
        empty.setWrapText(true);
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        table.view().setPlaceholder(empty);
        VBox tableBox = new VBox(4, tableHead, table.view());
        VBox.setVgrow(table.view(), Priority.ALWAYS);
        SplitPane spend = new SplitPane(chartBox, tableBox);
        spend.setOrientation(Orientation.HORIZONTAL);
        spend.setDividerPositions(0.38);
        chartBox.setPadding(new Insets(0, 8, 0, 0));
        tableBox.setPadding(new Insets(0, 0, 0, 8));
        SplitPane split = new SplitPane(spend, hints.root());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.64);
        hints.root().setPadding(new Insets(8, 0, 0, 0));
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(head, totals, problem, status, split);
        root.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.F5) {
                model.refresh();
                e.consume();
            }
        });

        model.figuresProperty().addListener((o, was, now) -> render());
        model.asOfProperty().addListener(o -> describe());
        render();
    }

    private void render() {
        CostFigures f = model.figuresProperty().get();
        table.show(f);
        ((javafx.collections.ObservableList<CostFigures.Row>) filtered.getSource())
                .setAll(f == null ? java.util.List.of() : f.rows());
        chart.show(f);
        chart.root().setVisible(f != null); // empty axes say nothing: the table's placeholder says why
        hints.describe();
        describe();
    }

    private void filter() {
        String q = search.getText() == null ? "" : search.getText().strip().toLowerCase(Locale.ROOT);
        Grouping by = model.groupingProperty().get();
        filtered.setPredicate(q.isEmpty() ? null : r -> CostTable.groupName(m, r.group(), by)
                .toLowerCase(Locale.ROOT).contains(q));
        describe();
    }

    private void describe() {
        CostFigures f = model.figuresProperty().get();
        Instant at = model.asOfProperty().get();
        Environment env = model.environment();
        asOf.setText(at == null ? m.text("estate.asOf.never") : m.text("estate.asOf",
                TIME.format(at.atZone(zone)), RelativeTime.format(at, clock.instant(), m)));
        totals.setText(f == null ? "" : m.text(f.estimated() ? "estate.cost.totals.estimated" : "estate.cost.totals",
                month(f, f.months().size() - 1), money(f.monthToDate()), f.unit(), month(f, 0),
                month(f, f.months().size() - 2), money(f.closedMonths())));
        totals.setVisible(f != null);
        totals.setManaged(f != null);
        empty.setText(env == null ? m.text("estate.cost.noEnvironment")
                : f == null ? m.text("estate.cost.never", env.label())
                : f.rows().isEmpty() ? m.text("estate.cost.noCost", env.label(), f.months().getFirst().toString(),
                f.months().getLast().toString())
                : m.text("estate.cost.noMatch", search.getText()));
    }

    private String month(CostFigures f, int i) {
        return CostChart.monthName(m, f.months().get(i), false);
    }

    private void savePng() {
        File f = chooser("cost-" + label() + ".png", "PNG", "*.png");
        if (f != null) {
            model.export(f.toPath(), ChartPng.of(chart.root(), Color.WHITE));
        }
    }

    private void saveCsv() {
        File f = chooser("cost-" + label() + "-" + model.groupingProperty().get().cliName() + ".csv", "CSV",
                "*.csv");
        if (f != null) {
            exportCsv(f.toPath());
        }
    }

    /** Exports the rows as shown: filtered and sorted. */
    void exportCsv(Path file) {
        model.exportCsv(file, new ArrayList<>(table.view().getItems()));
    }

    private String label() {
        return model.environment() == null ? "" : model.environment().label();
    }

    private File chooser(String name, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(m.text("estate.cost.exportTitle"));
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        return chooser.showSaveDialog(root.getScene().getWindow());
    }

    /** An amount for reading: to the cent, grouped by thousands (CSV keeps Cost Explorer's precision). */
    static String money(BigDecimal amount) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.ENGLISH);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(amount.setScale(2, RoundingMode.HALF_UP));
    }

    @Override
    public String id() {
        return "cost";
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public void show(Environment environment) {
        model.show(environment);
        render();
    }

    @Override
    public boolean focusSearch() {
        search.requestFocus();
        return true;
    }

    /** For tests. */
    CostChart chart() {
        return chart;
    }

    CleanupHintsPane hints() {
        return hints;
    }

    TableView<CostFigures.Row> table() {
        return table.view();
    }
}
