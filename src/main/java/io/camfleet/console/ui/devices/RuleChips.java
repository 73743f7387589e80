package io.camfleet.console.ui.devices;

import atlantafx.base.theme.Styles;
import io.camfleet.console.domain.devices.ComplianceRule;
import io.camfleet.console.service.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

import java.text.NumberFormat;
import java.util.EnumMap;
import java.util.Map;

/**
 * The count of devices per compliance rule, as chips: a click shows only the devices breaking that rule (one rule at
 * a time), the chip stays pressed and a removable "Rule: ..." chip says so; "Show all devices" clears every filter.
 * The same chips as the fleet table's health chips.
 */
final class RuleChips {

    private final FlowPane root = new FlowPane(8, 8);
    private final Map<ComplianceRule, ToggleButton> chips = new EnumMap<>(ComplianceRule.class);

    RuleChips(DevicesViewModel vm, Messages m) {
        NumberFormat count = NumberFormat.getIntegerInstance(m.locale());
        root.getStyleClass().add("fleet-filter");
        root.getStylesheets().add(io.camfleet.console.ui.common.FleetFilterBar.class
                .getResource("fleet-filter.css").toExternalForm());
        root.setAlignment(Pos.CENTER_LEFT);
        root.setId("devices-rules");
        Label title = new Label(m.text("devicesView.rules.title"));
        title.getStyleClass().add(Styles.TEXT_MUTED);
        root.getChildren().add(title);
        for (ComplianceRule r : ComplianceRule.values()) {
            ToggleButton chip = new ToggleButton(RuleWords.words(m, r));
            chip.setId("devices-rule-" + r.cliName());
            chip.getStyleClass().addAll("chip", "rule-chip", RuleWords.styleClass(r));
            chip.setTooltip(new Tooltip(m.text("devicesView.rules.tip", RuleWords.words(m, r))));
            chip.setOnAction(e -> vm.showRule(chip.isSelected() ? r : null));
            chips.put(r, chip);
            root.getChildren().add(chip);
        }
        vm.ruleProperty().addListener((o, was, now) -> chips.forEach((r, chip) -> chip.setSelected(r == now)));
        vm.countsProperty().addListener((o, was, now) -> chips.forEach((r, chip) -> {
            int n = now.getOrDefault(r, 0);
            chip.setText(RuleWords.words(m, r) + "  " + count.format(n));
            chip.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("none"), n == 0);
        }));

        Button active = new Button("", new FontIcon(Material2AL.CLOSE));
        active.setId("devices-rule-active");
        active.setContentDisplay(ContentDisplay.RIGHT);
        active.getStyleClass().addAll("chip", "active-chip", Styles.SMALL);
        active.setTooltip(new Tooltip(m.text("devicesView.rules.clear")));
        active.textProperty().bind(Bindings.createStringBinding(() -> vm.ruleProperty().get() == null ? ""
                : m.text("devicesView.rules.filtered", RuleWords.words(m, vm.ruleProperty().get())),
                vm.ruleProperty()));
        active.visibleProperty().bind(vm.ruleProperty().isNotNull());
        active.managedProperty().bind(active.visibleProperty());
        active.setOnAction(e -> vm.showRule(null));

        BooleanBinding filtered = Bindings.createBooleanBinding(vm::filtered, vm.textProperty(), vm.typeProperty(),
                vm.statusProperty(), vm.orgUnitProperty(), vm.ruleProperty());
        Hyperlink clear = new Hyperlink(m.text("devicesView.rules.clear"));
        clear.setId("devices-clear-filters");
        clear.setOnAction(e -> vm.clearFilters());
        clear.visibleProperty().bind(filtered);
        clear.managedProperty().bind(filtered);
        Separator sep = new Separator(Orientation.VERTICAL);
        sep.visibleProperty().bind(filtered);
        sep.managedProperty().bind(filtered);
        root.getChildren().addAll(sep, active, clear);
    }

    Node root() {
        return root;
    }
}
