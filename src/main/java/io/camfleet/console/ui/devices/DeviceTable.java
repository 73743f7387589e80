package io.camfleet.console.ui.devices;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.JudgedDevice;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.ui.common.Cells;
import io.camfleet.console.ui.common.RelativeTime;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** The devices table: one row a device, every column sortable, several rows selectable for the bulk actions. */
final class DeviceTable {

    private final Messages m;
    private final Clock clock;
    private final DateTimeFormatter day;
    private final TableView<JudgedDevice> table = new TableView<>();

    DeviceTable(DevicesViewModel vm, Messages messages, ZoneId zone, Clock clock) {
        this.m = messages;
        this.clock = clock;
        this.day = DateTimeFormatter.ofPattern("d MMM yyyy", messages.locale()).withZone(zone);
        table.setId("devices-table");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE, "devices");
        table.setFixedCellSize(30);
        // Fourteen columns do not fit a laptop's width: each keeps its width and the table scrolls sideways, rather
        // than every value ellipsed; the menu at the header's right hides the columns an operator does not need.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setTableMenuButtonVisible(true);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label(m.text("devicesView.empty")));

        TableColumn<JudgedDevice, JudgedDevice> compliance = col("devicesView.col.compliance", 310,
                Comparator.comparingInt(RuleWords::weight).reversed()
                        .thenComparing(j -> j.device().serial()));
        compliance.setCellFactory(c -> RuleWords.cell(m));
        TableColumn<JudgedDevice, JudgedDevice> type = col("devicesView.col.type", 125,
                Comparator.comparing(j -> j.device().type()));
        type.setCellFactory(c -> typeCell());
        table.getColumns().setAll(List.of(type,
                text("devicesView.col.serial", 125, ReviewDevice::serial, "mono", "serial"),
                compliance,
                text("devicesView.col.status", 120, ReviewDevice::status),
                text("devicesView.col.reviewer", 230, ReviewDevice::reviewer),
                text("devicesView.col.model", 230, ReviewDevice::model),
                text("devicesView.col.location", 170, ReviewDevice::location),
                text("devicesView.col.assetId", 110, ReviewDevice::assetId, "mono"),
                text("devicesView.col.orgUnit", 170, ReviewDevice::orgUnit),
                osColumn(),
                lastSyncColumn(),
                dateColumn("devicesView.col.autoUpdateEnd", ReviewDevice::autoUpdateEnd),
                dateColumn("devicesView.col.lastEnrollment", d -> d.lastEnrollment() == null ? null
                        : LocalDate.ofInstant(d.lastEnrollment(), day.getZone())),
                text("devicesView.col.recentUsers", 320, d -> String.join(", ", d.recentUsers()))));

        SortedList<JudgedDevice> sorted = new SortedList<>(vm.devices());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        // The worst first, as the fleet table puts its worst site first.
        compliance.setSortType(TableColumn.SortType.ASCENDING);
        table.getSortOrder().add(compliance);
    }

    TableView<JudgedDevice> table() {
        return table;
    }

    private TableCell<JudgedDevice, JudgedDevice> typeCell() {
        return new TableCell<>() {
            private final FontIcon chrome = new FontIcon(Material2AL.LAPTOP_CHROMEBOOK);
            private final FontIcon android = new FontIcon(Material2MZ.TABLET_ANDROID);

            @Override
            protected void updateItem(JudgedDevice j, boolean empty) {
                super.updateItem(j, empty);
                if (empty || j == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(m.text("devicesView.type." + j.device().type().name()));
                setGraphic(j.device().type() == DeviceType.CHROMEOS ? chrome : android);
            }
        };
    }

    private TableColumn<JudgedDevice, JudgedDevice> osColumn() {
        // By milestone and then the rest of the version, as numbers: "99.0" sorts before "126.0".
        TableColumn<JudgedDevice, JudgedDevice> c = col("devicesView.col.osVersion", 135,
                Comparator.comparing(j -> j.device().osVersion(), DeviceTable::compareVersions));
        c.setCellFactory(x -> Cells.text(j -> j.device().osVersion(), "mono"));
        return c;
    }

    private TableColumn<JudgedDevice, JudgedDevice> lastSyncColumn() {
        TableColumn<JudgedDevice, JudgedDevice> c = col("devicesView.col.lastSync", 95,
                Comparator.comparing(j -> j.device().lastSync(), Comparator.nullsFirst(Comparator.naturalOrder())));
        c.setCellFactory(x -> Cells.text(j -> RelativeTime.format(j.device().lastSync(), clock.instant(), m)));
        return c;
    }

    private TableColumn<JudgedDevice, JudgedDevice> dateColumn(String key, Function<ReviewDevice, LocalDate> date) {
        TableColumn<JudgedDevice, JudgedDevice> c = col(key, 105,
                Comparator.comparing(j -> date.apply(j.device()), Comparator.nullsFirst(Comparator.naturalOrder())));
        c.setCellFactory(x -> Cells.text(j -> {
            LocalDate d = date.apply(j.device());
            return d == null ? "" : day.format(d);
        }));
        return c;
    }

    private TableColumn<JudgedDevice, JudgedDevice> text(String key, double width, Function<ReviewDevice, String> of,
                                                        String... styles) {
        TableColumn<JudgedDevice, JudgedDevice> c = col(key, width,
                Comparator.comparing(j -> of.apply(j.device()), String.CASE_INSENSITIVE_ORDER));
        c.setCellFactory(x -> Cells.text(j -> of.apply(j.device()), styles));
        return c;
    }

    private TableColumn<JudgedDevice, JudgedDevice> col(String key, double width, Comparator<JudgedDevice> order) {
        TableColumn<JudgedDevice, JudgedDevice> c = new TableColumn<>(m.text(key));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setComparator(order);
        c.setPrefWidth(width);
        c.setMinWidth(width * 0.6);
        return c;
    }

    /** Compares dotted versions part by part, numbers as numbers; an empty version first. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "";
            String q = i < y.length ? y[i] : "";
            int c = p.matches("\\d{1,9}") && q.matches("\\d{1,9}")
                    ? Integer.compare(Integer.parseInt(p), Integer.parseInt(q)) : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
