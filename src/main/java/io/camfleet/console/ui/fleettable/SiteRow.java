package io.camfleet.console.ui.fleettable;

import io.camfleet.console.service.fleet.SiteSummary;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One row of the fleet table. The row object stays the same while the site exists, so selection and scroll
 * position survive live updates; only its summary changes, and the cells follow it.
 */
public final class SiteRow {

    private final String id;
    private final ReadOnlyObjectWrapper<SiteSummary> summary;

    SiteRow(SiteSummary summary) {
        this.id = summary.id();
        this.summary = new ReadOnlyObjectWrapper<>(summary);
    }

    public String id() {
        return id;
    }

    public SiteSummary summary() {
        return summary.get();
    }

    public ReadOnlyObjectProperty<SiteSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    void update(SiteSummary next) {
        summary.set(next);
    }

    @Override
    public String toString() {
        return "SiteRow[" + id + "]";
    }
}
