package io.camfleet.console.adapter.sim;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.OperatingMode;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.service.fleet.FleetData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The moving part of the demo fleet: what each camera is going through, and the telemetry that follows from it.
 * Health is never set here; the console derives it from this telemetry like it would from a real fleet.
 */
final class DemoSimulation {

    enum Condition { OK, DISK_FULL, HOT, NO_FRAMES, SILENT, MAINTENANCE, UPDATING, NEVER_SEEN }

    /*
     * How often a camera runs into each trouble, and for how long, as a fleet of this kind does: a camera is out of
     * ONLINE about five times a month (an update, a full disk, an hour's planned work, a short silence), not the 28
     * times a day this simulation once made it (which showed sites at 97 % and wrote 3 million health changes a day
     * at 20,000 sites). The map keeps its life from the size of the fleet: at 2,500 sites a camera changes state
     * about every 10 s somewhere. DemoHistory draws the demo's past from the same figures.
     */
    static final double TICKS_PER_DAY = 86_400.0 / DemoFleetSource.TICK.toSeconds();
    /** Each of a full disk, a hot board and no frames (DEGRADED): once in 100 days, for 12 h on average. */
    static final double DEGRADED_PER_DAY = 0.01;
    static final double DEGRADED_HOURS = 12;
    /** A camera gone silent (OFFLINE once the rules say so): once in 100 days, for 30 min on average. */
    static final double SILENT_PER_DAY = 0.01;
    static final double SILENT_HOURS = 0.5;
    /** A software update (UPDATING, which counts as up): once in 20 days, for 20 min on average. */
    static final double UPDATING_PER_DAY = 0.05;
    static final double UPDATING_HOURS = 1.0 / 3;
    /** Planned work, only while the site's maintenance window is open: one camera in four per window, 40 min. */
    static final double MAINTENANCE_PER_WINDOW = 0.25;
    static final double MAINTENANCE_HOURS = 2.0 / 3;
    /** An ISP outage somewhere: about one a day, one in 25 a whole country, for 2 to 10 minutes. */
    static final double OUTAGES_PER_DAY = 1;
    static final double COUNTRY_OUTAGE = 0.04;

    private static final double P_DISK = DEGRADED_PER_DAY / TICKS_PER_DAY;
    private static final double P_HOT = DEGRADED_PER_DAY / TICKS_PER_DAY;
    private static final double P_NO_FRAMES = DEGRADED_PER_DAY / TICKS_PER_DAY;
    private static final double P_SILENT = SILENT_PER_DAY / TICKS_PER_DAY;
    /** Per tick while a window is open: a camera's chance of its planned work over a 2-hour window. */
    private static final double P_MAINTENANCE = MAINTENANCE_PER_WINDOW / (TICKS_PER_DAY / 12);
    private static final double P_UPDATING = UPDATING_PER_DAY / TICKS_PER_DAY;
    private static final double P_RECOVER_DEGRADED = 1 / (DEGRADED_HOURS * TICKS_PER_DAY / 24);
    private static final double P_RECOVER_SILENT = 1 / (SILENT_HOURS * TICKS_PER_DAY / 24);
    private static final double P_RECOVER_MAINTENANCE = 1 / (MAINTENANCE_HOURS * TICKS_PER_DAY / 24);
    private static final double P_RECOVER_UPDATING = 1 / (UPDATING_HOURS * TICKS_PER_DAY / 24);
    private static final double P_FIRST_HEARTBEAT = 1.0 / 2000;
    private static final double P_OUTAGE = OUTAGES_PER_DAY / TICKS_PER_DAY;
    private static final int MAX_OUTAGES = 2;

    private final List<CameraSystem> cameras;
    private final int[] siteOf;
    private final List<Site> sites;
    private final long seed;
    private final Condition[] condition;
    private final int[] phase;
    private final Instant[] frozenHeartbeat;
    private final float[] diskBase;
    private final float[] tempBase;
    private final float[] framesBase;
    private final CameraTelemetry[] lastSent;
    /** When each camera's condition began: the fleet did not start when the console did. */
    private final Instant[] conditionSince;
    /** The condition {@link #lastSent} was made in: with the same beat, the same telemetry. */
    private final Condition[] lastSentIn;
    private final boolean[] inOutage;
    private final List<Outage> outages = new ArrayList<>();
    /** Each site's maintenance window and zone, read once; null where it has none or it cannot be read. */
    private final SiteWindows windows;
    private long step;

