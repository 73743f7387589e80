package io.camfleet.console.service.fleet;

import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.HealthState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fleet at one moment, immutable, safe to hand to any thread. Sites keep the inventory's order from snapshot to
 * snapshot while the inventory stays the same ({@link #inventory()} is then the same object).
 */
public final class FleetSnapshot {

    private final FleetInventory inventory;
    private final List<SiteSummary> sites;
    private final CameraTelemetry[] telemetry;
    private final HealthState[] health;
    private final Instant[] healthSince;
    private final int[] siteCounts;
    private final int[] cameraCounts;
    private final String source;
    private final Instant asOf;
    private final Instant takenAt;
    private final boolean live;
    private final Map<String, ReportedVersion> reported;
    private final SiteDownRule rule;
    private final List<SourceCalls> calls;

    FleetSnapshot(FleetInventory inventory, List<SiteSummary> sites, CameraTelemetry[] telemetry,
                  HealthState[] health, Instant[] healthSince, String source, Instant asOf, Instant takenAt,
                  boolean live, Map<String, ReportedVersion> reported, SiteDownRule rule, List<SourceCalls> calls) {
        this.calls = List.copyOf(calls);
        this.reported = reported;
        this.rule = rule;
        this.inventory = inventory;
        this.sites = List.copyOf(sites);
        this.telemetry = telemetry;
        this.health = health;
        this.healthSince = healthSince;
        this.source = source;
        this.asOf = asOf;
        this.takenAt = takenAt;
        this.live = live;
        this.siteCounts = new int[HealthState.count()];
        this.cameraCounts = new int[HealthState.count()];
        for (SiteSummary s : this.sites) {
            siteCounts[s.health().state().ordinal()]++;
        }
        for (HealthState h : health) {
            cameraCounts[h.ordinal()]++;
        }
    }

    public static FleetSnapshot empty(String source) {
        return new FleetSnapshot(FleetInventory.EMPTY, List.of(), new CameraTelemetry[0], new HealthState[0],
                new Instant[0], source, null, Instant.EPOCH, false, Map.of(), SiteDownRule.DEFAULT, List.of());
    }

    public FleetInventory inventory() {
        return inventory;
    }

    public List<SiteSummary> sites() {
        return sites;
    }

    public int siteCount() {
        return sites.size();
    }

    public int cameraCount() {
        return health.length;
    }

    /** The rule the sites' states were judged by: shown wherever site states are. */
    public SiteDownRule rule() {
        return rule;
    }

    /** Sites in {@code state} by {@link #rule()}. */
    public int sitesIn(HealthState state) {
        return siteCounts[state.ordinal()];
    }

    public int camerasIn(HealthState state) {
        return cameraCounts[state.ordinal()];
    }

    /** The judged health of the inventory's camera at {@code cameraIndex}. */
    HealthState healthOf(int cameraIndex) {
        return health[cameraIndex];
    }

    /** Since when that camera has been in its health state; null if unknown. */
    java.time.Instant healthSinceOf(int cameraIndex) {
        return healthSince[cameraIndex];
    }

    /** The name of the source the data came from. */
    public String source() {
        return source;
    }

    /** When the cache was last brought up to date from the source; null if never. */
    public Instant asOf() {
        return asOf;
    }

    /** When this snapshot was taken. */
    public Instant takenAt() {
        return takenAt;
    }

    /** True when the data comes from a source right now, false when it is only what the cache held. */
    public boolean live() {
        return live;
    }

    /** What the source's last load cost in calls, part by part; empty for the demo or a file. */
    public List<SourceCalls> calls() {
        return calls;
    }

    /**
     * The versions at a site that only a rollout has reported so far (no sync has confirmed them), in camera order;
     * empty at most sites.
     */
    public List<ReportedVersion> reportedAt(String siteId) {
        int i = inventory.siteIndexOf(siteId);
        if (i < 0 || reported.isEmpty()) {
            return List.of();
        }
        List<ReportedVersion> out = new ArrayList<>(0);
        for (int c = inventory.firstCamera(i), end = inventory.firstCamera(i + 1); c < end; c++) {
            ReportedVersion r = reported.get(inventory.camera(c).id());
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    public SiteSummary site(String siteId) {
        int i = inventory.siteIndexOf(siteId);
        return i < 0 ? null : sites.get(i);
    }

    /** The site's cameras with their latest telemetry and health, in hostname order. */
    public List<CameraStatus> cameras(String siteId) {
        int i = inventory.siteIndexOf(siteId);
        if (i < 0) {
            return List.of();
        }
        int from = inventory.firstCamera(i);
        int to = inventory.firstCamera(i + 1);
        List<CameraStatus> out = new ArrayList<>(to - from);
        for (int c = from; c < to; c++) {
            CameraSystem camera = inventory.camera(c);
            out.add(new CameraStatus(camera, telemetry[c], health[c], healthSince[c], reported.get(camera.id())));
        }
        return out;
    }
}
