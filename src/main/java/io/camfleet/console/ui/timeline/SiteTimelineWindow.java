package io.camfleet.console.ui.timeline;

import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.timeline.SiteTimeline;
import io.camfleet.console.ui.common.BackgroundTasks;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Opens a site's timeline in a window of its own, beside the screen it was asked from (the ticket, the map's or the
 * table's site detail), so that the operator can keep both in sight. One window per site: asking again for a site
 * whose timeline is open brings that window to the front and reads it again.
 *
 * <p>The composition root builds one per main window and hands {@link #open(String)} to the screens as a callback;
 * screens never import this package.
 */
public final class SiteTimelineWindow {

    private final Supplier<SiteTimeline> timeline;
    private final BackgroundTasks tasks;
    private final Messages messages;
    private final ZoneId zone;
    private final Clock clock;
    private final Map<String, Stage> open = new HashMap<>();

    /**
     * @param timeline the open data folder's timeline service, looked up when a window opens
     * @param zone     the operator's time zone, in which times are shown
     * @param clock    "now": where the timeline ends and what relative times count from
     */
    public SiteTimelineWindow(Supplier<SiteTimeline> timeline, BackgroundTasks tasks, Messages messages, ZoneId zone,
                              Clock clock) {
        this.timeline = timeline;
        this.tasks = tasks;
        this.messages = messages;
        this.zone = zone;
        this.clock = clock;
    }

    /** Shows the timeline of site {@code siteId}, owned by no window. Call on the FX thread. */
    public void open(String siteId) {
        open(siteId, null);
    }

    /** Shows the timeline of site {@code siteId} in a window owned by {@code owner} (may be null). FX thread. */
    public void open(String siteId, Window owner) {
        Stage shown = open.get(siteId);
        if (shown != null) {
            shown.toFront();
            shown.requestFocus();
            return;
        }
        SiteTimelineViewModel vm = new SiteTimelineViewModel(timeline.get(), tasks, messages, clock, zone,
                siteId);
        SiteTimelineView view = new SiteTimelineView(vm, messages, zone, clock);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(messages.text("timeline.window.title", siteId));
        Scene scene = new Scene(view.root(), 1100, 700);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnHidden(e -> open.remove(siteId));
        open.put(siteId, stage);
        stage.show();
        stage.requestFocus();
        view.table().requestFocus();
        vm.load();
    }
}
