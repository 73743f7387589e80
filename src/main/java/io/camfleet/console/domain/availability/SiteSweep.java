package io.camfleet.console.domain.availability;

import io.camfleet.console.domain.fleet.HealthState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One sweep over a site's history: every change (a camera joining or leaving, a state stretch starting or ending,
 * coverage, the maintenance window) is an event packed in a {@code long} and sorted; between two events nothing
 * changes. Each camera (and the site) is charged only when its class changes, from running totals of time per
 * context (data or not, window or not, site down or not), so the work is O(events log events) whatever the number
 * of cameras.
 *
 * <p>Times are whole seconds relative to the period's start.
 */
final class SiteSweep {

    // event layout: | time (37 bits) | camera (20 bits) | kind (3 bits) | state (3 bits) |
    private static final int KIND_SHIFT = 3;
    private static final int CAMERA_SHIFT = 6;
    private static final int TIME_SHIFT = 26;
    static final int MAX_CAMERAS = 1 << (TIME_SHIFT - CAMERA_SHIFT);
    static final long MAX_SECONDS = 1L << (63 - TIME_SHIFT);

    private static final int JOIN = 0;
    private static final int LEAVE = 1;
    private static final int STATE_START = 2;
    private static final int STATE_END = 3;
    private static final int DATA_START = 4;
    private static final int DATA_END = 5;
    private static final int WINDOW_START = 6;
    private static final int WINDOW_END = 7;

    // context bits: what the running totals are split by
    private static final int DATA = 1;
    private static final int WINDOW = 2;
    private static final int SITE_DOWN = 4;

    // classes of a camera (and of the site)
    static final byte ABSENT = 0;
    static final byte NO_DATA = 1;
    static final byte UP = 2;
    static final byte DEGRADED = 3;
    static final byte DOWN = 4;

    private static final int STATES = HealthState.count();
    private static final int OFFLINE = HealthState.OFFLINE.ordinal();
    private static final int DEGRADED_STATE = HealthState.DEGRADED.ordinal();
    private static final int UNKNOWN = HealthState.UNKNOWN.ordinal();
    private static final int MAINTENANCE = HealthState.MAINTENANCE.ordinal();
    private static final int ONLINE = HealthState.ONLINE.ordinal();

    private final SiteDownRule rule;
    private final boolean siteKnown;
    private final long length;
    private final long[] data;
    private final long[] window;
    private final int cameras;

    private final long[] totals = new long[8];
    private int context;
    private long now;

    // per camera
    private final int[] alive;
    private final int[] stateCounts;
    private final byte[] cls;
    private final long[] since;
    private final long[] snapshots;
    final Tally[] tallies;

    // the site
    private int offlineCount;
    private int degradedCount;
    private int knownCount;
    private int aliveCount;
    private byte siteCls = ABSENT;
    private long siteSince;
    private final long[] siteSnapshot = new long[8];
    final Tally siteTally = new Tally();

    /** What one subject accumulates. */
    static final class Tally {
        long observed;
        long noData;
        long down;
        long lost;
        int incidents;
        boolean inIncident;
        LongList maintenance;
    }

    /**
     * @param siteKnown whether the cameras are all of the site's (false: one camera alone, its site never down)
     * @param length    the period's length in seconds
     * @param data      the coverage, relative sorted disjoint pairs
     * @param window    the open window, relative sorted disjoint pairs
     */
    SiteSweep(SiteDownRule rule, boolean siteKnown, long length, long[] data, long[] window, int cameras) {
        this.rule = rule;
        this.siteKnown = siteKnown;
        this.length = length;
        this.data = data;
        this.window = window;
        this.cameras = cameras;
        this.alive = new int[cameras];
        this.stateCounts = new int[cameras * STATES];
        this.cls = new byte[cameras];
        this.since = new long[cameras];
        this.snapshots = new long[cameras * 8];
        this.tallies = new Tally[cameras];
        for (int c = 0; c < cameras; c++) {
            tallies[c] = new Tally();
        }
    }

