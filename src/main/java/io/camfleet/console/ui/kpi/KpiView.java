package io.camfleet.console.ui.kpi;

import io.camfleet.console.ui.common.ChartPng;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.camfleet.console.domain.availability.Grouping;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.kpi.KpiPeriod;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.ScreenView;
import io.camfleet.console.ui.kpi.KpiViewModel.Chart;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The KPI dashboard: DORA and alert tiles, then the charts (deployments and alerts per day, the availability trend,
 * SLA attainment, the fleet's versions and images) and the availability table of a month, each exportable as PNG
 * and CSV.
 */
public final class KpiView implements ScreenView {

    private final KpiViewModel vm;
    private final Messages m;
    private final VBox content = new VBox(14);
    private final ScrollPane root = new ScrollPane(content);
    private final HBox tiles = new HBox(12);

    public KpiView(KpiViewModel vm, Messages messages, BackgroundTasks tasks) {
        this.vm = vm;
        this.m = messages;
        content.setPadding(new Insets(16, 20, 16, 20));
        content.getStyleClass().add("kpi");
        root.setFitToWidth(true);
        root.getStylesheets().add(KpiView.class.getResource("kpi.css").toExternalForm());
        root.setId("kpi-dashboard");

        Label title = new Label(m.text("screen.KPI"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label status = new Label();
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(vm.statusProperty());
        ComboBox<KpiPeriod> period = new ComboBox<>();
        period.setId("kpi-period");
        period.getItems().setAll(KpiPeriod.values());
        period.setConverter(converter(p -> m.text("kpi.period." + p.name())));
        period.valueProperty().bindBidirectional(vm.periodProperty());
        Button refresh = new Button(m.text("kpi.refresh"), new FontIcon(Material2MZ.REFRESH));
        refresh.setOnAction(e -> vm.refresh());
        HBox header = new HBox(12, title, status, new Spacer(), new Label(m.text("kpi.period")), period, refresh);
        header.setAlignment(Pos.CENTER_LEFT);

        tiles.setId("kpi-tiles");
        vm.tiles().addListener((javafx.collections.ListChangeListener<KpiViewModel.Tile>) c -> renderTiles());

        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(14);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        grid.add(daily("kpi-deployments", "kpi.chart.deployments", Chart.DEPLOYMENTS, true,
                m.text("kpi.axis.deployments"), null), 0, 0);
        grid.add(daily("kpi-alerts", "kpi.chart.alerts", Chart.ALERTS, true, m.text("kpi.axis.alerts"),
                vm.incidentDataProperty()), 1, 0);
        grid.add(trend(), 0, 1);
        grid.add(attainment(), 1, 1);
        grid.add(bars("kpi-versions", "kpi.chart.versions", Chart.VERSIONS, m.text("kpi.axis.cameras")), 0, 2);
        grid.add(images(), 1, 2);

        content.getChildren().addAll(header, tiles, grid, table());
        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                vm.refresh();
            }
        });
    }

    @Override
    public Node root() {
        return root;
    }

    private void renderTiles() {
        tiles.getChildren().clear();
        for (KpiViewModel.Tile t : vm.tiles()) {
            Label label = new Label(t.label());
            label.getStyleClass().add("kpi-tile-label");
            Label value = new Label(t.value());
            value.getStyleClass().add("kpi-tile-value");
            Label detail = new Label(t.detail());
            detail.getStyleClass().add(Styles.TEXT_MUTED);
            detail.setWrapText(true);
            VBox tile = new VBox(2, label, value, detail);
            tile.getStyleClass().add("kpi-tile");
            // Equal shares of the row: sized by their text, the tiles with a long detail squeezed the others' titles.
            tile.setMaxWidth(Double.MAX_VALUE);
            tile.setPrefWidth(0);
            tile.setMinWidth(0);
            HBox.setHgrow(tile, Priority.ALWAYS);
            tiles.getChildren().add(tile);
        }
    }

    /** A per-day chart; {@code available} false shows why there is none (no incident data). */
    private ChartCard daily(String id, String titleKey, Chart chart, boolean counts, String yLabel,
                            javafx.beans.value.ObservableBooleanValue available) {
        ChartCard card = new ChartCard(id, m.text(titleKey), m);
        Runnable render = () -> {
            if (available != null && !available.get()) {
                card.say(m.text("kpi.noIncidentData.long"));
            } else {
                ChartData d = vm.chart(chart).get();
                if (d.isEmpty()) {
                    card.say(m.text(d.computed() ? "kpi.noFigures" : "kpi.computing"));
                } else {
                    card.show(ChartNodes.daily(d, counts, yLabel));
                }
            }
        };
        vm.chart(chart).addListener(o -> render.run());
        if (available != null) {
            available.addListener(o -> render.run());
        }
        render.run();
        exports(card, () -> vm.chart(chart).get(), chart);
        return card;
    }

    private ChartCard trend() {
        ChartCard card = new ChartCard("kpi-trend", m.text("kpi.chart.trend"), m);
        ToggleButton byRegion = new ToggleButton(m.text("kpi.byRegion"));
        ToggleButton byCustomer = new ToggleButton(m.text("kpi.byCustomer"));
        byCustomer.selectedProperty().addListener((o, was, now) ->
                vm.trendGroupingProperty().set(now ? Grouping.CUSTOMER : Grouping.REGION));
        return switchable(card, byRegion, byCustomer, Chart.TREND_BY_REGION, Chart.TREND_BY_CUSTOMER,
                d -> {
                    // the fleet's line (the first) is styled apart from the regions' and customers' (kpi.css)
                    var chart = ChartNodes.daily(d, false, m.text("kpi.axis.uptime"));
                    chart.getStyleClass().add("kpi-trend-chart");
                    return chart;
                });
    }

    private ChartCard attainment() {
        ChartCard card = new ChartCard("kpi-sla", m.text("kpi.chart.sla"), m);
        ToggleButton byCustomer = new ToggleButton(m.text("kpi.byCustomer"));
        ToggleButton byRegion = new ToggleButton(m.text("kpi.byRegion"));
        return switchable(card, byCustomer, byRegion, Chart.SLA_BY_CUSTOMER, Chart.SLA_BY_REGION,
                d -> ChartNodes.bars(d, m.text("kpi.axis.budgetLeft"),
                        row -> m.text("kpi.sla.missed").equals(row.get(3))));
    }

    /** A card showing one of two charts, by a pair of toggles; both need the availability figures. */
    private ChartCard switchable(ChartCard card, ToggleButton first, ToggleButton second, Chart firstChart,
                                 Chart secondChart, Function<ChartData, Node> draw) {
        ToggleGroup group = new ToggleGroup();
        first.setToggleGroup(group);
        second.setToggleGroup(group);
        first.setSelected(true);
        for (ToggleButton b : List.of(first, second)) {
            b.getStyleClass().add(Styles.SMALL);
        }
        first.getStyleClass().add(Styles.LEFT_PILL);
        second.getStyleClass().add(Styles.RIGHT_PILL);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one is always chosen
            }
        });
        card.controls(new HBox(first, second));
        ReadOnlyObjectWrapper<Chart> shown = new ReadOnlyObjectWrapper<>(firstChart);
        Runnable render = () -> {
            shown.set(second.isSelected() ? secondChart : firstChart);
            ChartData d = vm.chart(shown.get()).get();
            if (!vm.availabilityDataProperty().get()) {
                card.say(m.text("kpi.noAvailabilityData.long"));
            } else if (d.isEmpty()) {
                card.say(m.text(d.computed() ? "kpi.noFigures" : "kpi.computing"));
            } else {
                card.show(draw.apply(d));
            }
        };
        vm.chart(firstChart).addListener(o -> render.run());
        vm.chart(secondChart).addListener(o -> render.run());
        vm.availabilityDataProperty().addListener(o -> render.run());
        group.selectedToggleProperty().addListener(o -> render.run());
        render.run();
        exports(card, () -> vm.chart(shown.get()).get(), null, shown);
        return card;
    }

    private ChartCard bars(String id, String titleKey, Chart chart, String axis) {
        ChartCard card = new ChartCard(id, m.text(titleKey), m);
        Runnable render = () -> {
            ChartData d = vm.chart(chart).get();
            if (d.isEmpty()) {
                card.say(m.text(d.computed() ? "kpi.noCameras" : "kpi.computing"));
            } else {
                card.show(ChartNodes.bars(d, axis));
            }
        };
        vm.chart(chart).addListener(o -> render.run());
        render.run();
        exports(card, () -> vm.chart(chart).get(), chart);
        return card;
    }

    /**
     * Cameras per image age when the images last read know some ages (saying how many cameras are left unknown);
     * per image, saying the ages are unknown, when they know none.
     */
    private ChartCard images() {
        ChartCard card = new ChartCard("kpi-images", m.text("kpi.chart.images"), m);
        Label note = new Label();
        note.textProperty().bind(vm.ageNoteProperty());
        note.setWrapText(true);
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        note.setId("kpi-age-note");
        note.managedProperty().bind(vm.ageNoteProperty().isNotEmpty());
        note.visibleProperty().bind(vm.ageNoteProperty().isNotEmpty());
        card.getChildren().add(1, note);
        ReadOnlyObjectWrapper<Chart> shown = new ReadOnlyObjectWrapper<>(Chart.IMAGES);
        Runnable render = () -> {
            shown.set(vm.agesKnownProperty().get() ? Chart.IMAGE_AGES : Chart.IMAGES);
            card.caption.setText(m.text(shown.get() == Chart.IMAGE_AGES ? "kpi.chart.imageAges"
                    : "kpi.chart.images"));
            ChartData d = vm.chart(shown.get()).get();
            if (d.isEmpty()) {
                card.say(m.text(d.computed() ? "kpi.noCameras" : "kpi.computing"));
            } else {
                card.show(ChartNodes.bars(d, m.text("kpi.axis.cameras")));
            }
        };
        vm.chart(Chart.IMAGES).addListener(o -> render.run());
        vm.chart(Chart.IMAGE_AGES).addListener(o -> render.run());
        vm.agesKnownProperty().addListener(o -> render.run());
        render.run();
        exports(card, () -> vm.chart(shown.get()).get(), null, shown);
        return card;
    }

    /** The availability of each subject of a grouping over a month, with the rule in force beside the figures. */
    private ChartCard table() {
        ChartCard card = new ChartCard("kpi-availability-table", m.text("kpi.chart.table"), m);
        ComboBox<Grouping> grouping = new ComboBox<>();
        grouping.getItems().setAll(Grouping.SITE, Grouping.CUSTOMER, Grouping.REGION, Grouping.ENVIRONMENT);
        grouping.setConverter(converter(g -> m.text("kpi.grouping." + g.name())));
        grouping.valueProperty().bindBidirectional(vm.tableGroupingProperty());
        ComboBox<java.time.YearMonth> month = new ComboBox<>();
        month.getItems().setAll(vm.months());
        month.valueProperty().bindBidirectional(vm.tableMonthProperty());
        for (ComboBox<?> c : List.of(grouping, month)) {
            c.getStyleClass().add(Styles.SMALL);
        }
        card.controls(grouping, month);
        Label rule = new Label();
        rule.setId("kpi-rule");
        rule.getStyleClass().addAll(Styles.TEXT_MUTED);
        rule.textProperty().bind(vm.ruleProperty());
        card.getChildren().add(1, rule);

        TableView<List<Object>> table = new TableView<>();
        table.setId("kpi-table");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE, Styles.DENSE);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setFixedCellSize(28);
        table.setPlaceholder(new Label(m.text("kpi.noAvailabilityData.long")));
        Runnable render = () -> {
            ChartData d = vm.chart(Chart.AVAILABILITY_TABLE).get();
            table.getColumns().clear();
            for (int i = 0; i < d.columns().size(); i++) {
                int c = i;
                TableColumn<List<Object>, String> col = new TableColumn<>(d.columns().get(i));
                col.setCellValueFactory(r -> new javafx.beans.property.SimpleStringProperty(cell(r.getValue().get(c))));
                // Wide enough for its header: a figure is never shown under a clipped name.
                double width = i == 0 ? 160 : Math.max(90, 8.5 * d.columns().get(i).length() + 26);
                col.setPrefWidth(width);
                col.setMinWidth(width);
                if (i > 0) {
                    col.setStyle("-fx-alignment: CENTER-RIGHT;");
                }
                table.getColumns().add(col);
            }
            // The names take what the figures leave; a figure's column is never narrower than its header.
            if (!table.getColumns().isEmpty()) {
                double figures = table.getColumns().stream().skip(1).mapToDouble(TableColumn::getPrefWidth).sum();
                table.getColumns().get(0).prefWidthProperty().bind(javafx.beans.binding.Bindings.max(160,
                        table.widthProperty().subtract(figures + 18)));
            }
            table.getItems().setAll(d.rows());
            // As tall as its rows, up to 14 (then it scrolls), so that a short table leaves no empty box.
            double height = 36 + 28 * Math.max(3, Math.min(14, d.rows().size()));
            table.setPrefHeight(height);
            table.setMaxHeight(height);
        };
        vm.chart(Chart.AVAILABILITY_TABLE).addListener(o -> render.run());
        render.run();
        card.show(table);
        card.fitContent();
        card.png.setVisible(false);
        card.png.setManaged(false);
        card.csv.setOnAction(e -> saveCsv(Chart.AVAILABILITY_TABLE, vm.chart(Chart.AVAILABILITY_TABLE).get()));
        return card;
    }

    private static String cell(Object v) {
        if (v instanceof Double d) {
            return Double.isNaN(d) ? "–" : String.format(Locale.ROOT, d >= 99 && d <= 100 ? "%.3f" : "%.1f", d);
        }
        return v == null ? "" : v.toString();
    }

    private void exports(ChartCard card, java.util.function.Supplier<ChartData> data, Chart chart) {
        exports(card, data, chart, null);
    }

    private void exports(ChartCard card, java.util.function.Supplier<ChartData> data, Chart fixed,
                         ReadOnlyObjectWrapper<Chart> shown) {
        card.csv.setOnAction(e -> saveCsv(fixed != null ? fixed : shown.get(), data.get()));
        card.png.setOnAction(e -> {
            File f = chooser(data.get().name() + ".png", "PNG", "*.png")
                    .showSaveDialog(root.getScene().getWindow());
            if (f != null) {
                vm.export(f.toPath(), ChartPng.of(card.picture(), Color.TRANSPARENT));
            }
        });
    }

    private void saveCsv(Chart chart, ChartData data) {
        File f = chooser(data.name() + ".csv", "CSV", "*.csv").showSaveDialog(root.getScene().getWindow());
        if (f != null) {
            vm.exportCsv(chart, f.toPath());
        }
    }

    private FileChooser chooser(String name, String kind, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(m.text("kpi.export.title"));
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        return chooser;
    }

    private static <T> StringConverter<T> converter(Function<T, String> label) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : label.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    /** For tests and the PNG export: the card of a chart by its id. */
    ChartCard card(String id) {
        return (ChartCard) root.getContent().lookup("#" + id);
    }

}
