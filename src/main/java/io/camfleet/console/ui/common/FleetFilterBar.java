package io.camfleet.console.ui.common;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.service.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import java.text.NumberFormat;
import java.util.EnumMap;
import java.util.Map;

/**
 * The fleet filter as controls: search box, Region / Customer / Version menus (and Environment, when the fleet
 * names any), health chips with counts, and the active filters as removable chips. The table and the map each show
 * one, both bound to the same {@link FleetModel}, so what one screen filters the other shows.
 */
public final class FleetFilterBar {

    private final FleetModel fleet;
    private final Messages m;
    private final NumberFormat count;
    private final CustomTextField search;
    private final HBox menus;
    private final FlowPane chips = new FlowPane(8, 8);
    private final FlowPane activeChips = new FlowPane(6, 6);
    private final Map<HealthState, ToggleButton> healthChips = new EnumMap<>(HealthState.class);

    public FleetFilterBar(FleetModel fleet, Messages messages) {
        this.fleet = fleet;
        this.m = messages;
        this.count = NumberFormat.getIntegerInstance(messages.locale());
        this.search = SearchField.create(messages, "fleetTable.search.prompt");
        search.textProperty().bindBidirectional(fleet.searchTextProperty());
        search.setPrefWidth(320);
        MenuButton environments = filterMenu("fleetFilter.environment", fleet.environments(),
                fleet.environmentFilter());
        // The demo fleet and imported files have no environments: no menu for a choice of nothing.
        environments.visibleProperty().bind(Bindings.isNotEmpty(fleet.environments()));
        environments.managedProperty().bind(environments.visibleProperty());
        environments.getStyleClass().add("environment-filter");
        this.menus = new HBox(8,
                environments,
                filterMenu("fleetTable.filter.region", fleet.regions(), fleet.regionFilter()),
                filterMenu("fleetTable.filter.customer", fleet.customers(), fleet.customerFilter()),
                filterMenu("fleetTable.filter.version", fleet.versions(), fleet.versionFilter()));
        menus.setAlignment(Pos.CENTER_LEFT);
        menus.getStyleClass().add("fleet-filter");
        String css = FleetFilterBar.class.getResource("fleet-filter.css").toExternalForm();
        menus.getStylesheets().add(css);
        chips.getStylesheets().add(css);
        buildChips();
    }

    public CustomTextField search() {
        return search;
    }

    /** The Environment, Region, Customer and Version menus. */
    public Node menus() {
        return menus;
    }

    /** Health chips, active filter chips and "Clear filters". */
    public Node chips() {
        return chips;
    }

    private void buildChips() {
        chips.getStyleClass().add("fleet-filter");
        chips.setAlignment(Pos.CENTER_LEFT);
        ObservableSet<HealthState> health = fleet.healthFilter();
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
            // Text of another size (the wall screen's) starts the widths afresh; see updateHealthChipCounts.
            chip.fontProperty().addListener((o, a, f) -> chip.setMinWidth(Region.USE_COMPUTED_SIZE));
            healthChips.put(s, chip);
            chips.getChildren().add(chip);
        }
        health.addListener((SetChangeListener<HealthState>) c ->
                healthChips.forEach((s, chip) -> chip.setSelected(health.contains(s))));
        fleet.snapshotProperty().addListener(o -> updateHealthChipCounts());
        updateHealthChipCounts();

        Hyperlink clearAll = new Hyperlink(m.text("fleetTable.filter.clearAll"));
        clearAll.setOnAction(e -> fleet.clearFilters());
        clearAll.visibleProperty().bind(fleet.filterProperty().map(f -> !f.isEmpty()));
        clearAll.managedProperty().bind(clearAll.visibleProperty());
        activeChips.setAlignment(Pos.CENTER_LEFT);
        // Empty, it would still take a row of the flow (and a gap): the screen below jumped as it wrapped or not.
        activeChips.managedProperty().bind(Bindings.isNotEmpty(activeChips.getChildren()));
        SetChangeListener<String> rebuild = c -> rebuildActiveChips();
        fleet.regionFilter().addListener(rebuild);
        fleet.customerFilter().addListener(rebuild);
        fleet.versionFilter().addListener(rebuild);
        fleet.environmentFilter().addListener(rebuild);
        Separator sep = new Separator(Orientation.VERTICAL);
        sep.visibleProperty().bind(clearAll.visibleProperty());
        sep.managedProperty().bind(clearAll.visibleProperty());
        chips.getChildren().addAll(sep, activeChips, clearAll);
        // A screen built after the operator filtered on another one shows those filters at once.
        rebuildActiveChips();
    }

    private void updateHealthChipCounts() {
        healthChips.forEach((s, chip) -> {
            chip.setText(m.text(HealthStyle.key(s)) + "  " + count.format(fleet.snapshot().sitesIn(s)));
            // A chip never narrows: counts that tick between 9 and 10 must not re-wrap the row and move the screen.
            double width = chip.prefWidth(-1);
            if (width > chip.getMinWidth()) {
                chip.setMinWidth(width);
            }
        });
    }

    private MenuButton filterMenu(String key, ObservableList<String> values, ObservableSet<String> selected) {
        MenuButton menu = new MenuButton(m.text(key));
        menu.getStyleClass().add("filter-menu");
        Runnable fill = () -> {
            menu.getItems().clear();
            for (String v : values) {
                CheckMenuItem item = new CheckMenuItem(v);
                item.setUserData(v);
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
                ((CheckMenuItem) i).setSelected(selected.contains((String) i.getUserData()))));
        fill.run();
        return menu;
    }

    private void rebuildActiveChips() {
        activeChips.getChildren().clear();
        addActive("fleetFilter.environment", fleet.environmentFilter());
        addActive("fleetTable.filter.region", fleet.regionFilter());
        addActive("fleetTable.filter.customer", fleet.customerFilter());
        addActive("fleetTable.filter.version", fleet.versionFilter());
    }

    private void addActive(String key, ObservableSet<String> set) {
        set.stream().sorted().forEach(v -> {
            Button chip = new Button(m.text(key) + ": " + v, new FontIcon(Material2AL.CLOSE));
            chip.setContentDisplay(ContentDisplay.RIGHT);
            chip.getStyleClass().addAll("chip", "active-chip", Styles.SMALL);
            chip.setTooltip(new Tooltip(m.text("fleetTable.filter.remove")));
            chip.setOnAction(e -> set.remove(v));
            activeChips.getChildren().add(chip);
        });
    }
}
