package io.camfleet.console.service.fleet;

import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.HealthRules;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.fleet.SiteHealth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The fleet as the console knows it: loaded from the cache at start, refreshed from the source, kept live by the
 * source's feed, judged by the {@link HealthRules}, written back to the cache, and published as immutable
 * {@link FleetSnapshot}s to whoever listens.
 *
 * <p>What a rollout installed shows at once ({@link #installed}), marked as reported, until a sync confirms it (the
 * same version) or contradicts it (another version, which wins). Reports are kept in the cache, so a restart still
 * shows them.
 *
 * <p>All methods are safe to call from any thread; they are serialised on this object. Listeners are called on the
 * thread that produced the snapshot and must hand work to their own thread (the UI does).
 */
public final class FleetService implements VersionReports {

    private static final Logger LOG = LoggerFactory.getLogger(FleetService.class);

    /**
     * How often dirty telemetry (mostly heartbeats) is written back and the cache's "as of" moved on. Health changes
     * are written at once; what waits is the newer heartbeat of a camera whose health stayed, which at 100,000
     * cameras is most of them each time: every 30 s that cost a tenth of a core and grew the cache by 130 MB a minute.
     */
    static final Duration FLUSH_INTERVAL = Duration.ofMinutes(5);

    private final FleetSource source;
    private final FleetCache cache;
    private final HealthRules rules;
    private final Clock clock;
    private final AuditService audit;
    private final List<Consumer<FleetSnapshot>> listeners = new CopyOnWriteArrayList<>();

    private FleetInventory inventory = FleetInventory.EMPTY;
    private CameraTelemetry[] telemetry = new CameraTelemetry[0];
    private HealthState[] health = new HealthState[0];
    private Instant[] since = new Instant[0];
    private List<SiteSummary> summaries = List.of();
    /** When a site counts as down: the rule in force (Settings, Availability), which the summaries were judged by. */
    private SiteDownRule siteRule;
    /** Versions rollouts reported that no sync has confirmed yet, by camera id; overlaid on the inventory. */
    private Map<String, ReportedVersion> reported = Map.of();
    private final BitSet dirty = new BitSet();
    private Instant lastFlush = Instant.EPOCH;
    private String sourceName;
    private Instant asOf;
    private boolean live;
    private volatile FleetSnapshot current;

    public FleetService(FleetSource source, FleetCache cache, HealthRules rules, Clock clock, AuditService audit) {
        this(source, cache, rules, clock, audit, SiteDownRule.DEFAULT);
    }

    /** @param siteRule when a site counts as down, as Settings has it; {@link #useSiteRule} changes it live */
    public FleetService(FleetSource source, FleetCache cache, HealthRules rules, Clock clock, AuditService audit,
                        SiteDownRule siteRule) {
        this.siteRule = Objects.requireNonNull(siteRule, "siteRule");
        this.source = source;
        this.cache = cache;
        this.rules = rules;
        this.clock = clock;
        this.audit = audit;
        this.sourceName = source.name();
        this.current = FleetSnapshot.empty(source.name());
    }

    public void addListener(Consumer<FleetSnapshot> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<FleetSnapshot> listener) {
        listeners.remove(listener);
    }

    public FleetSnapshot current() {
        return current;
    }

    public String sourceName() {
        return source.name();
    }

    /** What went wrong in the last reload without failing it (an environment out of reach, say). */
    public List<Problem> sourceProblems() {
        return source.problems();
    }

    public HealthRules rules() {
        return rules;
    }

    public synchronized SiteDownRule siteRule() {
        return siteRule;
    }

    /**
     * Judges every site again by {@code rule} (changed in Settings) and publishes the fleet so judged: the map, the
     * table and the counts follow at once, without a reload.
     */
    public synchronized FleetSnapshot useSiteRule(SiteDownRule rule) {
        if (rule.equals(siteRule)) {
            return current;
        }
        LOG.info("Sites are judged by a new rule: {} {} (degraded counts: {})", rule.kind(), rule.threshold(),
                rule.degradedCounts());
        siteRule = rule;
        summaries = List.of(); // judged by the old rule: none can be kept
        return publish(clock.instant());
    }

    /** Whether the source is quick and needs no network (the demo, a file), as opposed to AWS. */
    public boolean isLocal() {
        return source.isLocal();
    }

    /** How often {@link #tick()} should run; zero when the source has no live feed. */
    public Duration pollInterval() {
        return source.pollInterval();
    }

    /**
     * Shows what the cache holds, as it was when stored: health is not re-judged against today's clock, since the
     * cache is a picture "as of" its time.
     */
    public synchronized FleetSnapshot openCache() {
        CachedFleet cached = cache.read();
        install(FleetInventory.of(cached.fleet().sites(), cached.fleet().cameras()));
        for (int i = 0; i < telemetry.length; i++) {
            CameraSystem c = inventory.camera(i);
            telemetry[i] = cached.fleet().telemetryOf(c.id());
            health[i] = cached.health().getOrDefault(c.id(), HealthState.UNKNOWN);
            since[i] = cached.healthSince().get(c.id());
        }
        sourceName = cached.source() == null || cached.source().isEmpty() ? source.name() : cached.source();
        asOf = cached.asOf();
        live = false;
        overlay(cache.reportedVersions().values().stream().filter(ReportedVersion::unconfirmed).toList());
        return publish(clock.instant());
    }

    /**
     * Brings the fleet up at start: for a remote source, first what the cache holds (shown at once, "as of" its
     * time), then the source; for a local one, straight to the source.
     */
    public FleetSnapshot start(Progress progress) {
        if (!source.isLocal()) {
            openCache();
        }
        try {
            return reload(progress);
        } catch (RuntimeException e) {
            if (source.isLocal()) {
                openCache(); // a file with bad rows, say: what the cache holds still shows
            }
            throw e;
        }
    }

    /**
     * Reads the whole fleet from the source, judges it and publishes it, then stores it in the cache and publishes it
     * again with the cache's new "as of".
     */
    public FleetSnapshot reload(Progress progress) {
        return audit.perform(AuditActions.FLEET_RELOAD, source.name(), Map.of(), () -> {
            Instant now = clock.instant();
            Map<String, ReportedVersion> reports = cache.reportedVersions();
            Map<String, String> installs = new HashMap<>();
            reports.values().forEach(r -> installs.put(r.cameraId(), r.version()));
            source.installed(installs);
            FleetData data = source.load(now, progress);
            progress.checkCancelled();
            synchronized (this) {
                Map<String, Judged> before = inventory == FleetInventory.EMPTY ? judgedInCache() : judgedById();
                Shown shown = new Shown(inventory, telemetry, health, since, summaries, sourceName, asOf, live,
                        reported);
                Map<String, ReportedVersion> open = new HashMap<>(reports);
                open.putAll(reported);
                install(FleetInventory.of(data.sites(), data.cameras()));
                Settled settled = settle(open.values(), now);
                List<HealthChange> changes = new ArrayList<>();
                for (int i = 0; i < telemetry.length; i++) {
                    CameraSystem c = inventory.camera(i);
                    telemetry[i] = data.telemetryOf(c.id());
                    health[i] = rules.evaluate(telemetry[i], now);
                    Judged was = before.get(c.id());
                    if (was != null && was.state() == health[i]) {
                        since[i] = was.since();
                    } else {
                        since[i] = entered(data, c.id(), telemetry[i], health[i], was, now);
                        changes.add(new HealthChange(c.id(), was == null ? null : was.state(), health[i], since[i]));
                    }
                }
                sourceName = source.name();
                live = true;
                // The operator sees the fleet now; the cache catches up behind, and its "as of" moves when it has.
                publish(now);
                Optional<Instant> stored = source.storedAsOf();
                try {
                    if (stored.isPresent()) {
                        // The source wrote the fleet itself, page by page; only the health judged here is left.
                        cache.update(Map.of(), changes, null);
                        asOf = stored.get();
                    } else {
                        progress.update("Writing " + data.cameras().size() + " cameras to the cache", 0, -1);
                        cache.replaceFleet(data, changes, source.name(), now);
                        asOf = now;
                    }
                    cache.settleReports(settled.confirmed(), settled.contradicted());
                } catch (RuntimeException e) {
                    // Not stored (a full disk, say): what was shown before comes back; nothing unsaved is claimed.
                    shown.restore(this);
                    publish(now);
                    throw e;
                }
                lastFlush = now;
                LOG.info("Fleet loaded from {}: {} sites, {} cameras, stored in the cache", sourceName,
                        inventory.profiles().size(), inventory.cameraCount());
                return publish(now);
            }
        });
    }

    private record Judged(HealthState state, Instant since) {
    }

    private record Settled(List<ReportedVersion> confirmed, List<String> contradicted) {
    }

    /**
     * What a sync says of the reports: the same version confirms one, another version contradicts it (and wins). A
     * report that came in while the sync was reading is newer than what it read: it stays overlaid.
     */
    private Settled settle(Collection<ReportedVersion> open, Instant syncStarted) {
        List<ReportedVersion> confirmed = new ArrayList<>();
        List<String> contradicted = new ArrayList<>();
        List<ReportedVersion> newer = new ArrayList<>();
        for (ReportedVersion r : open) {
            int i = inventory.cameraIndexOf(r.cameraId());
            if (i < 0) {
                continue; // not in this fleet: the camera's own removal forgets it
            }
            if (r.reportedAt().isAfter(syncStarted)) {
                newer.add(r);
            } else if (inventory.camera(i).softwareVersion().equals(r.version())) {
                if (r.unconfirmed()) {
                    confirmed.add(r.confirmed(syncStarted));
                }
            } else {
                contradicted.add(r.cameraId());
            }
        }
        overlay(newer);
        return new Settled(confirmed, contradicted);
    }

    /** Shows these reports' versions on their cameras, marked as reported. */
    private void overlay(Collection<ReportedVersion> reports) {
        Map<String, ReportedVersion> next = new HashMap<>(reported);
        Map<String, String> versions = new HashMap<>();
        for (ReportedVersion r : reports) {
            if (inventory.cameraIndexOf(r.cameraId()) >= 0) {
                next.put(r.cameraId(), r);
                versions.put(r.cameraId(), r.version());
            }
        }
        reported = Map.copyOf(next);
        inventory = inventory.withVersions(versions);
    }

    /**
     * A rollout installed {@code version} on a camera: shown at once, marked as reported until a sync confirms it,
     * and stored, so that a restart still shows it. A camera that already shows that version needs no mark.
     */
    @Override
    public void installed(String deploymentId, String cameraId, String version) {
        installed(deploymentId, Map.of(cameraId, version));
    }

    /**
     * Several cameras a rollout brought to their version at once (what one poll of a wave's command reported):
     * stored together, and shown in one snapshot, not one per camera.
     */
    @Override
    public synchronized void installed(String deploymentId, Map<String, String> versionByCamera) {
        if (versionByCamera.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<ReportedVersion> stored = new ArrayList<>(versionByCamera.size());
        List<ReportedVersion> shownNow = new ArrayList<>();
        versionByCamera.forEach((cameraId, version) -> {
            ReportedVersion report = new ReportedVersion(cameraId, version, deploymentId, now, null);
            int i = inventory.cameraIndexOf(cameraId);
            boolean shown = i >= 0 && inventory.camera(i).softwareVersion().equals(version)
                    && !reported.containsKey(cameraId);
            stored.add(shown ? report.confirmed(now) : report);
            if (i >= 0 && !shown) {
                shownNow.add(report);
            }
        });
        cache.reportVersions(stored);
        source.installed(versionByCamera);
        if (!shownNow.isEmpty()) {
            overlay(shownNow);
            publish(now);
        }
    }

    /**
     * When a camera entered the state a reload finds it in: what the source says, else what its telemetry tells (a
     * silent camera went offline when its silence grew too long, not when the console started), else now. Never
     * before the state the cache last knew began, never after now.
     */
    private Instant entered(FleetData data, String cameraId, CameraTelemetry t, HealthState state, Judged was,
                            Instant now) {
        Instant at = data.since().get(cameraId);
        if (at == null) {
            at = rules.enteredAt(t, state);
        }
        if (at == null || at.isAfter(now)) {
            return now;
        }
        return was != null && was.since() != null && at.isBefore(was.since()) ? was.since() : at;
    }

    /** What the service showed before a reload, put back when the reload could not be stored. */
    private record Shown(FleetInventory inventory, CameraTelemetry[] telemetry, HealthState[] health, Instant[] since,
                         List<SiteSummary> summaries, String sourceName, Instant asOf, boolean live,
                         Map<String, ReportedVersion> reported) {
        void restore(FleetService s) {
            s.inventory = inventory;
            s.telemetry = telemetry;
            s.health = health;
            s.since = since;
            s.summaries = summaries;
            s.sourceName = sourceName;
            s.asOf = asOf;
            s.live = live;
            s.reported = reported;
            s.dirty.clear();
        }
    }

    private Map<String, Judged> judgedInCache() {
        CachedHealth cached = cache.readHealth();
        Map<String, Judged> out = new HashMap<>(cached.states().size() * 2);
        cached.states().forEach((id, state) -> out.put(id, new Judged(state, cached.since().get(id))));
        return out;
    }

    private Map<String, Judged> judgedById() {
        Map<String, Judged> out = new HashMap<>(health.length * 2);
        for (int i = 0; i < health.length; i++) {
            out.put(inventory.camera(i).id(), new Judged(health[i], since[i]));
        }
        return out;
    }

    /**
     * One beat of the live feed: new telemetry in, every camera re-judged (silence ages even without news), changes
     * written to the cache, a new snapshot out. Does nothing until {@link #reload} has succeeded once.
     */
    public synchronized FleetSnapshot tick() {
        if (!live) {
            return current;
        }
        Instant now = clock.instant();
        Map<String, CameraTelemetry> update = source.poll(now);
        Map<String, CameraTelemetry> changedTelemetry = new HashMap<>();
        for (Map.Entry<String, CameraTelemetry> e : update.entrySet()) {
            int i = inventory.cameraIndexOf(e.getKey());
            if (i >= 0) {
                telemetry[i] = e.getValue();
                dirty.set(i);
            }
        }
        List<HealthChange> changes = new ArrayList<>();
        for (int i = 0; i < health.length; i++) {
            HealthState next = rules.evaluate(telemetry[i], now);
            if (next != health[i]) {
                changes.add(new HealthChange(inventory.camera(i).id(), health[i], next, now));
                health[i] = next;
                since[i] = now;
                changedTelemetry.put(inventory.camera(i).id(), telemetry[i]);
                dirty.clear(i);
            }
        }
        boolean flush = Duration.between(lastFlush, now).compareTo(FLUSH_INTERVAL) >= 0;
        if (flush) {
            for (int i = dirty.nextSetBit(0); i >= 0; i = dirty.nextSetBit(i + 1)) {
                changedTelemetry.put(inventory.camera(i).id(), telemetry[i]);
            }
        }
        if (!changedTelemetry.isEmpty() || !changes.isEmpty() || flush) {
            // A source that stores its own data moves the "as of" itself, when a sync completes; ageing alone
            // must not make the cache look fresher than that.
            boolean moveAsOf = flush && source.storedAsOf().isEmpty();
            cache.update(changedTelemetry, changes, moveAsOf ? now : null);
            if (flush) {
                dirty.clear();
                lastFlush = now;
            }
            if (moveAsOf) {
                asOf = now;
            }
        }
        return publish(now);
    }

    private void install(FleetInventory inv) {
        inventory = inv;
        int n = inv.cameraCount();
        telemetry = new CameraTelemetry[n];
        health = new HealthState[n];
        since = new Instant[n];
        Arrays.fill(telemetry, CameraTelemetry.NEVER_SEEN);
        Arrays.fill(health, HealthState.UNKNOWN);
        summaries = List.of();
        reported = Map.of();
        dirty.clear();
    }

    private FleetSnapshot publish(Instant now) {
        List<SiteProfile> profiles = inventory.profiles();
        List<SiteSummary> next = new ArrayList<>(profiles.size());
        boolean sameInventory = summaries.size() == profiles.size();
        int[] counts = new int[HealthState.count()];
        for (int s = 0; s < profiles.size(); s++) {
            Arrays.fill(counts, 0);
            Instant last = null;
            for (int c = inventory.firstCamera(s), end = inventory.firstCamera(s + 1); c < end; c++) {
                counts[health[c].ordinal()]++;
                Instant hb = telemetry[c].lastHeartbeat();
                if (hb != null && (last == null || hb.isAfter(last))) {
                    last = hb;
                }
            }
            SiteSummary previous = sameInventory ? summaries.get(s) : null;
            if (previous != null && previous.profile() == profiles.get(s)
                    && Objects.equals(previous.lastHeartbeat(), last) && previous.health().hasCounts(counts)) {
                next.add(previous);
            } else {
                next.add(new SiteSummary(profiles.get(s), SiteHealth.ofCounts(counts, siteRule::siteState), last));
            }
        }
        summaries = next;
        FleetSnapshot snap = new FleetSnapshot(inventory, next, telemetry.clone(), health.clone(), since.clone(),
                sourceName, asOf, now, live, reported, siteRule, source.calls());
        current = snap;
        for (Consumer<FleetSnapshot> l : listeners) {
            l.accept(snap);
        }
        return snap;
    }

    /** The cache's record of a camera's health, newest first. */
    public List<HealthInterval> history(String cameraId, int limit) {
        return cache.history(cameraId, limit);
    }
}
