package io.camfleet.console.adapter.sim;

import io.camfleet.console.domain.deploy.MaintenanceWindow;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.HealthRules;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.service.availability.HealthHistory;
import io.camfleet.console.service.fleet.FleetData;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The demo fleet's past, drawn from the same figures as its live feed ({@link DemoSimulation}): what a new user's
 * dashboard shows at once, and the "realistic churn" of the availability benchmark. Deterministic: the same fleet,
 * seed and times give the same history.
 *
 * <p>Each camera runs into troubles at random (a Poisson process at the live feed's rates, each trouble lasting an
 * exponential time around its mean), does its planned work inside its site's maintenance window, and goes dark with
 * every camera around it in the ISP outages; a silent camera is OFFLINE once the health rules say so. Its history
 * ends where the condition the live feed starts it in began, so that the two join. One camera in a hundred joined
 * the fleet during the history.
 */
final class DemoHistory {

    private static final double DAY = 86_400;
    private static final long OFFLINE_AFTER = HealthRules.DEFAULT.offlineAfter().toSeconds();

    private final FleetData fleet;
    private final long seed;

    DemoHistory(FleetData fleet, long seed) {
        this.fleet = fleet;
        this.seed = seed;
    }

    /**
     * Writes the history from {@code from} to {@code to}; camera {@code i} stops at {@code quietUntil[i]} (its current
     * condition's start), or has no history but UNKNOWN when that is null (never heard from).
     */
    void write(Instant from, Instant to, Instant[] quietUntil, HealthHistory.Writer out) {
        List<CameraSystem> cameras = fleet.cameras();
        List<Site> sites = fleet.sites();
        Map<String, Integer> siteIndex = new HashMap<>();
        for (int i = 0; i < sites.size(); i++) {
            siteIndex.put(sites.get(i).id(), i);
        }
        long start = from.getEpochSecond();
        long end = to.getEpochSecond();
        SplittableRandom rnd = new SplittableRandom(seed * 31 + 101);
        long[] joined = new long[cameras.size()];
        long[] until = new long[cameras.size()];
        int[] siteOf = new int[cameras.size()];
        for (int i = 0; i < cameras.size(); i++) {
            CameraSystem c = cameras.get(i);
            siteOf[i] = siteIndex.getOrDefault(c.siteId(), 0);
            boolean added = rnd.nextDouble() < 0.01;
            joined[i] = added ? start + (long) (rnd.nextDouble() * (end - start) * 0.9) : start;
            if (quietUntil[i] == null) {
                // Never heard from: in the fleet for a day or two, unknown all along.
                joined[i] = Math.max(start, end - 3600 - rnd.nextInt(2 * 86_400));
                until[i] = joined[i];
                out.life(c.id(), c.siteId(), joined[i]);
                out.span(c.id(), HealthState.UNKNOWN, joined[i], end);
                continue;
            }
            until[i] = Math.min(end, quietUntil[i].getEpochSecond());
            joined[i] = Math.min(joined[i], until[i]);
            out.life(c.id(), c.siteId(), joined[i]);
            troubles(c.id(), joined[i], until[i], rnd, out);
        }
        maintenance(sites, siteOf, joined, until, start, end, rnd, cameras, out);
        outages(sites, siteOf, joined, until, start, end, rnd, cameras, out);
    }

