package io.camfleet.console.service.timeline;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.timeline.SiteEvent;
import io.camfleet.console.domain.timeline.Timeline;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.fleet.FleetInventory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A site's timeline: one chronological list of its health changes, alerts, deployments, config backups, tickets and
 * audited actions, from every {@link SiteHistorySource}, opening where it answers "what changed before this site went
 * dark?": at the last change before the site's latest outage.
 */
public final class SiteTimeline {

    /** The most events one timeline holds; older ones are left out, and the view says so. */
    public static final int MAX_EVENTS = 2000;
    /** How far back the latest outage is looked for. */
    public static final Duration OUTAGE_LOOKBACK = Duration.ofDays(30);
    /** How far before an outage the change that may have caused it is looked for. */
    public static final Duration CHANGE_LOOKBACK = Duration.ofDays(30);
    /** Shown before the change the window starts at, so that the operator sees what the site was doing then. */
    public static final Duration CONTEXT = Duration.ofHours(1);
    /** Shown before an outage no change was found before. */
    public static final Duration BEFORE_OUTAGE = Duration.ofDays(1);
    /** What a site with no outage shows. */
    public static final Duration LAST_DAYS = Duration.ofDays(7);

    private final Supplier<FleetInventory> fleet;
    private final HealthChanges health;
    private final List<SiteHistorySource> others;
    private final int maxEvents;

    /**
     * @param fleet  the fleet now: which cameras a site has
     * @param health the site's health changes, and where its outages are
     * @param others the other sources (alerts, deployments, config backups, tickets, audit)
     */
    public SiteTimeline(Supplier<FleetInventory> fleet, HealthChanges health, List<SiteHistorySource> others) {
        this(fleet, health, others, MAX_EVENTS);
    }

    SiteTimeline(Supplier<FleetInventory> fleet, HealthChanges health, List<SiteHistorySource> others,
                 int maxEvents) {
        this.fleet = fleet;
        this.health = health;
        this.others = List.copyOf(others);
        this.maxEvents = maxEvents;
    }

    /**
     * The timeline of site {@code siteId} as of {@code now}: from the last change before its latest outage (with
     * {@link #CONTEXT} before it) to now; or from {@link #BEFORE_OUTAGE} before an outage with no change before it;
     * or the last {@link #LAST_DAYS} when it had no outage in {@link #OUTAGE_LOOKBACK}. Reads the stores: call it off
     * the FX thread.
     *
     * @throws Problem (bad input) when the fleet has no such site
     */
    public Timeline of(String siteId, Instant now) {
        Set<String> cameras = camerasOf(siteId);
        // to is exclusive for the sources: an event stamped "now" is in
        Instant end = now.plusNanos(1);
        Optional<Timeline.Outage> outage = health.latestOutage(cameras, now.minus(OUTAGE_LOOKBACK), end);
        Timeline.Start start;
        Instant from;
        SiteEvent change = null;
        if (outage.isPresent()) {
            Instant down = outage.get().from();
            change = read(siteId, cameras, down.minus(CHANGE_LOOKBACK), down.plusNanos(1)).stream()
                    .filter(SiteEvent::isChange)
                    .max(SiteEvent.ORDER).orElse(null);
            start = change == null ? Timeline.Start.OUTAGE_WITHOUT_CHANGE : Timeline.Start.LAST_CHANGE_BEFORE_OUTAGE;
            from = change == null ? down.minus(BEFORE_OUTAGE) : change.at().minus(CONTEXT);
        } else {
            start = Timeline.Start.LAST_DAYS;
            from = now.minus(LAST_DAYS);
        }
        List<SiteEvent> events = read(siteId, cameras, from, end);
        events.sort(SiteEvent.ORDER);
        boolean older = events.size() > maxEvents;
        if (older) {
            events = events.subList(events.size() - maxEvents, events.size());
        }
        int focus = focus(events, start, change, outage.orElse(null));
        return new Timeline(siteId, from, now, start, outage.orElse(null), events, focus, older);
    }

    private Set<String> camerasOf(String siteId) {
        FleetInventory inventory = fleet.get();
        int site = siteId == null ? -1 : inventory.siteIndexOf(siteId.strip());
        if (site < 0) {
            throw Problem.badInput("timeline.unknownSite", siteId == null ? "" : siteId.strip());
        }
        Set<String> ids = new LinkedHashSet<>();
        for (int c = inventory.firstCamera(site); c < inventory.firstCamera(site + 1); c++) {
            CameraSystem camera = inventory.camera(c);
            ids.add(camera.id());
        }
        return ids;
    }

    private List<SiteEvent> read(String siteId, Set<String> cameras, Instant from, Instant to) {
        List<SiteEvent> all = new ArrayList<>(health.events(siteId, cameras, from, to, maxEvents + 1));
        for (SiteHistorySource source : others) {
            all.addAll(source.events(siteId, cameras, from, to, maxEvents + 1));
        }
        return all;
    }

    /** The row the view opens on; the oldest shown when that row was left out to keep the timeline bounded. */
    private static int focus(List<SiteEvent> events, Timeline.Start start, SiteEvent change, Timeline.Outage outage) {
        if (events.isEmpty()) {
            return -1;
        }
        int at = switch (start) {
            case LAST_CHANGE_BEFORE_OUTAGE -> events.indexOf(change);
            case OUTAGE_WITHOUT_CHANGE -> indexOfFirst(events, e -> !e.at().isBefore(outage.from()));
            case LAST_DAYS -> events.size() - 1;
        };
        return Math.max(at, 0);
    }

    private static int indexOfFirst(List<SiteEvent> events, Predicate<SiteEvent> test) {
        for (int i = 0; i < events.size(); i++) {
            if (test.test(events.get(i))) {
                return i;
            }
        }
        return events.size() - 1;
    }
}