    /** Runs the sweep over the given cameras' histories, {@code start} being the period's start in epoch seconds. */
    void run(List<CameraHistory> histories, long start) {
        int stretches = 0;
        for (int c = 0; c < cameras; c++) {
            stretches += histories.get(c).spans().size();
        }
        LongList events = new LongList(2 * (data.length / 2 + window.length / 2 + cameras + stretches));
        for (int i = 0; i < data.length; i += 2) {
            add(events, data[i], data[i + 1], 0, DATA_START, 0);
        }
        for (int i = 0; i < window.length; i += 2) {
            add(events, window[i], window[i + 1], 0, WINDOW_START, 0);
        }
        for (int c = 0; c < cameras; c++) {
            CameraHistory h = histories.get(c);
            long joined = clip(h.firstSeen().getEpochSecond() - start);
            long left = h.lastSeen() == null ? length : clip(h.lastSeen().getEpochSecond() - start);
            add(events, joined, left, c, JOIN, 0);
            List<StateSpan> spans = h.spans();
            for (int s = 0, n = spans.size(); s < n; s++) {
                StateSpan span = spans.get(s);
                int state = span.state().ordinal();
                if (state == ONLINE) {
                    continue;
                }
                Instant to = span.to();
                add(events, clip(span.from().getEpochSecond() - start),
                        to == null ? length : clip(to.getEpochSecond() - start), c, STATE_START, state);
            }
        }
        long[] sorted = events.toArray();
        Arrays.sort(sorted); // primitives: no boxing
        int i = 0;
        while (i < sorted.length) {
            long t = sorted[i] >>> TIME_SHIFT;
            advance(t);
            while (i < sorted.length && (sorted[i] >>> TIME_SHIFT) == t) {
                apply(sorted[i]);
                i++;
            }
            updateSite();
        }
        // Every camera leaves at the period's end at the latest, so the last events charged everything.
    }

    private long clip(long t) {
        return Math.max(0, Math.min(length, t));
    }

    private static void add(LongList events, long from, long to, int camera, int startKind, int state) {
        if (to <= from) {
            return;
        }
        long payload = ((long) camera << CAMERA_SHIFT) | state;
        events.add((from << TIME_SHIFT) | payload | ((long) startKind << KIND_SHIFT));
        events.add((to << TIME_SHIFT) | payload | ((long) (startKind + 1) << KIND_SHIFT));
    }

    private void advance(long t) {
        totals[context] += t - now;
        now = t;
    }

    private void apply(long event) {
        int kind = (int) (event >>> KIND_SHIFT) & 7;
        int camera = (int) (event >>> CAMERA_SHIFT) & (MAX_CAMERAS - 1);
        switch (kind) {
            case JOIN -> changeCamera(camera, 1, -1, 0);
            case LEAVE -> changeCamera(camera, -1, -1, 0);
            case STATE_START -> changeCamera(camera, 0, (int) event & 7, 1);
            case STATE_END -> changeCamera(camera, 0, (int) event & 7, -1);
            case DATA_START -> context |= DATA;
            case DATA_END -> context &= ~DATA;
            case WINDOW_START -> context |= WINDOW;
            case WINDOW_END -> context &= ~WINDOW;
            default -> throw new IllegalStateException("event kind " + kind);
        }
    }

    private void changeCamera(int c, int aliveDelta, int state, int stateDelta) {
        alive[c] += aliveDelta;
        if (state >= 0) {
            stateCounts[c * STATES + state] += stateDelta;
        }
        byte next = classOf(c);
        byte previous = cls[c];
        if (next == previous) {
            return;
        }
        charge(tallies[c], previous, since[c], snapshots, c * 8, true);
        count(previous, -1);
        count(next, 1);
        cls[c] = next;
        since[c] = now;
        System.arraycopy(totals, 0, snapshots, c * 8, 8);
    }

