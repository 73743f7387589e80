package io.camfleet.console.service.environments;

import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.Site;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Brings the cache's copy of one environment up to date, a page at a time.
 *
 * <p>A <em>full</em> sync rewrites every row the environment has; an <em>incremental</em> one compares each page
 * with what the cache holds and writes only what changed. An incremental one also asks the source only for what
 * changed when it can ({@link EnvironmentReader#readChanges}: a queue of the registry's events, and a read of
 * everything within the last {@link #READ_ALL_AT_LEAST_EVERY}); otherwise it reads everything and its report says
 * why. Both remove what is gone, and only then, in the same last
 * transaction, move the environment's "as of" to the time the sync started. A sync that fails or is cancelled
 * between pages leaves whole pages behind and the old "as of".
 */
public final class EnvironmentSync {

    /** Clipped values named one by one in a sync's warnings; beyond these, one warning counts the rest. */
    static final int CLIPPED_SHOWN = 10;
    /**
     * The longest an incremental sync may go on from one read of everything: changes the events never told (a
     * topic rule switched off for a while, say) are mended at least this often.
     */
    static final Duration READ_ALL_AT_LEAST_EVERY = Duration.ofHours(24);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EnvironmentSync.class);

    private final EnvironmentReader reader;
    private final SyncCache cache;
    private final Clock clock;
    /**
     * What each environment held after its last complete sync here, to compare the next one with: the cache's rows
     * of it are read once, at the first sync. Forgotten when a sync fails half-way, since the cache then holds
     * some newer pages.
     */
    private final Map<String, FleetData> synced = new ConcurrentHashMap<>();

    public EnvironmentSync(EnvironmentReader reader, SyncCache cache, Clock clock) {
        this.reader = reader;
        this.cache = cache;
        this.clock = clock;
    }

    /**
     * Syncs {@code environment}.
     *
     * @throws Problem when the environment cannot be read; the cache then keeps its last complete state
     * @throws java.util.concurrent.CancellationException when cancelled; likewise
     */
    public SyncReport sync(Environment environment, boolean full, String sourceName, Progress progress) {
        Instant started = clock.instant();
        String label = environment.label();
        FleetData before = synced.remove(label);
        if (before == null) {
            before = cache.readEnvironment(label);
        }
        Writer writer = new Writer(environment, before, full, progress);
        ChangeRead changes = full ? null : readChanges(environment, before, started, writer, progress);
        boolean readAll = changes == null || !changes.delivered();
        if (readAll) {
            reader.read(environment, writer, progress);
        }
        progress.checkCancelled();
        List<String> goneSites = writer.gone(before.sites(), Site::id, writer.sitesSeen);
        List<String> goneCameras = writer.gone(before.cameras(), CameraSystem::id, writer.camerasSeen);
        // A read of everything is remembered as the base that later changes apply to, whether it rewrote every row
        // or only those that differed.
        cache.finishSync(label, goneSites, goneCameras, sourceName, started, readAll);
        writer.noteClippedBeyondShown();
        synced.put(label, new FleetData(writer.sites, writer.cameras, writer.telemetry));
        if (changes != null) {
            acknowledge(environment, changes, writer);
        }
        return new SyncReport(environment.label(), full, writer.sitesSeen.size(), writer.camerasSeen.size(),
                writer.unplaced, goneSites.size() + goneCameras.size(), writer.written, writer.pages,
                writer.throttled, Duration.between(started, clock.instant()), writer.warnings, writer.calls, writer.path,
                changes == null ? null : changes.fullReadBecause());
    }

    /**
     * Asks the reader for the changes only, when there is a base to apply them to and a queue to take them from;
     * otherwise says why everything is read.
     */
    private ChangeRead readChanges(Environment environment, FleetData before, Instant now, Writer writer,
                                   Progress progress) {
        String label = environment.label();
        if (environment.eventsQueue() == null) {
            return ChangeRead.fullReadNeeded(new Problem("sync.because.noQueue", label));
        }
        Optional<Instant> lastFull = cache.lastFullSync(label);
        if (lastFull.isEmpty()) {
            return ChangeRead.fullReadNeeded(new Problem("sync.because.noFullSync", label));
        }
        if (Duration.between(lastFull.get(), now).compareTo(READ_ALL_AT_LEAST_EVERY) > 0) {
            return ChangeRead.fullReadNeeded(new Problem("sync.because.tooOld", label,
                    READ_ALL_AT_LEAST_EVERY.toHours()));
        }
        Instant lastSync = cache.environmentsAsOf().getOrDefault(label, lastFull.get());
        try {
            return reader.readChanges(environment, new ChangeRead.Since(before, lastSync, lastFull.get()), writer,
                    progress);
        } catch (Problem p) {
            if (writer.pages > 0) {
                throw p; // some of the fleet was delivered: a read of everything now would mix with it
            }
            // The queue refused (a permission missing, say): everything is read, and the report says why.
            LOG.warn("{}: the changes could not be read; reading everything", label, p);
            return ChangeRead.fullReadNeeded(new Problem(p, "sync.because.changesFailed", label, p.getMessage()));
        }
    }

    /**
     * Lets the changes go from their queue, now that the cache holds them. When that fails the sync still counts:
     * the changes come back at a later sync and apply again to the same effect.
     */
    private static void acknowledge(Environment environment, ChangeRead changes, Writer writer) {
        try {
            changes.acknowledge().acknowledge();
        } catch (RuntimeException e) {
            LOG.warn("{}: the events applied could not be removed from their queue", environment.label(), e);
            writer.warnings.add(new Problem(e, "sync.ackFailed", environment.label(),
                    e instanceof Problem p ? p.getMessage() : String.valueOf(e.getMessage())));
        }
    }

    /**
     * What {@code environment} held after its last complete sync here, as read: sites, cameras and telemetry; the
     * cache's rows of it when it was not synced here (it failed, say).
     */
    public FleetData current(String environment) {
        FleetData last = synced.get(environment);
        return last != null ? last : cache.readEnvironment(environment);
    }

    /** Compares each page with the cached rows and writes what it must, one transaction per page. */
    private final class Writer implements SyncSink {
        private final Environment environment;
        private final boolean full;
        private final Progress progress;
        private final Map<String, Site> oldSites = new HashMap<>();
        private final Map<String, CameraSystem> oldCameras = new HashMap<>();
        private final Map<String, CameraTelemetry> oldTelemetry;
        private final Set<String> sitesSeen = new HashSet<>();
        private final Set<String> camerasSeen = new HashSet<>();
        private final List<Site> sites = new ArrayList<>();
        private final List<CameraSystem> cameras = new ArrayList<>();
        private final Map<String, CameraTelemetry> telemetry = new HashMap<>();
        private int unplaced;
        private int written;
        private int pages;
        private int throttled;
        private final List<Problem> warnings = new ArrayList<>();
        private int clipped;
        private final Map<String, Integer> calls = new java.util.LinkedHashMap<>();
        private SyncReport.Path path = SyncReport.Path.UNKNOWN;

        Writer(Environment environment, FleetData before, boolean full, Progress progress) {
            this.environment = environment;
            this.full = full;
            this.progress = progress;
            before.sites().forEach(s -> oldSites.put(s.id(), s));
            before.cameras().forEach(c -> oldCameras.put(c.id(), c));
            this.oldTelemetry = before.telemetry();
        }

        @Override
        public void sites(List<Site> page) {
            progress.checkCancelled();
            List<Site> changed = new ArrayList<>();
            for (Site s : page) {
                if (!sitesSeen.add(s.id())) {
                    continue;
                }
                sites.add(s);
                if (!s.isPlaced()) {
                    unplaced++;
                }
                if (full || !s.equals(oldSites.get(s.id()))) {
                    changed.add(s);
                }
            }
            write(changed, List.of(), Map.of());
            progress.update(String.format("%s: page %d, %,d sites read", environment.label(), pages,
                    sitesSeen.size()), sitesSeen.size(), -1);
        }

        @Override
        public void cameras(List<CameraSystem> page, Map<String, CameraTelemetry> pageTelemetry) {
            progress.checkCancelled();
            List<CameraSystem> changed = new ArrayList<>();
            for (CameraSystem c : page) {
                if (!camerasSeen.add(c.id())) {
                    continue;
                }
                cameras.add(c);
                CameraTelemetry now = pageTelemetry.getOrDefault(c.id(), CameraTelemetry.NEVER_SEEN);
                if (now != CameraTelemetry.NEVER_SEEN) {
                    telemetry.put(c.id(), now);
                }
                if (full || !c.equals(oldCameras.get(c.id()))
                        || !now.equals(oldTelemetry.getOrDefault(c.id(), CameraTelemetry.NEVER_SEEN))) {
                    changed.add(c);
                }
            }
            write(List.of(), changed, pageTelemetry);
            progress.update(String.format("%s: page %d, %,d sites and %,d cameras read", environment.label(), pages,
                    sitesSeen.size(), camerasSeen.size()),
                    camerasSeen.size(), -1);
        }

        private void write(List<Site> sites, List<CameraSystem> cameras, Map<String, CameraTelemetry> telemetry) {
            pages++;
            if (!sites.isEmpty() || !cameras.isEmpty()) {
                List<SyncCache.Clipped> notes = cache.writePage(environment.label(), sites, cameras, telemetry);
                written += sites.size() + cameras.size();
                note(notes);
            }
        }

        /**
         * One warning per value the cache clipped or record it left out, naming the record and the field, up to
         * ten; the rest are counted. What was left out is not served either.
         */
        private void note(List<SyncCache.Clipped> notes) {
            Set<String> leftOut = new HashSet<>();
            for (SyncCache.Clipped n : notes) {
                if (n.leftOut()) {
                    leftOut.add(n.record());
                    written--;
                }
                if (clipped++ < CLIPPED_SHOWN) {
                    warnings.add(new Problem(n.leftOut() ? "sync.leftOut" : "sync.clipped", shown(n.record()),
                            n.field(), n.length(), n.width()));
                }
            }
            if (!leftOut.isEmpty()) {
                this.sites.removeIf(s -> leftOut.contains(s.id()));
                this.cameras.removeIf(c -> leftOut.contains(c.id()));
            }
        }

        void noteClippedBeyondShown() {
            if (clipped > CLIPPED_SHOWN) {
                warnings.add(new Problem("sync.clippedMore", clipped - CLIPPED_SHOWN));
            }
        }

        /** A record's id as a warning names it: an id too long to store is too long to read, too. */
        private static String shown(String id) {
            return id.length() <= 80 ? id : id.substring(0, 79) + "…";
        }

        @Override
        public void throttled(String operation) {
            throttled++;
            progress.update(environment.label() + ": AWS is throttling " + operation + "; retrying", -1, -1);
        }

        @Override
        public void warning(Problem problem) {
            warnings.add(problem);
        }

        @Override
        public void called(String operation) {
            // "iot:SearchIndex" is counted as "SearchIndex": the operation names are unique across the services.
            calls.merge(operation.substring(operation.indexOf(':') + 1), 1, Integer::sum);
        }

        @Override
        public void readThrough(SyncReport.Path path) {
            this.path = path;
        }

        <T> List<String> gone(List<T> before, Function<T, String> id, Set<String> seen) {
            List<String> out = new ArrayList<>();
            for (T row : before) {
                if (!seen.contains(id.apply(row))) {
                    out.add(id.apply(row));
                }
            }
            return out;
        }
    }
}
