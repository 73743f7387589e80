package io.camfleet.console.ui.fleettable;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.fleet.ReportedVersion;
import io.camfleet.console.service.fleet.SiteProfile;
import io.camfleet.console.service.fleet.SiteSummary;
import io.camfleet.console.ui.common.Cells;
import io.camfleet.console.ui.common.RelativeTimeCell;
import io.camfleet.console.ui.common.ScreenView;
import io.camfleet.console.ui.common.SiteStates;
import io.camfleet.console.ui.common.sitedetail.SiteDetailView;
import io.camfleet.console.ui.common.FleetFilterBar;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.SetChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.text.NumberFormat;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The fleet table: every site with its health, filterable as you type and by chips, and the selected site's camera
 * systems below it.
 */
public final class FleetTableView implements ScreenView {

    private final FleetTableViewModel vm;
    private final Messages m;
    private final NumberFormat count;
    private final VBox root = new VBox();
    private final FleetFilterBar filters;
    private final CustomTextField search;
    private final TableView<SiteRow> sites = new TableView<>();
    private boolean syncingSelection;
    private boolean selectedOnce;
    private boolean replacingRows;

    public FleetTableView(FleetTableViewModel vm, SiteDetailView detail, Messages messages) {
        this.vm = vm;
        this.m = messages;
        this.count = NumberFormat.getIntegerInstance(messages.locale());
        this.filters = new FleetFilterBar(vm.fleet(), messages);
        this.search = filters.search();
        root.getStyleClass().add("fleet-table");
        root.getStylesheets().add(FleetTableView.class.getResource("fleet-table.css").toExternalForm());
        root.setSpacing(10);
        root.setPadding(new Insets(16, 20, 12, 20));

        // Replacing the rows (a new filter result) clears the table's selection; that must not clear the shared one,
        // so the table's selection is not listened to until the rows are in and the selection is shown again.
        vm.rows().addListener((ListChangeListener<SiteRow>) c -> replacingRows = true);
        SplitPane split = new SplitPane(buildSitesTable(), detail.root());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.getChildren().addAll(buildHeader(), filters.chips(), split);
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

        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                sites.requestFocus();
                if (sites.getSelectionModel().isEmpty() && !sites.getItems().isEmpty()) {
                    sites.getSelectionModel().selectFirst();
                }
            }
        });
        search.setId("fleet-search");

        Label rule = new Label();
        rule.setId("fleet-site-rule");
        rule.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        rule.setMinWidth(0); // gives way to the filters and the search, ellipsed; the tooltip has it whole
        SiteStates.showRule(rule, m, vm.fleet().snapshotProperty());
        HBox header = new HBox(10, title, shown, rule, new Spacer(), filters.menus(), search);
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    // --- the sites table ---------------------------------------------------------------------------------------

    private Node buildSitesTable() {
        sites.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE, "sites");
        sites.setId("fleet-sites");
        sites.setFixedCellSize(28);
        sites.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        sites.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        sites.setPlaceholder(new Label(m.text("fleetTable.empty")));

        // By the site-down rule in force: a site with one camera of eight offline is "Degraded · 1 offline".
        TableColumn<SiteRow, SiteSummary> health = column("fleetTable.col.health", 160,
                Comparator.comparing((SiteSummary s) -> s.health().state())
                        .thenComparing(s -> -s.health().offline())
                        .thenComparing(s -> -s.health().total()));
        health.setMinWidth(165); // "Degraded · 12 offline" whole
        health.setCellFactory(c -> Cells.stated(s -> s.health().state(), s -> SiteStates.text(m, s.health())));

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

        TableColumn<SiteRow, SiteSummary> environment = column("fleetTable.col.environment", 110,
                Comparator.comparing(s -> s.site().environment()));
        environment.setMinWidth(70);
        environment.setCellFactory(c -> Cells.text(s -> s.site().environment(), "mono"));
        // Only AWS environments name one; the demo fleet and imported files would show an empty column.
        environment.visibleProperty().bind(Bindings.isNotEmpty(vm.fleet().environments()));

        TableColumn<SiteRow, SiteSummary> online = column("fleetTable.col.cameras", 70,
                Comparator.comparingDouble((SiteSummary s) -> s.health().total() == 0 ? 1.0
                        : s.health().online() / (double) s.health().total()).thenComparing(s -> s.health().total()));
        online.setCellFactory(c -> Cells.text(s -> s.health().online() + " / " + s.health().total(), "numeric"));

        TableColumn<SiteRow, SiteSummary> versions = column("fleetTable.col.versions", 82,
                Comparator.comparing(s -> s.profile().versions().isEmpty() ? "" : s.profile().versions().get(0),
                        SiteProfile::compareVersions));
        versions.setCellFactory(c -> Cells.noted(s -> String.join(", ", s.profile().versions()), this::reported,
                "mono"));

        TableColumn<SiteRow, SiteSummary> image = column("fleetTable.col.image", 180,
                Comparator.comparing(s -> String.join(",", s.profile().images())));
        image.setCellFactory(c -> Cells.text(s -> String.join(", ", s.profile().images()), "mono"));

        TableColumn<SiteRow, SiteSummary> heartbeat = column("fleetTable.col.lastHeartbeat", 110,
                Comparator.comparing(SiteSummary::lastHeartbeat, Comparator.nullsFirst(Comparator.naturalOrder())));
        heartbeat.setCellFactory(c -> new RelativeTimeCell<>(SiteSummary::lastHeartbeat, vm.nowProperty(), m));

        TableColumn<SiteRow, SiteSummary> sla = column("fleetTable.col.sla", 76,
                Comparator.comparing(s -> s.site().slaTier()));
        sla.setCellFactory(c -> Cells.text(s -> m.text("sla." + s.site().slaTier().name())));

        sites.getColumns().setAll(java.util.List.of(health, name, id, customer, country, environment, online,
                versions, image, heartbeat, sla));

        SortedList<SiteRow> sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(sites.comparatorProperty());
        sites.setItems(sorted);
        health.setSortType(TableColumn.SortType.ASCENDING);
        sites.getSortOrder().add(health);
        return sites;
    }

    /** The site's versions only a rollout has reported so far, as a sentence; null when there are none. */
    private String reported(SiteSummary s) {
        List<ReportedVersion> at = vm.fleet().snapshot().reportedAt(s.id());
        if (at.isEmpty()) {
            return null;
        }
        return at.stream().map(r -> m.text("fleetTable.version.reported", r.version(), r.deploymentId()))
                .distinct().collect(java.util.stream.Collectors.joining("\n"));
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
        sites.getSelectionModel().getSelectedItems().addListener((ListChangeListener<SiteRow>) c -> {
            if (syncingSelection || replacingRows) {
                return;
            }
            List<String> ids = sites.getSelectionModel().getSelectedItems().stream().map(SiteRow::id).toList();
            SiteRow focus = sites.getSelectionModel().getSelectedItem();
            // The table is the source here: do not mirror the shared selection back into it mid-change.
            syncingSelection = true;
            try {
                vm.fleet().selectAll(ids, focus == null ? null : focus.id());
            } finally {
                syncingSelection = false;
            }
        });
        vm.fleet().selectedSiteIdProperty().addListener((o, a, id) -> showSelection());
        vm.fleet().selection().addListener((SetChangeListener<String>) c -> showSelection());
        // When the visible rows change, keep the selected sites selected if they are still there. The first time the
        // fleet arrives with nothing selected, select the top row (the worst site), so its cameras show at once.
        vm.rows().addListener((ListChangeListener<SiteRow>) c -> {
            replacingRows = false;
            if (!selectedOnce && vm.fleet().selectedSiteIdProperty().get() == null && !sites.getItems().isEmpty()) {
                selectedOnce = true;
                vm.select(sites.getItems().get(0).id());
            }
            showSelection();
        });
    }

    /** Makes the table's selection what the shared selection says, scrolling the focused site into view. */
    private void showSelection() {
        if (syncingSelection) {
            return;
        }
        Set<String> wanted = vm.fleet().selection();
        String focusId = vm.fleet().selectedSiteIdProperty().get();
        SiteRow focus = focusId == null ? null : vm.rowFor(focusId);
        var model = sites.getSelectionModel();
        if (model.getSelectedItems().size() == wanted.size()
                && model.getSelectedItems().stream().allMatch(r -> wanted.contains(r.id()))
                && model.getSelectedItem() == focus) {
            return;
        }
        syncingSelection = true;
        try {
            model.clearSelection();
            ObservableList<SiteRow> items = sites.getItems();
            int[] others = new int[wanted.size()];
            int n = 0;
            int focusIndex = -1;
            for (int i = 0; i < items.size(); i++) {
                SiteRow r = items.get(i);
                if (r == focus) {
                    focusIndex = i;
                } else if (wanted.contains(r.id()) && n < others.length) {
                    others[n++] = i;
                }
            }
            if (n > 0) {
                model.selectIndices(others[0], java.util.Arrays.copyOfRange(others, 1, n));
            }
            if (focusIndex >= 0) {
                model.select(focusIndex);   // last, so that it is the table's focused row
                sites.scrollTo(Math.max(0, focusIndex - 3));
            }
        } finally {
            syncingSelection = false;
        }
    }
}
