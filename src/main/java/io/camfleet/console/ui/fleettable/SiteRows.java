package io.camfleet.console.ui.fleettable;

import javafx.collections.ModifiableObservableListBase;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The table's rows, able to say "their summaries changed" as one change. A sorted view over them then sorts once per
 * snapshot: with an extractor each of thousands of changed rows would fire its own change and its own sort, and with
 * no change at all the sort goes stale (an Online site left among the Offline ones).
 */
final class SiteRows extends ModifiableObservableListBase<SiteRow> {

    private final List<SiteRow> rows = new ArrayList<>();

    /** Tells listeners that every row's summary may have changed: one update over the whole list. */
    void summariesChanged() {
        if (rows.isEmpty()) {
            return;
        }
        beginChange();
        for (int i = 0; i < rows.size(); i++) {
            nextUpdate(i);
        }
        endChange();
    }

    /** One replace, without the element-by-element removal the base class would do (quadratic at 20,000 rows). */
    @Override
    public boolean setAll(Collection<? extends SiteRow> next) {
        beginChange();
        try {
            if (!rows.isEmpty()) {
                nextRemove(0, List.copyOf(rows));
                rows.clear();
            }
            rows.addAll(next);
            if (!rows.isEmpty()) {
                nextAdd(0, rows.size());
            }
        } finally {
            endChange();
        }
        return true;
    }

    @Override
    public SiteRow get(int index) {
        return rows.get(index);
    }

    @Override
    public int size() {
        return rows.size();
    }

    @Override
    protected void doAdd(int index, SiteRow element) {
        rows.add(index, element);
    }

    @Override
    protected SiteRow doSet(int index, SiteRow element) {
        return rows.set(index, element);
    }

    @Override
    protected SiteRow doRemove(int index) {
        return rows.remove(index);
    }
}
