package io.camfleet.console.ui.estate;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.camfleet.console.domain.images.OutdatedRule;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.ui.common.Cells;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The images, sortable by every column: name, id, lineage, created with its age in days, the OS / patch level /
 * release tags, the regions holding a copy, its deprecation, the outdated badge saying why, and how many cameras and
 * instances run it. Cells only show what each {@link ImageRow} already holds.
 */
final class ImagesTable {

    private final TableView<ImageRow> table = new TableView<>();
    private final ImagesTabModel model;
    private final Messages m;
    private final DateTimeFormatter date;

    ImagesTable(ImagesTabModel model, Messages messages, ZoneId zone) {
        this.model = model;
        this.m = messages;
        this.date = DateTimeFormatter.ofPattern("d MMM yyyy", m.locale()).withZone(zone);
        table.setId("images-table");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        // each column as wide as its header and values need; the name takes what room is left
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // one row height for all: the table lays out the rows in view only, not 5,000 to measure them
        table.setFixedCellSize(30);
        // sorted off the FX thread with the search: the table only says in which order
        table.setItems(model.shown());
        table.setSortPolicy(t -> {
            model.sortBy(order(), orderKey());
            return true;
        });
        // created and age in one column: sorting by either is the same order
        TableColumn<ImageRow, ImageRow> created = col("created", 145, r -> r, r -> m.text("estate.images.created",
                date.format(r.entry().image().created()), r.ageDays()),
                (a, b) -> a.entry().image().created().compareTo(b.entry().image().created()));
        created.setSortType(TableColumn.SortType.DESCENDING);
        table.getColumns().setAll(List.of(
                col("name", 190, ImageRow::name, s -> s),
                col("id", 200, ImageRow::id, s -> s),
                col("lineage", 120, r -> r.entry().lineage(), s -> s),
                created,
                // who runs it and whether it is outdated first: what decides a deregister, in view without scrolling
                col("cameras", 85, ImageRow::cameras, n -> Integer.toString(n)),
                col("instances", 92, ImageRow::instances, n -> Integer.toString(n)),
                outdated(),
                col("os", 120, ImageRow::os, s -> s),
                col("patchLevel", 112, ImageRow::patchLevel, s -> s),
                col("release", 82, ImageRow::release, s -> s),
                col("copies", 110, ImageRow::copies, s -> s),
                col("deprecation", 135, r -> r, this::deprecation, (a, b) -> compare(a.entry().image()
                        .deprecatesAt(), b.entry().image().deprecatesAt()))));
        table.getSortOrder().add(created);
        TableColumn<ImageRow, ?> name = table.getColumns().getFirst();
        double others = table.getColumns().stream().skip(1).mapToDouble(TableColumn::getPrefWidth).sum();
        // less the vertical scroll bar and the borders, so that no sideways scroll bar appears for a few pixels
        name.prefWidthProperty().bind(javafx.beans.binding.Bindings.max(190,
                table.widthProperty().subtract(others + 20)));
        Label empty = new Label(m.text("estate.images.empty"));
        empty.setWrapText(true);
        empty.setId("images-empty");
        table.setPlaceholder(empty);
    }

    TableView<ImageRow> table() {
        return table;
    }

    /** The order of the sort columns, as one comparator of rows (each column keeps its own in its user data). */
    @SuppressWarnings("unchecked")
    private Comparator<ImageRow> order() {
        Comparator<ImageRow> order = null;
        for (TableColumn<ImageRow, ?> c : table.getSortOrder()) {
            Comparator<ImageRow> by = (Comparator<ImageRow>) c.getUserData();
            by = c.getSortType() == TableColumn.SortType.DESCENDING ? by.reversed() : by;
            order = order == null ? by : order.thenComparing(by);
        }
        return order;
    }

    /** Names the order, so that the same order asked again does not sort again. */
    private String orderKey() {
        StringBuilder key = new StringBuilder();
        table.getSortOrder().forEach(c -> key.append(c.getId()).append(' ').append(c.getSortType()).append(';'));
        return key.toString();
    }

    /** The placeholder says what to do: refresh, or widen the search. */
    void emptySays(String text) {
        ((Label) table.getPlaceholder()).setText(text);
    }

    private String deprecation(ImageRow r) {
        Instant at = r.entry().image().deprecatesAt();
        return at == null ? "" : m.text(r.deprecated() ? "estate.images.deprecated.since"
                : "estate.images.deprecated.at", date.format(at));
    }

    private static int compare(Instant a, Instant b) {
        return a == null ? (b == null ? 0 : 1) : b == null ? -1 : a.compareTo(b);
    }

    /** "Outdated" as a badge, with why: too old, or which newer image of its lineage there is. */
    private TableColumn<ImageRow, ImageRow> outdated() {
        TableColumn<ImageRow, ImageRow> c = col("outdated", 135, r -> r, r -> "",
                (a, b) -> Boolean.compare(a.outdated(), b.outdated()));
        c.setCellFactory(x -> new TableCell<>() {
            private final Label badge = new Label();
            private final Tooltip why = new Tooltip();

            {
                badge.getStyleClass().addAll(Styles.DANGER, "images-badge");
                badge.setTooltip(why);
            }

            @Override
            protected void updateItem(ImageRow r, boolean empty) {
                super.updateItem(r, empty);
                boolean show = !empty && r != null && r.outdated();
                setGraphic(show ? badge : null);
                if (show) {
                    badge.setText(reason(r.entry().verdict()));
                    why.setText(why(r.entry().verdict()));
                }
            }
        });
        return c;
    }

    /** The short reason beside the badge. */
    private String reason(OutdatedRule.Verdict v) {
        if (v.tooOld() && !v.newerImageId().isEmpty()) {
            return m.text("estate.images.outdated.both", age());
        }
        return v.tooOld() ? m.text("estate.images.outdated.age", age()) : m.text("estate.images.outdated.newer");
    }

    /** The whole reason, in the badge's tooltip: which newer image there is. */
    private String why(OutdatedRule.Verdict v) {
        String newer = v.newerImageId().isEmpty() ? "" : m.text("estate.images.outdated.newerIs", v.newerImageId());
        String old = v.tooOld() ? m.text("estate.images.outdated.tooOld", age()) : "";
        return (old + " " + newer).strip();
    }

    /** The rule's age limit, as the catalogue shown was judged by. */
    private int age() {
        return model.settings().outdated().maxAgeDays();
    }

    private <T extends Comparable<T>> TableColumn<ImageRow, T> col(String key, double width,
                                                                  Function<ImageRow, T> value,
                                                                  Function<T, String> text) {
        return col(key, width, value, text, Comparable::compareTo);
    }

    private <T> TableColumn<ImageRow, T> col(String key, double width, Function<ImageRow, T> value,
                                             Function<T, String> text, Comparator<T> order) {
        TableColumn<ImageRow, T> c = new TableColumn<>(m.text("estate.images.col." + key));
        c.setId("images-col-" + key);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setCellFactory(x -> Cells.text(text));
        c.setComparator(order);
        c.setUserData(Comparator.comparing(value, order));
        c.setPrefWidth(width);
        return c;
    }
}
