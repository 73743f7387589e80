package io.camfleet.console.domain.availability;

import io.camfleet.console.domain.fleet.Site;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Availability arithmetic: camera, site and group figures from cameras' state histories, by the site-down rule in
 * force. Pure: no I/O, no clock.
 *
 * <h2>The rules</h2>
 * <ul>
 *   <li>Time is counted in whole seconds; a period runs from its start (inclusive) to its end (exclusive).</li>
 *   <li>Data: the console had data for a camera when the time is in the coverage (the fleet-wide stretches when it
 *       was watching) and the camera's state is not UNKNOWN. Time without data is no-data time, never up.</li>
 *   <li>Life: a camera counts only between its firstSeen and lastSeen. Before a camera joins (or after it leaves) it is
 *       neither up, nor down, nor without data; a site counts while at least one of its cameras is in the fleet.</li>
 *   <li>A camera's state is the worst of the stretches covering the instant, ONLINE when none does. It is down when
 *       {@link SiteDownRule#countsAgainst} says so (OFFLINE; DEGRADED when the rule counts it), and when in
 *       MAINTENANCE outside the site's maintenance window (the customer sees no video). UPDATING is up: the
 *       installer's grace, past which the camera is OFFLINE anyway.</li>
 *   <li>Planned maintenance: the site's maintenance window
 *       ({@link io.camfleet.console.domain.deploy.MaintenanceWindow}, in the site's time zone, with its
 *       daylight-saving rules) is excluded from observed and down time; downtime inside it (by the same rules,
 *       MAINTENANCE included) is listed as maintenance. A blank window means the site has none: nothing is planned.
 *       A window or time zone that cannot be read excludes nothing and is named in {@link SiteFigures#windowProblem}.</li>
 *   <li>A site is down when {@link SiteDownRule#isDown}(cameras OFFLINE or in MAINTENANCE, cameras DEGRADED,
 *       expected cameras), expected being its cameras in the fleet with a known state (not UNKNOWN). Unlike the live
 *       map, a camera in MAINTENANCE is expected and counts against the site: the customer sees no video; inside
 *       the window that is planned anyway. The site's observed time is the period within the coverage, while it has
 *       an expected camera, outside the window. Its no-data time is the time it had cameras but no data (coverage
 *       gaps, all of its cameras UNKNOWN), inside the window too: observed + no data + window time with data = the
 *       time it had cameras. The same holds for each camera over its life.</li>
 *   <li>Camera downtime while its site is not down is camera-seconds lost; the site's figure is its cameras' total.</li>
 *   <li>An incident is a stretch of counted downtime. Stretches separated only by planned maintenance or by no data,
 *       with no data in between showing the subject up, are one incident; an incident open at the period's start
 *       counts in it.</li>
 *   <li>The target is the site's SLA tier's, from {@link SlaTargets}; a group's is the observed-time weighted mean.</li>
 * </ul>
 * Spans may overlap or come unsorted: the worse state wins where they overlap, and duplicates count once.
 *
 * <p>Safe to share between threads. A site's figures cost O(e log e) in its e changes, whatever its camera count.
 */
public final class AvailabilityCalculator {

    /** Groups list their members' maintenance stretches only up to this many; the total is always kept. */
    public static final int LISTED_MAINTENANCE = 50;

    private final SiteDownRule rule;
    private final SlaTargets targets;
    private final PlannedWindows windows = new PlannedWindows();

    public AvailabilityCalculator(SiteDownRule rule, SlaTargets targets) {
        this.rule = Objects.requireNonNull(rule, "rule");
        this.targets = Objects.requireNonNull(targets, "targets");
    }

    public SiteDownRule rule() {
        return rule;
    }

    /**
     * One camera's figures, the camera taken alone: its site's other cameras are not known here, so all of its
     * downtime counts as camera-seconds lost. {@link #site} gives the figures with the site's state.
     */
    public Availability camera(Site site, CameraHistory camera, List<Availability.Span> observed, Period period) {
        return compute(site, List.of(camera), observed, period, false).cameras().getFirst();
    }

    /** A site's figures and its cameras', in one sweep over their histories. */
    public SiteFigures site(Site site, List<CameraHistory> cameras, List<Availability.Span> observed, Period period) {
        return compute(site, cameras, observed, period, true);
    }

    private SiteFigures compute(Site site, List<CameraHistory> cameras, List<Availability.Span> observed,
                                Period period, boolean siteKnown) {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(period, "period");
        if (cameras.size() >= SiteSweep.MAX_CAMERAS) {
            throw new IllegalArgumentException("Site " + site.id() + " has " + cameras.size()
                    + " cameras; availability is computed for at most " + (SiteSweep.MAX_CAMERAS - 1) + " per site.");
        }
        for (CameraHistory camera : cameras) {
            if (!camera.siteId().equals(site.id())) {
                throw new IllegalArgumentException("Camera " + camera.cameraId() + " belongs to site "
                        + camera.siteId() + ", not to " + site.id() + ".");
            }
        }
        long start = period.from().getEpochSecond();
        long end = period.to().getEpochSecond();
        if (end - start >= SiteSweep.MAX_SECONDS) {
            throw new IllegalArgumentException("A period of " + period.length().toDays()
                    + " days is too long to compute availability over; ask for at most a few thousand years.");
        }
        long[] data = relative(coverage(observed, start, end), start);
        PlannedWindows.Planned planned = windows.open(site.maintenanceWindow(), site.timeZone(), start, end);
        long[] window = relative(planned.open(), start);

        SiteSweep sweep = new SiteSweep(rule, siteKnown, end - start, data, window, cameras.size());
        sweep.run(cameras, start);

        double target = targets.target(site.slaTier());
        List<Availability> perCamera = new ArrayList<>(cameras.size());
        for (int c = 0; c < cameras.size(); c++) {
            perCamera.add(figures(Grouping.CAMERA, cameras.get(c).cameraId(), period, sweep.tallies[c],
                    sweep.tallies[c].lost, start, target));
        }
        long lost = 0;
        for (SiteSweep.Tally t : sweep.tallies) {
            lost += t.lost;
        }
        Availability siteFigures = figures(Grouping.SITE, site.id(), period, sweep.siteTally, lost, start, target);
        String problem = planned.problem().isEmpty() ? "" : "Site " + site.id() + ": " + planned.problem();
        return new SiteFigures(siteFigures, perCamera, problem);
    }

    private static Availability figures(Grouping grouping, String subject, Period period, SiteSweep.Tally t,
                                        long lost, long start, double target) {
        return new Availability(grouping, subject, period, t.observed, t.noData, t.down, SiteSweep.spans(t, start),
                t.incidents, lost, target);
    }

    /** The coverage within [start, end), sorted and merged, as absolute pairs. */
    static long[] coverage(List<Availability.Span> observed, long start, long end) {
        List<Availability.Span> sorted = new ArrayList<>(observed);
        sorted.sort(Comparator.comparing(Availability.Span::from));
        LongList merged = new LongList();
        for (Availability.Span span : sorted) {
            long from = Math.max(start, span.from().getEpochSecond());
            long to = Math.min(end, span.to().getEpochSecond());
            if (to <= from) {
                continue;
            }
            if (merged.size() > 0 && merged.last() >= from) {
                merged.setLast(Math.max(merged.last(), to));
            } else {
                merged.add(from);
                merged.add(to);
            }
        }
        return merged.toArray();
    }

    private static long[] relative(long[] pairs, long start) {
        long[] r = new long[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            r[i] = pairs[i] - start;
        }
        return r;
    }

    /**
     * A group's figures (a customer's, a region's, an environment's) from its members': seconds, incidents and
     * camera-seconds lost summed, the target weighted by observed time (the plain mean when nothing was observed,
     * NaN for an empty group). Maintenance stretches are listed, merged (so sites planned at the same time share a
     * line), only when there are at most {@value #LISTED_MAINTENANCE} of them; their total is always kept.
     */
    public static Availability sum(Grouping grouping, String subject, Period period, Collection<Availability> parts) {
        long observed = 0;
        long noData = 0;
        long down = 0;
        long maintenance = 0;
        long lost = 0;
        int incidents = 0;
        double weighted = 0;
        double plain = 0;
        List<Availability.Span> spans = new ArrayList<>();
        boolean tooMany = false;
        for (Availability a : parts) {
            observed += a.observedSeconds();
            noData += a.noDataSeconds();
            down += a.downSeconds();
            maintenance += a.maintenanceSeconds();
            lost += a.cameraSecondsLost();
            incidents += a.incidents();
            weighted += a.targetPercent() * a.observedSeconds();
            plain += a.targetPercent();
            if (!tooMany) {
                spans.addAll(a.maintenance());
                // a member whose own list was dropped leaves the group's list incomplete: list nothing then
                tooMany = a.maintenance().isEmpty() && a.maintenanceSeconds() > 0;
                if (spans.size() > LISTED_MAINTENANCE) {
                    spans = mergeSpans(spans);
                    tooMany |= spans.size() > LISTED_MAINTENANCE;
                }
            }
        }
        double target = parts.isEmpty() ? Double.NaN : observed > 0 ? weighted / observed : plain / parts.size();
        return new Availability(grouping, subject, period, observed, noData, down,
                tooMany ? List.of() : mergeSpans(spans), maintenance, incidents, lost, target);
    }

    private static List<Availability.Span> mergeSpans(List<Availability.Span> spans) {
        spans.sort(Comparator.comparing(Availability.Span::from));
        List<Availability.Span> merged = new ArrayList<>();
        for (Availability.Span s : spans) {
            if (!merged.isEmpty() && !merged.getLast().to().isBefore(s.from())) {
                Availability.Span last = merged.removeLast();
                merged.add(new Availability.Span(last.from(), last.to().isAfter(s.to()) ? last.to() : s.to()));
            } else {
                merged.add(s);
            }
        }
        return merged;
    }
}
