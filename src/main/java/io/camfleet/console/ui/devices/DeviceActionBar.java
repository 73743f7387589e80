package io.camfleet.console.ui.devices;

import atlantafx.base.theme.Styles;
import io.camfleet.console.domain.devices.DeviceAction;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.common.Messages;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The actions on the selected devices, as buttons above the table and as the table's context menu: each asks for
 * what it needs, shows the confirmation with exactly what will change, sends it once confirmed and shows the result.
 * With a read-only scope they are all off, and the screen's read-only line says why.
 */
final class DeviceActionBar {

    private final DeviceActions actions;
    private final DevicesViewModel vm;
    private final Messages m;
    private final Supplier<Window> owner;
    private final HBox root = new HBox(8);
    private final ContextMenu menu = new ContextMenu();

    DeviceActionBar(DevicesViewModel vm, Messages messages, Supplier<Window> owner) {
        this.vm = vm;
        this.actions = new DeviceActions(vm);
        this.m = messages;
        this.owner = owner;
        Label selected = new Label();
        selected.setId("devices-selected");
        selected.getStyleClass().add(Styles.TEXT_MUTED);
        selected.textProperty().bind(Bindings.createStringBinding(() -> m.text("devicesView.selected",
                vm.selection().size()), vm.selection()));
        selected.setMinWidth(90);
        root.getChildren().add(selected);
        MenuButton android = new MenuButton(m.text("devicesView.action.android"),
                new FontIcon(Material2MZ.TABLET_ANDROID));
        android.setId("devices-android");
        for (DeviceAction a : DeviceActions.OFFERED) {
            if (a.type() == DeviceType.ANDROID) {
                MenuItem item = item(a);
                android.getItems().add(item);
            } else {
                Button b = new Button(m.text("devicesView.action." + a.name()), icon(a));
                b.setId("devices-action-" + a.name().toLowerCase(Locale.ROOT));
                b.disableProperty().bind(actions.can(a).not());
                b.setOnAction(e -> start(a));
                root.getChildren().add(b);
            }
            menu.getItems().add(item(a));
        }
        android.disableProperty().bind(actions.can(DeviceAction.APPROVE).not());
        Button lost = new Button(m.text("devicesView.action.lost"), new FontIcon(Material2AL.LOCATION_OFF));
        lost.setId("devices-report-lost");
        lost.getStyleClass().add(Styles.DANGER);
        lost.disableProperty().bind(actions.canReportLost().not());
        lost.setOnAction(e -> reportLost());
        MenuItem lostItem = new MenuItem(m.text("devicesView.action.lost"));
        lostItem.disableProperty().bind(actions.canReportLost().not());
        lostItem.setOnAction(e -> reportLost());
        menu.getItems().addAll(new SeparatorMenuItem(), lostItem);
        root.getChildren().addAll(android, lost);
        root.setAlignment(Pos.CENTER_LEFT);
        root.setId("devices-actions");
    }

    Node root() {
        return root;
    }

    /** The same actions on the table's rows (the menu key or Shift+F10 opens it from the keyboard). */
    ContextMenu contextMenu() {
        return menu;
    }

    private MenuItem item(DeviceAction a) {
        MenuItem item = new MenuItem(m.text("devicesView.action." + a.name()), icon(a));
        item.disableProperty().bind(actions.can(a).not());
        item.setOnAction(e -> start(a));
        return item;
    }

    private static FontIcon icon(DeviceAction a) {
        return new FontIcon(switch (a) {
            case DISABLE, BLOCK -> Material2AL.BLOCK;
            case REENABLE, APPROVE -> Material2AL.CHECK_CIRCLE_OUTLINE;
            case MOVE -> Material2AL.ACCOUNT_TREE;
            case ASSIGN -> Material2MZ.PERSON_ADD;
            case REBOOT -> Material2MZ.POWER_SETTINGS_NEW;
            default -> Material2AL.DELETE_FOREVER;
        });
    }

    private void start(DeviceAction a) {
        String parameter = "";
        if (DeviceActions.needsParameter(a)) {
            List<String> known = a == DeviceAction.MOVE ? List.copyOf(vm.orgUnits())
                    : vm.selection().stream().map(j -> j.device().reviewer()).filter(r -> !r.isEmpty()).distinct()
                    .sorted().toList();
            var value = ActionDialogs.parameter(owner.get(), m, a, known);
            if (value.isEmpty()) {
                return;
            }
            parameter = value.get();
        }
        String p = parameter;
        List<ReviewDevice> on = actions.selected();
        // The dialog opens after the preview's callback returns: no nested event loop inside a task's listener.
        actions.preview(a, on, p, preview -> Platform.runLater(() -> ActionDialogs.confirm(owner.get(), m, preview,
                false).ifPresent(reason -> actions.act(a, preview.devices(), p, reason,
                report -> Platform.runLater(() -> ActionDialogs.result(owner.get(), m, report))))));
    }

    private void reportLost() {
        List<ReviewDevice> on = actions.selected();
        if (on.size() != 1) {
            return;
        }
        actions.preview(DeviceAction.DISABLE, on, "", preview -> Platform.runLater(() ->
                ActionDialogs.confirm(owner.get(), m, preview, true).ifPresent(reason ->
                        actions.reportLost(on.getFirst(), reason,
                                report -> Platform.runLater(() -> ActionDialogs.result(owner.get(), m, report))))));
    }
}
