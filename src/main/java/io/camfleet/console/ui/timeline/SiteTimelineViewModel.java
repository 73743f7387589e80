package io.camfleet.console.ui.timeline;

import io.camfleet.console.domain.timeline.SiteEvent;
import io.camfleet.console.domain.timeline.Timeline;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.timeline.SiteTimeline;
import io.camfleet.console.ui.common.BackgroundTasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The site timeline without its controls: the timeline read, the kinds shown (one switch per kind), the rows that
 * pass, the row selected, and the sentences above them (why the rows start where they do, whether older ones were
 * left out, what went wrong). Reads run off the FX thread; results come back on it.
 */
public final class SiteTimelineViewModel {

    private final SiteTimeline timeline;
    private final BackgroundTasks tasks;
    private final Messages m;
    private final Clock clock;
    private final DateTimeFormatter time;
    private final String siteId;
    private final Map<SiteEvent.Kind, BooleanProperty> shownKinds = new EnumMap<>(SiteEvent.Kind.class);
    private final ObservableList<SiteEvent> rows = FXCollections.observableArrayList();
    private final ObjectProperty<SiteEvent> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Timeline> loaded = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper older = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>();

    /** @param zone the operator's time zone, in which the sentences above the rows give times */
    public SiteTimelineViewModel(SiteTimeline timeline, BackgroundTasks tasks, Messages messages, Clock clock,
                                 ZoneId zone, String siteId) {
        this.timeline = timeline;
        this.tasks = tasks;
        this.m = messages;
        this.clock = clock;
        this.time = DateTimeFormatter.ofPattern("d MMM HH:mm", messages.locale()).withZone(zone);
        this.siteId = siteId;
        for (SiteEvent.Kind kind : SiteEvent.Kind.values()) {
            BooleanProperty shown = new SimpleBooleanProperty(true);
            shown.addListener(o -> filter());
            shownKinds.put(kind, shown);
        }
    }

    public String siteId() {
        return siteId;
    }

    /** Whether rows of {@code kind} are shown: the filter chip of that kind. */
    public BooleanProperty shownProperty(SiteEvent.Kind kind) {
        return shownKinds.get(kind);
    }

    /** The rows of the kinds shown, oldest first. */
    public ObservableList<SiteEvent> rows() {
        return rows;
    }

    public ObjectProperty<SiteEvent> selectedProperty() {
        return selected;
    }

    /** The timeline as last read; null before the first read ends. */
    public ReadOnlyObjectProperty<Timeline> timelineProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Why the rows start where they do: the latest outage and the change before it, or the last days. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Says that older events were left out, when they were; "" otherwise. */
    public ReadOnlyStringProperty olderProperty() {
        return older.getReadOnlyProperty();
    }

    /** What went wrong with the last read, in one sentence; "" when it went well. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** When the timeline was read: what the "ago" column counts from. */
    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    /** How many events of {@code kind} the timeline holds, shown or not. */
    public int count(SiteEvent.Kind kind) {
        Timeline t = loaded.get();
        return t == null ? 0 : (int) t.events().stream().filter(e -> e.kind() == kind).count();
    }

    /** Whether {@code e} happened while the site was down (its latest outage): the rows drawn as the outage. */
    public boolean duringOutage(SiteEvent e) {
        Timeline t = loaded.get();
        if (t == null || t.outage() == null) {
            return false;
        }
        Timeline.Outage o = t.outage();
        return !e.at().isBefore(o.from()) && (o.to() == null || e.at().isBefore(o.to()));
    }

    /** Whether {@code e} is the row the timeline opened on (the last change before the outage, say). */
    public boolean isFocus(SiteEvent e) {
        Timeline t = loaded.get();
        return t != null && t.focused().map(e::equals).orElse(false);
    }

    /** Reads the site's timeline again, off the FX thread; the row it opens on is selected when it is back. */
    public void load() {
        loading.set(true);
        problem.set("");
        tasks.job(m.text("timeline.task.read", siteId), p -> timeline.of(siteId, clock.instant()))
                .onSuccess(this::show)
                .onFailure(e -> {
                    loading.set(false);
                    problem.set(e instanceof Problem pr ? m.text(pr) : m.text("timeline.readFailed", siteId,
                            e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                })
                .start();
    }

    private void show(Timeline t) {
        loading.set(false);
        now.set(t.to());
        loaded.set(t);
        String from = t.outage() == null ? "" : time.format(t.outage().from());
        String to = t.outage() == null ? "" : t.outage().ongoing() ? m.text("timeline.outage.ongoing")
                : time.format(t.outage().to());
        status.set(m.text(t.start().messageKey(), from, to));
        older.set(t.olderNotShown() ? m.text("timeline.olderNotShown", t.events().size()) : "");
        filter();
        selected.set(t.focused().filter(e -> shownKinds.get(e.kind()).get()).orElse(null));
    }

    private void filter() {
        Timeline t = loaded.get();
        SiteEvent was = selected.get();
        rows.setAll(t == null ? List.of()
                : t.events().stream().filter(e -> shownKinds.get(e.kind()).get()).toList());
        selected.set(was != null && rows.contains(was) ? was : null);
    }
}
