package io.camfleet.console.ui.fleettable;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.camfleet.console.domain.HealthState;
import io.camfleet.console.service.Messages;
import io.camfleet.console.service.SiteProfile;
import io.camfleet.console.service.SiteSummary;
import io.camfleet.console.ui.common.Cells;
import io.camfleet.console.ui.common.HealthStyle;
import io.camfleet.console.ui.common.RelativeTimeCell;
import io.camfleet.console.ui.common.ScreenView;
import io.camfleet.console.ui.sitedetail.SiteDetailView;
import io.camfleet.console.ui.common.SearchField;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import java.text.NumberFormat;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;

/**
 * The fleet table: every site with its health, filterable as you type and by chips, and the selected site's camera
 * systems below it.
 */
public final class FleetTableView implements ScreenView {

    private final FleetTableViewModel vm;
    private final Messages m;
    private final NumberFormat count;
    private final VBox root = new VBox();
    private final CustomTextField search;
    private final TableView<SiteRow> sites = new TableView<>();
    private final Map<HealthState, ToggleButton> healthChips = new EnumMap<>(HealthState.class);
    private final FlowPane activeChips = new FlowPane(6, 6);
    private boolean syncingSelection;
    private boolean selectedOnce;

    public FleetTableView(FleetTableViewModel vm, SiteDetailView detail, Messages messages) {
        this.vm = vm;
        this.m = messages;
        this.count = NumberFormat.getIntegerInstance(messages.locale());
        this.search = SearchField.create(messages, "fleetTable.search.prompt");
        root.getStyleClass().add("fleet-table");
        root.getStylesheets().add(FleetTableView.class.getResource("fleet-table.css").toExternalForm());
        root.setSpacing(10);
        root.setPadding(new Insets(16, 20, 12, 20));

        SplitPane split = new SplitPane(buildSitesTable(), detail.root());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(buildHeader(), buildChips(), split);
        bindSelection();
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public boolean focusSearch() {
        search.requestFocus();
        search.selectAll();
        return true;
    }

    // --- header: title, count, search --------------------------------------------------------------------------

    private Node buildHeader() {
        Label title = new Label(m.text("screen.FLEET_TABLE"));
        title.getStyleClass().add(Styles.TITLE_3);
        Label shown = new Label();
        shown.getStyleClass().add(Styles.TEXT_MUTED);
        InvalidationListener updateShown = o -> shown.setText(
                m.text("fleetTable.shown", count.format(vm.shownProperty().get()), count.format(vm.totalProperty().get())));
        vm.shownProperty().addListener(updateShown);
        vm.totalProperty().addListener(updateShown);
        updateShown.invalidated(null);

        search.setPrefWidth(340);
        search.textProperty().bindBidirectional(vm.fleet().searchTextProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                sites.requestFocus();
                if (sites.getSelectionModel().isEmpty() && !sites.getItems().isEmpty()) {
                    sites.getSelectionModel().selectFirst();
                }
            }
        });
        search.setId("fleet-search");

        HBox header = new HBox(10, title, shown, new Spacer(),
                filterMenu("fleetTable.filter.region", vm.regions(), vm.fleet().regionFilter()),
                filterMenu("fleetTable.filter.customer", vm.customers(), vm.fleet().customerFilter()),
                filterMenu("fleetTable.filter.version", vm.versions(), vm.fleet().versionFilter()),
                search);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    // --- chips: health toggles, region / customer / version menus, active chips ------------------------------

