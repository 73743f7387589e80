package io.camfleet.console.ui.common;

import io.camfleet.console.service.common.Messages;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableCell;

import java.time.Instant;
import java.util.function.Function;

/**
 * "2 min ago", refreshed whenever the clock moves (each snapshot), not only when the cell's value changes.
 */
public final class RelativeTimeCell<S, T> extends TableCell<S, T> {

    private final Function<T, Instant> at;
    private final ObservableValue<Instant> now;
    private final Messages m;
    private final InvalidationListener tick = o -> render();

    public RelativeTimeCell(Function<T, Instant> at, ObservableValue<Instant> now, Messages messages) {
        this.at = at;
        this.now = now;
        this.m = messages;
        now.addListener(new WeakInvalidationListener(tick));
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        render();
    }

    private void render() {
        T item = getItem();
        setText(isEmpty() || item == null ? null : RelativeTime.format(at.apply(item), now.getValue(), m));
    }
}