    /** A camera's own troubles between {@code from} and {@code to}, one at a time. */
    private static void troubles(String id, long from, long to, SplittableRandom rnd, HealthHistory.Writer out) {
        double degraded = 3 * DemoSimulation.DEGRADED_PER_DAY;
        double silent = DemoSimulation.SILENT_PER_DAY;
        double updating = DemoSimulation.UPDATING_PER_DAY;
        double rate = (degraded + silent + updating) / DAY;
        long t = from + exponential(rnd, 1 / rate);
        while (t < to) {
            double x = rnd.nextDouble() * (degraded + silent + updating);
            long end;
            if (x < degraded) {
                end = Math.min(to, t + exponential(rnd, DemoSimulation.DEGRADED_HOURS * 3600));
                out.span(id, HealthState.DEGRADED, t, end);
            } else if (x < degraded + silent) {
                end = Math.min(to, t + OFFLINE_AFTER + exponential(rnd, DemoSimulation.SILENT_HOURS * 3600));
                out.span(id, HealthState.OFFLINE, Math.min(end, t + OFFLINE_AFTER), end);
            } else {
                end = Math.min(to, t + exponential(rnd, DemoSimulation.UPDATING_HOURS * 3600));
                out.span(id, HealthState.UPDATING, t, end);
            }
            t = end + exponential(rnd, 1 / rate);
        }
    }

    /** Planned work: a quarter of the cameras in each opening of their site's window, starting in its first half hour. */
    private static void maintenance(List<Site> sites, int[] siteOf, long[] joined, long[] until, long start, long end,
                                    SplittableRandom rnd, List<CameraSystem> cameras, HealthHistory.Writer out) {
        SiteWindows windows = new SiteWindows(sites);
        int c = 0;
        for (int s = 0; s < sites.size(); s++) {
            int first = c;
            while (c < cameras.size() && siteOf[c] == s) {
                c++;
            }
            MaintenanceWindow window = windows.window(s);
            if (window == null || first == c || window.isAlwaysOpen()) {
                continue;
            }
            ZoneId zone = windows.zone(s);
            long length = Duration.between(window.start(), window.end()).toSeconds();
            if (length <= 0) {
                length += 86_400;
            }
            Instant cursor = Instant.ofEpochSecond(start);
            while (cursor.getEpochSecond() < end) {
                Instant opened = window.nextOpening(cursor, zone);
                long open = opened.getEpochSecond();
                if (open >= end) {
                    break;
                }
                long close = Math.min(end, open + length);
                for (int k = first; k < c; k++) {
                    if (rnd.nextDouble() < DemoSimulation.MAINTENANCE_PER_WINDOW) {
                        long from = open + rnd.nextInt(1800);
                        long to = Math.min(Math.min(close, until[k]),
                                from + exponential(rnd, DemoSimulation.MAINTENANCE_HOURS * 3600));
                        if (from >= joined[k] && to > from) {
                            out.span(cameras.get(k).id(), HealthState.MAINTENANCE, from, to);
                        }
                    }
                }
                cursor = Instant.ofEpochSecond(open + length);
            }
        }
    }

    /** ISP outages: every camera at the sites around one (or in one country) silent for 2 to 10 minutes. */
    private static void outages(List<Site> sites, int[] siteOf, long[] joined, long[] until, long start, long end,
                                SplittableRandom rnd, List<CameraSystem> cameras, HealthHistory.Writer out) {
        long t = start + exponential(rnd, DAY / DemoSimulation.OUTAGES_PER_DAY);
        while (t < end) {
            Site anchor = sites.get(rnd.nextInt(sites.size()));
            boolean country = rnd.nextDouble() < DemoSimulation.COUNTRY_OUTAGE;
            long lasts = 3L * (40 + rnd.nextInt(160));
            for (int i = 0; i < cameras.size(); i++) {
                Site s = sites.get(siteOf[i]);
                boolean hit = country ? s.countryCode().equals(anchor.countryCode()) : DemoSimulation.nearby(s, anchor);
                long from = t + OFFLINE_AFTER;
                long to = Math.min(t + lasts, until[i]);
                if (hit && from >= joined[i] && to > from) {
                    out.span(cameras.get(i).id(), HealthState.OFFLINE, from, to);
                }
            }
            t += exponential(rnd, DAY / DemoSimulation.OUTAGES_PER_DAY);
        }
    }

    private static long exponential(SplittableRandom rnd, double mean) {
        return Math.max(1, Math.round(-Math.log(1 - rnd.nextDouble()) * mean));
    }
}