    private Node buildChips() {
        FlowPane pane = new FlowPane(8, 8);
        pane.setAlignment(Pos.CENTER_LEFT);
        ObservableSet<HealthState> health = vm.fleet().healthFilter();
        for (HealthState s : HealthState.all()) {
            ToggleButton chip = new ToggleButton(null, HealthStyle.icon(s, 14));
            chip.getStyleClass().addAll("chip", HealthStyle.styleClass(s));
            chip.setTooltip(new Tooltip(m.text("fleetTable.chip.health.tip", m.text(HealthStyle.key(s)))));
            chip.setOnAction(e -> {
                if (chip.isSelected()) {
                    health.add(s);
                } else {
                    health.remove(s);
                }
            });
            healthChips.put(s, chip);
            pane.getChildren().add(chip);
        }
        health.addListener((SetChangeListener<HealthState>) c ->
                healthChips.forEach((s, chip) -> chip.setSelected(health.contains(s))));
        vm.fleet().snapshotProperty().addListener(o -> updateHealthChipCounts());
        updateHealthChipCounts();


        Hyperlink clearAll = new Hyperlink(m.text("fleetTable.filter.clearAll"));
        clearAll.setOnAction(e -> vm.fleet().clearFilters());
        clearAll.visibleProperty().bind(vm.fleet().filterProperty().map(f -> !f.isEmpty()));
        clearAll.managedProperty().bind(clearAll.visibleProperty());
        activeChips.setAlignment(Pos.CENTER_LEFT);
        SetChangeListener<String> rebuild = c -> rebuildActiveChips();
        vm.fleet().regionFilter().addListener(rebuild);
        vm.fleet().customerFilter().addListener(rebuild);
        vm.fleet().versionFilter().addListener(rebuild);
        Separator sep = new Separator(Orientation.VERTICAL);
        sep.visibleProperty().bind(clearAll.visibleProperty());
        sep.managedProperty().bind(clearAll.visibleProperty());
        pane.getChildren().addAll(sep, activeChips, clearAll);
        return pane;
    }

    private void updateHealthChipCounts() {
        healthChips.forEach((s, chip) ->
                chip.setText(m.text(HealthStyle.key(s)) + "  " + count.format(vm.sitesIn(s))));
    }

    private MenuButton filterMenu(String key, ObservableList<String> values, ObservableSet<String> selected) {
        MenuButton menu = new MenuButton(m.text(key));
        menu.getStyleClass().add("filter-menu");
        Runnable fill = () -> {
            menu.getItems().clear();
            for (String v : values) {
                CheckMenuItem item = new CheckMenuItem(v);
                item.setSelected(selected.contains(v));
                item.setOnAction(e -> {
                    if (item.isSelected()) {
                        selected.add(v);
                    } else {
                        selected.remove(v);
                    }
                });
                menu.getItems().add(item);
            }
        };
        values.addListener((ListChangeListener<String>) c -> fill.run());
        selected.addListener((SetChangeListener<String>) c -> menu.getItems().forEach(i ->
                ((CheckMenuItem) i).setSelected(selected.contains(values.get(menu.getItems().indexOf(i))))));
        fill.run();
        return menu;
    }

    private void rebuildActiveChips() {
        activeChips.getChildren().clear();
        addActive("fleetTable.filter.region", vm.fleet().regionFilter());
        addActive("fleetTable.filter.customer", vm.fleet().customerFilter());
        addActive("fleetTable.filter.version", vm.fleet().versionFilter());
    }

    private void addActive(String key, ObservableSet<String> set) {
        set.stream().sorted().forEach(v -> {
            Button chip = new Button(m.text(key) + ": " + v, new FontIcon(Material2AL.CLOSE));
            chip.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            chip.getStyleClass().addAll("chip", "active-chip", Styles.SMALL);
            chip.setTooltip(new Tooltip(m.text("fleetTable.filter.remove")));
            chip.setOnAction(e -> set.remove(v));
            activeChips.getChildren().add(chip);
        });
    }

    // --- the sites table ---------------------------------------------------------------------------------------

    private Node buildSitesTable() {
        sites.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE, "sites");
        sites.setId("fleet-sites");
        sites.setFixedCellSize(28);
        sites.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        sites.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        sites.setPlaceholder(new Label(m.text("fleetTable.empty")));

        TableColumn<SiteRow, SiteSummary> health = column("fleetTable.col.health", 100,
                Comparator.comparing((SiteSummary s) -> s.health().worst())
                        .thenComparing(s -> -s.health().total()));
        health.setCellFactory(c -> Cells.health(s -> s.health().worst(), st -> m.text(HealthStyle.key(st))));

        TableColumn<SiteRow, SiteSummary> name = column("fleetTable.col.site", 235,
                Comparator.comparing(s -> s.site().name()));
        name.setCellFactory(c -> Cells.text(s -> s.site().name(), "site-name"));

        TableColumn<SiteRow, SiteSummary> id = column("fleetTable.col.id", 82,
                Comparator.comparing(SiteSummary::id));
        id.setCellFactory(c -> Cells.text(SiteSummary::id, "mono"));

