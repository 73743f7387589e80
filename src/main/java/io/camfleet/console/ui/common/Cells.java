package io.camfleet.console.ui.common;

import io.camfleet.console.domain.fleet.HealthState;
import javafx.css.PseudoClass;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.function.Function;

/** Table cells shared by the screens: text from a function of the row value, and a health badge. */
public final class Cells {

    private Cells() {
    }

    /** Renders {@code text.apply(item)}; empty for null items. */
    public static <S, T> TableCell<S, T> text(Function<T, String> text, String... styleClasses) {
        TableCell<S, T> cell = new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        };
        cell.getStyleClass().addAll(styleClasses);
        return cell;
    }

    /** Renders {@code text.apply(item)} with the whole text as its tooltip: for a column that may cut it. */
    public static <S, T> TableCell<S, T> whole(Function<T, String> text) {
        return new TableCell<>() {
            private final Tooltip tip = new Tooltip();

            {
                tip.setWrapText(true);
                tip.setMaxWidth(560);
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                String shown = empty || item == null ? null : text.apply(item);
                setText(shown);
                tip.setText(shown == null ? "" : shown);
                setTooltip(shown == null || shown.isEmpty() ? null : tip);
            }
        };
    }

    /**
     * Renders {@code text.apply(item)}, and, where {@code note} has a sentence for the item (null otherwise), a small
     * marker after it with the sentence as its tooltip: a value the operator should read with care.
     */
    public static <S, T> TableCell<S, T> noted(Function<T, String> text, Function<T, String> note,
                                              String... styleClasses) {
        TableCell<S, T> cell = new TableCell<>() {
            private final FontIcon marker = new FontIcon(Material2MZ.UPDATE);
            private final Tooltip tip = new Tooltip();

            {
                marker.setIconSize(13);
                marker.getStyleClass().add("noted-marker");
                setContentDisplay(ContentDisplay.RIGHT);
                tip.setWrapText(true);
                tip.setMaxWidth(420);
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                String sentence = empty || item == null ? null : note.apply(item);
                setText(empty || item == null ? null : text.apply(item));
                setGraphic(sentence == null ? null : marker);
                tip.setText(sentence == null ? "" : sentence);
                setTooltip(sentence == null ? null : tip);
                pseudoClassStateChanged(NOTED, sentence != null);
            }
        };
        cell.getStyleClass().addAll(styleClasses);
        return cell;
    }

    private static final PseudoClass NOTED = PseudoClass.getPseudoClass("noted");

    /** A coloured glyph plus the state's name; the glyph node is reused, never rebuilt per update. */
    public static <S, T> TableCell<S, T> health(Function<T, HealthState> state, Function<HealthState, String> name) {
        return stated(state, (T item) -> name.apply(state.apply(item)));
    }

    /** A state's icon with a text of the item's own ("Degraded · 1 offline"). */
    public static <S, T> TableCell<S, T> stated(Function<T, HealthState> state, Function<T, String> text) {
        return new TableCell<>() {
            private final FontIcon icon = new FontIcon();

            {
                icon.setIconSize(15);
                getStyleClass().add("health-cell");
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                HealthStyle.paint(icon, state.apply(item));
                setGraphic(icon);
                setText(text.apply(item));
            }
        };
    }
}
