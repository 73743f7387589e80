package io.camfleet.console.ui.devices;

import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.service.common.Messages;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;

import java.util.List;
import java.util.function.Function;

/**
 * The type, status and org-unit filters: each a choice with "Any" first, its button naming the filter
 * ("Status: DISABLED") so that three of them side by side read without labels.
 */
final class FilterChoices {

    private FilterChoices() {
    }

    static ComboBox<DeviceType> type(DevicesViewModel vm, Messages m) {
        ComboBox<DeviceType> box = choice(m, "devicesView.filter.type",
                t -> m.text("devicesView.type." + t.name()));
        box.getItems().addAll(List.of(DeviceType.values()));
        box.valueProperty().bindBidirectional(vm.typeProperty());
        box.setId("devices-type");
        return box;
    }

    static ComboBox<String> status(DevicesViewModel vm, Messages m) {
        ComboBox<String> box = choice(m, "devicesView.filter.status", s -> s);
        follow(box, vm.statuses());
        box.valueProperty().bindBidirectional(vm.statusProperty());
        box.setId("devices-status");
        return box;
    }

    static ComboBox<String> orgUnit(DevicesViewModel vm, Messages m) {
        ComboBox<String> box = choice(m, "devicesView.filter.orgUnit", s -> s);
        follow(box, vm.orgUnits());
        box.valueProperty().bindBidirectional(vm.orgUnitProperty());
        box.setId("devices-org-unit");
        return box;
    }

    /** The values the cache holds, "Any" first; the chosen one stays chosen when it is still there. */
    private static void follow(ComboBox<String> box, ObservableList<String> values) {
        Runnable fill = () -> {
            String was = box.getValue();
            box.getItems().setAll((String) null);
            box.getItems().addAll(values);
            if (was != null && values.contains(was)) {
                box.setValue(was);
            }
        };
        values.addListener((ListChangeListener<String>) c -> fill.run());
        fill.run();
    }

    private static <T> ComboBox<T> choice(Messages m, String nameKey, Function<T, String> name) {
        ComboBox<T> box = new ComboBox<>();
        box.getItems().add(null);
        box.setButtonCell(cell(m, name, m.text(nameKey) + ": "));
        box.setCellFactory(l -> cell(m, name, ""));
        box.setMinWidth(130);
        return box;
    }

    private static <T> ListCell<T> cell(Messages m, Function<T, String> name, String prefix) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? prefix + m.text("devicesView.any")
                        : prefix + (item == null ? m.text("devicesView.any") : name.apply(item)));
            }
        };
    }
}