    /** A place gone dark: every camera at these sites is silent until the outage ends. */
    private record Outage(String place, int[] cameraIndexes, long endStep) {
    }

    DemoSimulation(FleetData inventory, long seed, Instant start) {
        this.cameras = inventory.cameras();
        this.sites = inventory.sites();
        this.seed = seed;
        int n = cameras.size();
        Map<String, Integer> siteIndex = new HashMap<>();
        for (int i = 0; i < sites.size(); i++) {
            siteIndex.put(sites.get(i).id(), i);
        }
        siteOf = new int[n];
        condition = new Condition[n];
        phase = new int[n];
        frozenHeartbeat = new Instant[n];
        diskBase = new float[n];
        tempBase = new float[n];
        framesBase = new float[n];
        lastSent = new CameraTelemetry[n];
        lastSentIn = new Condition[n];
        inOutage = new boolean[n];
        conditionSince = new Instant[n];
        windows = new SiteWindows(sites);
        // Its own random sequence, so that adding it changed nothing else the seed gives.
        SplittableRandom ages = new SplittableRandom(seed * 31 + 11);
        SplittableRandom rnd = new SplittableRandom(seed * 31 + 7);
        for (int i = 0; i < n; i++) {
            siteOf[i] = siteIndex.getOrDefault(cameras.get(i).siteId(), 0);
            phase[i] = rnd.nextInt(DemoFleetSource.HEARTBEAT_SECONDS);
            diskBase[i] = (float) (18 + rnd.nextDouble() * 55);
            tempBase[i] = (float) (34 + rnd.nextDouble() * 22);
            framesBase[i] = rnd.nextDouble() < 0.7 ? 600 : 900;
            double x = rnd.nextDouble();
            // Silent cameras and planned work out of their window are downtime: few, and begun lately.
            condition[i] = x < 0.953 ? Condition.OK
                    : x < 0.959 ? Condition.DISK_FULL
                    : x < 0.964 ? Condition.HOT
                    : x < 0.968 ? Condition.NO_FRAMES
                    : x < 0.971 ? Condition.SILENT
                    : x < 0.974 ? Condition.MAINTENANCE
                    : x < 0.994 ? Condition.UPDATING
                    : Condition.NEVER_SEEN;
            if (condition[i] == Condition.SILENT) {
                frozenHeartbeat[i] = start.minusSeconds(120 + rnd.nextInt(4 * 3600) / 8);
            }
            // Healthy for days to weeks; a trouble of the moment for minutes to hours. A silent camera dates
            // itself by its last heartbeat, and one never heard from has no date.
            conditionSince[i] = switch (condition[i]) {
                case OK -> start.minusSeconds(3600 + ages.nextInt(21 * 86_400));
                case SILENT, NEVER_SEEN -> null;
                case MAINTENANCE -> start.minusSeconds(60 + ages.nextInt(6 * 3600) / 12);
                default -> start.minusSeconds(60 + ages.nextInt(6 * 3600));
            };
        }
        // Start with one outage under way, begun a few minutes ago, so the fleet has a story from the first look.
        // One metro area, never a whole country: a new user's first look is a fleet with one place dark, not a map
        // and an alerts list full of it.
        startOutage(rnd, start.minusSeconds(150 + rnd.nextInt(300)), 60 + rnd.nextInt(100), false);
    }