    private byte classOf(int c) {
        if (alive[c] <= 0) {
            return ABSENT;
        }
        int base = c * STATES;
        for (int s = 0; s < ONLINE; s++) {
            if (stateCounts[base + s] > 0) {
                if (s == OFFLINE || s == MAINTENANCE) {
                    return DOWN;
                }
                if (s == DEGRADED_STATE) {
                    return DEGRADED;
                }
                if (s == UNKNOWN) {
                    return NO_DATA;
                }
                return UP; // UPDATING: the installer's grace
            }
        }
        return UP;
    }

    private void count(byte c, int delta) {
        if (c != ABSENT) {
            aliveCount += delta;
        }
        if (c >= UP) {
            knownCount += delta;
        }
        if (c == DEGRADED) {
            degradedCount += delta;
        } else if (c == DOWN) {
            offlineCount += delta;
        }
    }

    private void updateSite() {
        byte next;
        if (aliveCount == 0) {
            next = ABSENT;
        } else if (knownCount == 0) {
            next = NO_DATA;
        } else {
            next = siteKnown && rule.isDown(offlineCount, degradedCount, knownCount) ? DOWN : UP;
        }
        if (next == siteCls) {
            return;
        }
        charge(siteTally, siteCls, siteSince, siteSnapshot, 0, false);
        siteCls = next;
        siteSince = now;
        System.arraycopy(totals, 0, siteSnapshot, 0, 8);
        context = next == DOWN ? context | SITE_DOWN : context & ~SITE_DOWN;
    }

    /** Charges {@code tally} for [from, now) spent in class {@code c}, the totals then being {@code snapshot}. */
    private void charge(Tally tally, byte c, long from, long[] snapshot, int offset, boolean camera) {
        if (c == ABSENT || from == now) {
            return;
        }
        long all = 0;
        long withData = 0;
        for (int k = 0; k < 8; k++) {
            long d = totals[k] - snapshot[offset + k];
            all += d;
            if ((k & DATA) != 0) {
                withData += d;
            }
        }
        if (c == NO_DATA) {
            tally.noData += all;
            return;
        }
        long counted = delta(snapshot, offset, DATA) + delta(snapshot, offset, DATA | SITE_DOWN);
        tally.noData += all - withData;
        tally.observed += counted;
        boolean down = c == DOWN || (c == DEGRADED && rule.degradedCounts());
        if (!down) {
            if (withData > 0) {
                tally.inIncident = false;
            }
            return;
        }
        tally.down += counted;
        if (camera) {
            tally.lost += delta(snapshot, offset, DATA);
        }
        if (counted > 0 && !tally.inIncident) {
            tally.incidents++;
            tally.inIncident = true;
        }
        if (withData - counted > 0) {
            if (tally.maintenance == null) {
                tally.maintenance = new LongList();
            }
            overlap(from, now, tally.maintenance);
        }
    }

    private long delta(long[] snapshot, int offset, int k) {
        return totals[k] - snapshot[offset + k];
    }

    /** Adds [from, to) ∩ window ∩ data to {@code into}, joining touching stretches. */
    private void overlap(long from, long to, LongList into) {
        for (int w = 0; w < window.length; w += 2) {
            long a = Math.max(from, window[w]);
            long b = Math.min(to, window[w + 1]);
            for (int d = 0; d < data.length && a < b; d += 2) {
                long x = Math.max(a, data[d]);
                long y = Math.min(b, data[d + 1]);
                if (x < y) {
                    if (into.size() > 0 && into.last() == x) {
                        into.setLast(y);
                    } else {
                        into.add(x);
                        into.add(y);
                    }
                }
            }
        }
    }

    /** The maintenance stretches of {@code tally} as spans, back in absolute time. */
    static List<Availability.Span> spans(Tally tally, long start) {
        if (tally.maintenance == null) {
            return List.of();
        }
        List<Availability.Span> spans = new ArrayList<>(tally.maintenance.size() / 2);
        for (int i = 0; i < tally.maintenance.size(); i += 2) {
            spans.add(new Availability.Span(Instant.ofEpochSecond(start + tally.maintenance.get(i)),
                    Instant.ofEpochSecond(start + tally.maintenance.get(i + 1))));
        }
        return spans;
    }
}