        TableColumn<SiteRow, SiteSummary> customer = column("fleetTable.col.customer", 170,
                Comparator.comparing(s -> s.site().customer()));
        customer.setCellFactory(c -> Cells.text(s -> s.site().customer()));

        TableColumn<SiteRow, SiteSummary> country = column("fleetTable.col.country", 150,
                Comparator.comparing((SiteSummary s) -> s.profile().countryName()).thenComparing(s -> s.site().region()));
        country.setCellFactory(c -> Cells.text(s -> s.profile().countryName() + " · " + s.site().region()));

        TableColumn<SiteRow, SiteSummary> online = column("fleetTable.col.cameras", 70,
                Comparator.comparingDouble((SiteSummary s) -> s.health().total() == 0 ? 1.0
                        : s.health().online() / (double) s.health().total()).thenComparing(s -> s.health().total()));
        online.setCellFactory(c -> Cells.text(s -> s.health().online() + " / " + s.health().total(), "numeric"));

        TableColumn<SiteRow, SiteSummary> versions = column("fleetTable.col.versions", 82,
                Comparator.comparing(s -> s.profile().versions().isEmpty() ? "" : s.profile().versions().get(0),
                        SiteProfile::compareVersions));
        versions.setCellFactory(c -> Cells.text(s -> String.join(", ", s.profile().versions()), "mono"));

        TableColumn<SiteRow, SiteSummary> image = column("fleetTable.col.image", 180,
                Comparator.comparing(s -> String.join(",", s.profile().images())));
        image.setCellFactory(c -> Cells.text(s -> String.join(", ", s.profile().images()), "mono"));

        TableColumn<SiteRow, SiteSummary> heartbeat = column("fleetTable.col.lastHeartbeat", 110,
                Comparator.comparing(SiteSummary::lastHeartbeat, Comparator.nullsFirst(Comparator.naturalOrder())));
        heartbeat.setCellFactory(c -> new RelativeTimeCell<>(SiteSummary::lastHeartbeat, vm.nowProperty(), m));

        TableColumn<SiteRow, SiteSummary> sla = column("fleetTable.col.sla", 76,
                Comparator.comparing(s -> s.site().slaTier()));
        sla.setCellFactory(c -> Cells.text(s -> m.text("sla." + s.site().slaTier().name())));

        sites.getColumns().setAll(java.util.List.of(health, name, id, customer, country, online, versions, image,
                heartbeat, sla));

        SortedList<SiteRow> sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(sites.comparatorProperty());
        sites.setItems(sorted);
        health.setSortType(TableColumn.SortType.ASCENDING);
        sites.getSortOrder().add(health);
        return sites;
    }

    private TableColumn<SiteRow, SiteSummary> column(String key, double width, Comparator<SiteSummary> order) {
        TableColumn<SiteRow, SiteSummary> col = new TableColumn<>(m.text(key));
        col.setCellValueFactory(f -> f.getValue().summaryProperty());
        col.setComparator(order);
        col.setPrefWidth(width);
        col.setMinWidth(width * 0.85);
        return col;
    }

    // --- selection shared with the rest of the console ----------------------------------------------------------

    private void bindSelection() {
        sites.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (!syncingSelection && row != null) {
                vm.select(row.id());
            }
        });
        vm.fleet().selectedSiteIdProperty().addListener((o, a, id) -> showSelected(id));
        // When the visible rows change, keep the selected site selected if it is still there. The first time the
        // fleet arrives with nothing selected, select the top row (the worst site), so its cameras show at once.
        vm.rows().addListener((ListChangeListener<SiteRow>) c -> {
            if (!selectedOnce && vm.fleet().selectedSiteIdProperty().get() == null && !sites.getItems().isEmpty()) {
                selectedOnce = true;
                vm.select(sites.getItems().get(0).id());
            }
            showSelected(vm.fleet().selectedSiteIdProperty().get());
        });
    }

    private void showSelected(String id) {
        SiteRow row = id == null ? null : vm.rowFor(id);
        if (row == sites.getSelectionModel().getSelectedItem()) {
            return;
        }
        syncingSelection = true;
        try {
            if (row == null || !sites.getItems().contains(row)) {
                sites.getSelectionModel().clearSelection();
            } else {
                sites.getSelectionModel().select(row);
                sites.scrollTo(Math.max(0, sites.getSelectionModel().getSelectedIndex() - 3));
            }
        } finally {
            syncingSelection = false;
        }
    }
}