    /** Telemetry for every camera at {@code now}; when {@code onlyChanged}, just what differs from the last call. */
    Map<String, CameraTelemetry> telemetryAt(Instant now, boolean onlyChanged) {
        Map<String, CameraTelemetry> out = new HashMap<>(onlyChanged ? 1024 : cameras.size() * 2);
        for (int i = 0; i < cameras.size(); i++) {
            Condition c = condition[i];
            // Telemetry follows from the condition and the beat alone: most cameras, between beats, need no new one.
            if (onlyChanged && lastSentIn[i] == c && lastSent[i] != null && sameBeat(lastSent[i], i, c, now)) {
                continue;
            }
            CameraTelemetry t = telemetry(i, now);
            if (!onlyChanged || !t.equals(lastSent[i])) {
                out.put(cameras.get(i).id(), t);
            }
            lastSent[i] = t;
            lastSentIn[i] = c;
        }
        return out;
    }

    /** When each camera entered the condition it is in, by camera id; silent ones date themselves by heartbeat. */
    Map<String, Instant> since() {
        Map<String, Instant> out = new HashMap<>(cameras.size() * 2);
        for (int i = 0; i < cameras.size(); i++) {
            if (conditionSince[i] != null) {
                out.put(cameras.get(i).id(), conditionSince[i]);
            }
        }
        return out;
    }

    /** One tick: conditions move on, outages start and end; returns the telemetry that changed. */
    Map<String, CameraTelemetry> step(Instant now) {
        step++;
        SplittableRandom rnd = new SplittableRandom(seed ^ (step * 0x9E3779B97F4A7C15L));
        for (Iterator<Outage> it = outages.iterator(); it.hasNext(); ) {
            Outage o = it.next();
            if (step >= o.endStep()) {
                for (int i : o.cameraIndexes()) {
                    inOutage[i] = false;
                    condition[i] = Condition.OK;
                    conditionSince[i] = now;
                }
                it.remove();
            }
        }
        if (outages.size() < MAX_OUTAGES && rnd.nextDouble() < P_OUTAGE) {
            startOutage(rnd, now, 40 + rnd.nextInt(160), true);
        }
        for (int i = 0; i < cameras.size(); i++) {
            if (inOutage[i]) {
                continue;
            }
            double x = rnd.nextDouble();
            Condition next = switch (condition[i]) {
                case OK -> x < P_DISK ? Condition.DISK_FULL
                        : x < P_DISK + P_HOT ? Condition.HOT
                        : x < P_DISK + P_HOT + P_NO_FRAMES ? Condition.NO_FRAMES
                        : x < P_DISK + P_HOT + P_NO_FRAMES + P_SILENT ? Condition.SILENT
                        : x < P_DISK + P_HOT + P_NO_FRAMES + P_SILENT + P_MAINTENANCE
                        ? (windows.isOpen(siteOf[i], now) ? Condition.MAINTENANCE : Condition.OK)
                        : x < P_DISK + P_HOT + P_NO_FRAMES + P_SILENT + P_MAINTENANCE + P_UPDATING
                        ? Condition.UPDATING : Condition.OK;
                case DISK_FULL, HOT, NO_FRAMES -> x < P_RECOVER_DEGRADED ? Condition.OK : condition[i];
                case SILENT -> x < P_RECOVER_SILENT ? Condition.OK : Condition.SILENT;
                case MAINTENANCE -> x < P_RECOVER_MAINTENANCE ? Condition.OK : Condition.MAINTENANCE;
                case UPDATING -> x < P_RECOVER_UPDATING ? Condition.OK : Condition.UPDATING;
                case NEVER_SEEN -> x < P_FIRST_HEARTBEAT ? Condition.OK : Condition.NEVER_SEEN;
            };
            if (next != condition[i]) {
                if (next == Condition.SILENT) {
                    frozenHeartbeat[i] = lastBeat(i, now);
                }
                condition[i] = next;
                conditionSince[i] = next == Condition.SILENT ? null : now;
            }
        }
        return telemetryAt(now, true);
    }

