package io.camfleet.console.ui.common;

import io.camfleet.console.domain.fleet.HealthState;
import javafx.scene.control.TableCell;
import org.kordamp.ikonli.javafx.FontIcon;

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

    /** A coloured glyph plus the state's name; the glyph node is reused, never rebuilt per update. */
    public static <S, T> TableCell<S, T> health(Function<T, HealthState> state, Function<HealthState, String> name) {
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
                HealthState s = state.apply(item);
                HealthStyle.paint(icon, s);
                setGraphic(icon);
                setText(name.apply(s));
            }
        };
    }
}
