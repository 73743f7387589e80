package io.camfleet.console.ui.estate;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import io.camfleet.console.domain.terraform.DriftHint;
import io.camfleet.console.domain.terraform.LiveKind;
import io.camfleet.console.service.common.Messages;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ContentDisplay;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

import java.util.List;
import java.util.function.Function;

/**
 * The drift hints of a state, one row each: which side lacks the resource, its type and id, and why it is listed in a
 * sentence that says what to do. Sortable by every column.
 */
final class DriftTable {

    private final TableView<DriftHint> table = new TableView<>();
    private final Label placeholder = new Label();
    private final Messages m;

    DriftTable(Messages messages) {
        this.m = messages;
        table.setId("estate-state-drift");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        placeholder.setWrapText(true);
        placeholder.setPadding(new Insets(0, 16, 0, 16));
        table.setPlaceholder(placeholder);
        table.getColumns().setAll(List.of(
                column("estate.state.drift.which", 120, this::which),
                column("estate.state.drift.type", 130, DriftHint::type),
                column("estate.state.drift.id", 190, DriftHint::id),
                column("estate.state.drift.why", 640, this::why)));
    }

    private TableColumn<DriftHint, String> column(String key, double width, Function<DriftHint, String> text) {
        TableColumn<DriftHint, String> c = new TableColumn<>(m.text(key));
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(text.apply(d.getValue())));
        c.setCellFactory(col -> wrapping(col));
        return c;
    }

    /** A cell whose sentence wraps to the column's width, the row growing to hold it: a reason is never cut. */
    private static TableCell<DriftHint, String> wrapping(TableColumn<DriftHint, String> column) {
        TableCell<DriftHint, String> cell = new TableCell<>() {
            private final Text text = new Text();

            {
                text.wrappingWidthProperty().bind(column.widthProperty().subtract(16));
                text.fillProperty().bind(textFillProperty());
                text.fontProperty().bind(fontProperty());
                setPrefHeight(Region.USE_COMPUTED_SIZE);
                setPadding(new Insets(4, 8, 4, 8)); // wrapped lines clear of the row's borders
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
                setGraphic(empty ? null : text);
            }
        };
        cell.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        return cell;
    }

    TableView<DriftHint> table() {
        return table;
    }

    /** Shows {@code hints}; the placeholder says whether none were found or nothing was read yet. */
    void show(List<DriftHint> hints, boolean read) {
        SortedList<DriftHint> sorted = new SortedList<>(FXCollections.observableArrayList(hints));
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        placeholder.setText(m.text(read ? "estate.state.drift.none" : "estate.state.empty"));
    }

    String which(DriftHint h) {
        return m.text("estate.state.drift.kind." + h.kind().name());
    }

    /** Why the hint is listed and what to do about it, in one sentence. */
    String why(DriftHint h) {
        String what = m.text("estate.state.live." + LiveKind.ofType(h.type()).map(Enum::name).orElse("OTHER"));
        return switch (h.kind()) {
            case MISSING_IN_AWS -> h.detail().isEmpty()
                    ? m.text("estate.state.drift.why.gone", h.address(), what)
                    : m.text("estate.state.drift.why.ended", h.address(), what, h.detail());
            case NOT_IN_STATE -> m.text("estate.state.drift.why.untracked", what, h.detail());
        };
    }
}