    private void startOutage(SplittableRandom rnd, Instant at, int ticks, boolean mayBeCountry) {
        // Most outages take out one metro area; one in 25 a whole country.
        Site anchor = sites.get(rnd.nextInt(sites.size()));
        boolean country = rnd.nextDouble() < COUNTRY_OUTAGE && mayBeCountry;
        List<Integer> hit = new ArrayList<>();
        for (int i = 0; i < cameras.size(); i++) {
            Site s = sites.get(siteOf[i]);
            boolean same = country ? s.countryCode().equals(anchor.countryCode()) : nearby(s, anchor);
            if (same && !inOutage[i]) {
                hit.add(i);
            }
        }
        int[] idx = hit.stream().mapToInt(Integer::intValue).toArray();
        for (int i : idx) {
            inOutage[i] = true;
            if (condition[i] != Condition.SILENT) {
                frozenHeartbeat[i] = lastBeat(i, at);
            }
            condition[i] = Condition.SILENT;
            conditionSince[i] = null;
        }
        outages.add(new Outage(country ? anchor.countryCode() : anchor.name(), idx, step + ticks));
    }

    /**
     * When camera {@code i} entered the condition it starts in, for the history before it: its condition's start, the
     * last heartbeat of a silent one; null for one never heard from.
     */
    Instant quietUntil(int i) {
        return condition[i] == Condition.SILENT ? frozenHeartbeat[i] : conditionSince[i];
    }

    static boolean nearby(Site s, Site anchor) {
        if (s.latitude() == null || anchor.latitude() == null) {
            return s == anchor;
        }
        return Math.abs(s.latitude() - anchor.latitude()) < 0.6 && Math.abs(s.longitude() - anchor.longitude()) < 0.8;
    }

    private Instant lastBeat(int i, Instant now) {
        return Instant.ofEpochSecond(lastBeatSecond(i, now));
    }

    private long lastBeatSecond(int i, Instant now) {
        long t = now.getEpochSecond();
        return t - Math.floorMod(t - phase[i], DemoFleetSource.HEARTBEAT_SECONDS);
    }

    /** Whether {@code sent} carries the beat camera {@code i} in condition {@code c} has at {@code now}. */
    private boolean sameBeat(CameraTelemetry sent, int i, Condition c, Instant now) {
        Instant beat = sent.lastHeartbeat();
        return switch (c) {
            case NEVER_SEEN -> beat == null;
            case SILENT -> java.util.Objects.equals(beat, frozenHeartbeat[i]);
            // In seconds, without an Instant: this runs for every camera on every tick.
            default -> beat != null && beat.getNano() == 0 && beat.getEpochSecond() == lastBeatSecond(i, now);
        };
    }

    private Instant beatOf(int i, Condition c, Instant now) {
        return c == Condition.SILENT ? frozenHeartbeat[i] : lastBeat(i, now);
    }

    private CameraTelemetry telemetry(int i, Instant now) {
        Condition c = condition[i];
        if (c == Condition.NEVER_SEEN) {
            return CameraTelemetry.NEVER_SEEN;
        }
        Instant beat = beatOf(i, c, now);
        // Metrics vary from beat to beat, deterministically: a hash of seed, camera and beat.
        long h = mix(seed, i, beat.getEpochSecond());
        double noise = ((h & 0xffff) / 65535.0) - 0.5;
        double frames = Math.round(framesBase[i] * (1 + noise * 0.02));
        double disk = Math.round((diskBase[i] + noise) * 10) / 10.0;
        double temp = Math.round((tempBase[i] + noise * 3) * 10) / 10.0;
        OperatingMode mode = OperatingMode.NORMAL;
        switch (c) {
            case DISK_FULL -> disk = Math.round((93 + (h >>> 20 & 0xff) / 255.0 * 6) * 10) / 10.0;
            case HOT -> temp = Math.round((78 + (h >>> 20 & 0xff) / 255.0 * 10) * 10) / 10.0;
            case NO_FRAMES -> frames = 0;
            case MAINTENANCE -> mode = OperatingMode.MAINTENANCE;
            case UPDATING -> mode = OperatingMode.UPDATING;
            default -> {
            }
        }
        return new CameraTelemetry(beat, mode, frames, disk, temp);
    }

    private static long mix(long a, long b, long c) {
        long x = a * 0x9E3779B97F4A7C15L + b * 0xC2B2AE3D27D4EB4FL + c * 0x165667B19E3779F9L;
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }
}
