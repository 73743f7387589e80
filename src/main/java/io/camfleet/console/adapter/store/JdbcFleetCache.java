package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.fleet.OperatingMode;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.service.fleet.CachedFleet;
import io.camfleet.console.service.fleet.CachedHealth;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.HealthChange;
import io.camfleet.console.service.fleet.HealthInterval;
import io.camfleet.console.service.fleet.ReportedVersion;
import io.camfleet.console.service.environments.SyncCache;
import io.camfleet.console.service.fleet.HistoryRetention;
import io.camfleet.console.service.store.FleetStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * The fleet cache in portable SQL (H2 by default, PostgreSQL in team mode).
 *
 * <p>Large writes go a page at a time (see {@link Jdbc#inPages}). The "as of" time and the removal of what the source
 * no longer has come last, in one transaction, so that a write that stops halfway leaves the cache saying the time
 * of its last complete write, and deletes nothing.
 */
public final class JdbcFleetCache implements FleetStore {

    private static final String SITE_COLUMNS =
            "name, customer, country_code, region, latitude, longitude, time_zone, sla_tier, maintenance_window, "
            + "environment";
    private static final String CAMERA_COLUMNS = "site_id, hostname, ssh_address, jump_host, ssm_node_id, "
            + "iot_thing_name, image, software_version, last_heartbeat, operating_mode, frames_per_minute, "
            + "disk_used_percent, temperature_c, environment";
    private static final String INSERT_SITE =
            "INSERT INTO site (" + SITE_COLUMNS + ", id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_SITE = "UPDATE site SET name = ?, customer = ?, country_code = ?, region = ?, "
            + "latitude = ?, longitude = ?, time_zone = ?, sla_tier = ?, maintenance_window = ?, environment = ? "
            + "WHERE id = ?";
    private static final String INSERT_CAMERA = "INSERT INTO camera_system (" + CAMERA_COLUMNS + ", id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_CAMERA = "UPDATE camera_system SET site_id = ?, hostname = ?, "
            + "ssh_address = ?, jump_host = ?, ssm_node_id = ?, iot_thing_name = ?, image = ?, software_version = ?, "
            + "last_heartbeat = ?, operating_mode = ?, frames_per_minute = ?, disk_used_percent = ?, "
            + "temperature_c = ?, environment = ? WHERE id = ?";
    private static final String UPDATE_TELEMETRY = "UPDATE camera_system SET last_heartbeat = ?, "
            + "operating_mode = ?, frames_per_minute = ?, disk_used_percent = ?, temperature_c = ? WHERE id = ?";

    /**
     * Telemetry of a camera whose health did not change is written again only once its stored heartbeat is this far
     * behind. Heartbeats move every beat for every camera: rewriting 100,000 rows at every flush made the cache grow
     * by hundreds of MB, since H2 writes each changed page of a table anew and reclaims the old ones late. The
     * cameras come due together, at the same flush: H2 rewrites whole pages, and a third of the rows spread over
     * every flush (as an offset per camera once did) touched nearly every page of the table at every flush. Health,
     * and the telemetry that came with a change of it, is always written at once.
     */
    static final Duration STORED_HEARTBEAT_LAG = Duration.ofMinutes(10);
    /** How often history older than the retention is deleted. */
    static final Duration PRUNE_EVERY = Duration.ofHours(1);
    static final int DEFAULT_SPAN_DAYS = 400;

    private final DataSource ds;
    private final ReportedVersions reported;
    private final HistoryRetention retention;
    private final Clock clock;
    /** How many days of the long history (V9) the pruning keeps: the availability setting, asked each time. */
    private volatile IntSupplier spanDays = () -> DEFAULT_SPAN_DAYS;
    private volatile ColumnWidths widths;
    /**
     * Whether cameras may lack their life in the long history: cameras were inserted since it was last given, or it
     * was never given by this process (a cache older than the history). Giving it reads every camera, which an
     * incremental sync of 100,000 cameras should not pay when it added none.
     */
    private final AtomicBoolean livesDue = new AtomicBoolean(true);
    private volatile Instant lastPruned;
    /** When each camera's heartbeat is next written, if it was written by {@link #update}; else at the next one. */
    private final Map<String, Instant> heartbeatDue = new ConcurrentHashMap<>();

    public JdbcFleetCache(DataSource ds) {
        this(ds, HistoryRetention.DEFAULT, Clock.systemUTC());
    }

    /** @param clock when a sync's page is stored: the time of the image changes it records */
    public JdbcFleetCache(DataSource ds, Clock clock) {
        this(ds, HistoryRetention.DEFAULT, clock);
    }

    JdbcFleetCache(DataSource ds, HistoryRetention retention) {
        this(ds, retention, Clock.systemUTC());
    }

    private JdbcFleetCache(DataSource ds, HistoryRetention retention, Clock clock) {
        this.ds = ds;
        this.reported = new ReportedVersions(ds);
        this.retention = retention;
        this.clock = clock;
    }

    private record CameraRow(CameraSystem camera, CameraTelemetry telemetry, String environment) {
    }

    @Override
    public void replaceFleet(FleetData fleet, Collection<HealthChange> changes, String source, Instant asOf) {
        Set<String> oldSites = Jdbc.read(ds, c -> ids(c, "site"));
        Map<String, String> oldImages = Jdbc.read(ds, JdbcFleetCache::images);
        Set<String> oldCameras = oldImages.keySet();
        Map<String, String> keepSites = new HashMap<>(fleet.sites().size() * 2);
        List<Site> newSites = new ArrayList<>();
        List<Site> keptSites = new ArrayList<>();
        for (Site s : fleet.sites()) {
            keepSites.put(s.id(), s.environment());
            (oldSites.contains(s.id()) ? keptSites : newSites).add(s);
        }
        Set<String> keepCameras = new HashSet<>(fleet.cameras().size() * 2);
        List<CameraRow> newCameras = new ArrayList<>();
        List<CameraRow> keptCameras = new ArrayList<>();
        for (CameraSystem cam : fleet.cameras()) {
            String environment = keepSites.get(cam.siteId());
            if (environment == null) {
                continue; // a camera of no known site cannot be stored; the inventory counts it as an orphan
            }
            keepCameras.add(cam.id());
            CameraRow row = new CameraRow(cam, fleet.telemetryOf(cam.id()), environment);
            (oldCameras.contains(cam.id()) ? keptCameras : newCameras).add(row);
        }

        heartbeatDue.clear(); // every camera's telemetry is written here
        List<HealthChange> known = changes.stream().filter(h -> keepCameras.contains(h.cameraId())).toList();
        List<String> goneCameras = oldCameras.stream().filter(id -> !keepCameras.contains(id)).toList();
        List<String> goneSites = oldSites.stream().filter(id -> !keepSites.containsKey(id)).toList();
        // One transaction, synced: a fleet is replaced whole or not at all, and is on the disk when this returns. A
        // write that fails half-way (a full disk) leaves the cache as it was, never a mix of old and new.
        Jdbc.inDurableTransaction(ds, c -> {
            Jdbc.batch(c, INSERT_SITE, newSites, JdbcFleetCache::bindSite);
            Jdbc.batch(c, UPDATE_SITE, keptSites, JdbcFleetCache::bindSite);
            Jdbc.batch(c, INSERT_CAMERA, newCameras, JdbcFleetCache::bindCamera);
            JdbcImageChanges.record(c, oldImages, keptCameras.stream().map(CameraRow::camera).toList(), asOf);
            Jdbc.batch(c, UPDATE_CAMERA, keptCameras, JdbcFleetCache::bindCamera);
            applyHealthChanges(c, known);
            HealthSpans.gone(c, goneCameras, asOf);
            delete(c, goneSites, goneCameras);
            HealthSpans.lives(c, asOf);
            HealthSpans.observed(c, asOf);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM environment_state");
            }
            writeState(c, source, asOf);
            return null;
        });
    }

    private static void delete(Connection c, Collection<String> sites, Collection<String> cameras)
            throws SQLException {
        List<String> cameraIds = List.copyOf(cameras);
        for (String table : new String[] {"health_interval", "camera_health", "reported_version"}) {
            Jdbc.batch(c, "DELETE FROM " + table + " WHERE camera_id = ?", cameraIds, (ps, id) -> ps.setString(1, id));
        }
        Jdbc.batch(c, "DELETE FROM camera_system WHERE id = ?", cameraIds, (ps, id) -> ps.setString(1, id));
        Jdbc.batch(c, "DELETE FROM site WHERE id = ?", List.copyOf(sites), (ps, id) -> ps.setString(1, id));
    }

    @Override
    public FleetData readEnvironment(String environment) {
        return Jdbc.read(ds, c -> readFleet(c, " WHERE environment = ?", environment));
    }

    @Override
    public List<Clipped> writePage(String environment, List<Site> sites, List<CameraSystem> cameras,
                                   Map<String, CameraTelemetry> telemetry) {
        heartbeatDue.clear(); // a sync writes telemetry of its own
        return Jdbc.inTransaction(ds, c -> {
            ColumnWidths fit = widths(c);
            List<Clipped> notes = new ArrayList<>();
            List<Site> siteRows = new ArrayList<>(sites.size());
            for (Site s : sites) {
                Site fitted = fit.fit(s, notes);
                if (fitted != null) {
                    siteRows.add(fitted);
                }
            }
            List<CameraRow> cameraRows = new ArrayList<>(cameras.size());
            for (CameraSystem cam : cameras) {
                CameraSystem fitted = fit.fit(cam, notes);
                if (fitted != null) {
                    cameraRows.add(new CameraRow(fitted,
                            telemetry.getOrDefault(cam.id(), CameraTelemetry.NEVER_SEEN), environment));
                }
            }
            upsert(c, UPDATE_SITE, INSERT_SITE, siteRows, JdbcFleetCache::bindSite);
            JdbcImageChanges.record(c, cameraRows.stream().map(CameraRow::camera).toList(), clock.instant());
            if (upsert(c, UPDATE_CAMERA, INSERT_CAMERA, cameraRows, JdbcFleetCache::bindCamera) > 0) {
                livesDue.set(true);
            }
            return notes;
        });
    }

    /** The fleet tables' column widths, read from the schema on the first write. */
    private ColumnWidths widths(Connection c) throws SQLException {
        ColumnWidths w = widths;
        if (w == null) {
            w = ColumnWidths.read(c, List.of("site", "camera_system"));
            widths = w;
        }
        return w;
    }

    /** Updates each row, and inserts those that were not there: portable, unlike MERGE or ON CONFLICT. */
    private static <T> int upsert(Connection c, String update, String insert, List<T> rows, Jdbc.Binder<T> binder)
            throws SQLException {
        int[] updated = Jdbc.batch(c, update, rows, binder);
        List<T> missing = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                missing.add(rows.get(i));
            }
        }
        Jdbc.batch(c, insert, missing, binder);
        return missing.size();
    }

    @Override
    public void finishSync(String environment, Collection<String> goneSites, Collection<String> goneCameras,
                           String source, Instant asOf, boolean full) {
        // Synced: the sync is reported done, and its "as of" must not be newer than what survives a crash.
        boolean lives = livesDue.getAndSet(false);
        try {
            finishSync(environment, goneSites, goneCameras, source, asOf, full, lives);
        } catch (RuntimeException e) {
            if (lives) {
                livesDue.set(true); // not given: the next sync gives them
            }
            throw e;
        }
    }

    private void finishSync(String environment, Collection<String> goneSites, Collection<String> goneCameras,
                            String source, Instant asOf, boolean full, boolean lives) {
        Jdbc.inDurableTransaction(ds, c -> {
            HealthSpans.gone(c, goneCameras, asOf);
            delete(c, goneSites, goneCameras);
            if (lives) {
                HealthSpans.lives(c, asOf);
            }
            HealthSpans.observed(c, asOf);
            int moved;
            try (PreparedStatement ps = c.prepareStatement("UPDATE environment_state SET as_of = ?, "
                    + "full_sync = COALESCE(?, full_sync) WHERE environment = ?")) {
                Jdbc.setInstant(ps, 1, asOf);
                Jdbc.setInstant(ps, 2, full ? asOf : null);
                ps.setString(3, environment);
                moved = ps.executeUpdate();
            }
            if (moved == 0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO environment_state (environment, as_of, full_sync) VALUES (?, ?, ?)")) {
                    ps.setString(1, environment);
                    Jdbc.setInstant(ps, 2, asOf);
                    Jdbc.setInstant(ps, 3, full ? asOf : null);
                    ps.executeUpdate();
                }
            }
            // The whole cache is as fresh as its stalest environment.
            Instant oldest = asOf;
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT MIN(as_of) FROM environment_state")) {
                if (rs.next() && Jdbc.getInstant(rs, 1) != null) {
                    oldest = Jdbc.getInstant(rs, 1);
                }
            }
            writeState(c, source, oldest);
            return null;
        });
    }

    @Override
    public List<Removed> retainEnvironments(Set<String> environments) {
        return Jdbc.inDurableTransaction(ds, c -> {
            Map<String, List<String>> sites = idsOutside(c, "site", environments);
            Map<String, List<String>> cameras = idsOutside(c, "camera_system", environments);
            HealthSpans.gone(c, cameras.values().stream().flatMap(List::stream).toList(), null);
            delete(c, sites.values().stream().flatMap(List::stream).toList(),
                    cameras.values().stream().flatMap(List::stream).toList());
            Jdbc.batch(c, "DELETE FROM environment_state WHERE environment = ?",
                    List.copyOf(idsOutside(c, "environment_state", environments).keySet()),
                    (ps, e) -> ps.setString(1, e));
            Set<String> gone = new TreeSet<>(sites.keySet());
            gone.addAll(cameras.keySet());
            List<Removed> out = new ArrayList<>();
            for (String e : gone) {
                out.add(new Removed(e, sites.getOrDefault(e, List.of()).size(),
                        cameras.getOrDefault(e, List.of()).size()));
            }
            return out;
        });
    }

    /** The keys of a table's rows whose environment is not one of {@code environments}, by environment. */
    private static Map<String, List<String>> idsOutside(Connection c, String table, Set<String> environments)
            throws SQLException {
        String key = table.equals("environment_state") ? "environment" : "id";
        Map<String, List<String>> out = new HashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + key + ", environment FROM " + table)) {
            while (rs.next()) {
                if (!environments.contains(rs.getString(2))) {
                    out.computeIfAbsent(rs.getString(2), e -> new ArrayList<>()).add(rs.getString(1));
                }
            }
        }
        return out;
    }

    @Override
    public java.util.Optional<Instant> lastFullSync(String environment) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT full_sync FROM environment_state WHERE environment = ?")) {
                ps.setString(1, environment);
                try (ResultSet rs = ps.executeQuery()) {
                    return java.util.Optional.ofNullable(rs.next() ? Jdbc.getInstant(rs, 1) : null);
                }
            }
        });
    }

    @Override
    public Map<String, Instant> environmentsAsOf() {
        return Jdbc.read(ds, c -> {
            Map<String, Instant> out = new TreeMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT environment, as_of FROM environment_state")) {
                while (rs.next()) {
                    out.put(rs.getString(1), Jdbc.getInstant(rs, 2));
                }
            }
            return out;
        });
    }

    @Override
    public void update(Map<String, CameraTelemetry> telemetry, Collection<HealthChange> changes, Instant asOf) {
        Set<String> changed = new HashSet<>();
        Instant latest = asOf;
        for (HealthChange h : changes) {
            changed.add(h.cameraId());
            latest = latest == null || h.at().isAfter(latest) ? h.at() : latest;
        }
        List<Map.Entry<String, CameraTelemetry>> due = new ArrayList<>();
        for (Map.Entry<String, CameraTelemetry> e : telemetry.entrySet()) {
            Instant beat = e.getValue().lastHeartbeat();
            Instant next = heartbeatDue.get(e.getKey());
            if (changed.contains(e.getKey()) || beat == null || next == null || !beat.isBefore(next)) {
                due.add(e);
            }
        }
        Jdbc.inPages(ds, due, (c, page) -> Jdbc.batch(c, UPDATE_TELEMETRY, page, JdbcFleetCache::bindTelemetry));
        for (Map.Entry<String, CameraTelemetry> e : due) {
            Instant beat = e.getValue().lastHeartbeat();
            if (beat != null) {
                heartbeatDue.put(e.getKey(), beat.plus(STORED_HEARTBEAT_LAG));
            }
        }
        Jdbc.inPages(ds, List.copyOf(changes), JdbcFleetCache::applyHealthChanges);
        Instant observed = asOf != null ? asOf : latest != null ? latest : latestBeat(telemetry);
        if (observed != null) {
            Jdbc.inTransaction(ds, c -> {
                if (asOf != null) {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE cache_state SET as_of = ? WHERE id = 1")) {
                        Jdbc.setInstant(ps, 1, asOf);
                        ps.executeUpdate();
                    }
                }
                HealthSpans.observed(c, observed);
                return null;
            });
        }
        if (latest != null && (lastPruned == null || !latest.isBefore(lastPruned.plus(PRUNE_EVERY)))) {
            lastPruned = latest;
            pruneHistory(latest);
        }
    }

    /**
     * A source that moves its "as of" itself (AWS) writes live telemetry with none: the newest heartbeat written is
     * then when the console last had data.
     */
    private static Instant latestBeat(Map<String, CameraTelemetry> telemetry) {
        Instant latest = null;
        for (CameraTelemetry t : telemetry.values()) {
            Instant beat = t.lastHeartbeat();
            if (beat != null && (latest == null || beat.isAfter(latest))) {
                latest = beat;
            }
        }
        return latest;
    }

    /** How many days of the long history the hourly pruning keeps, asked at each pruning. */
    void keepSpanDays(IntSupplier days) {
        spanDays = days;
    }

    private static void bindTelemetry(PreparedStatement ps, Map.Entry<String, CameraTelemetry> e)
            throws SQLException {
        bindTelemetry(ps, 1, e.getValue());
        ps.setString(6, e.getKey());
    }

    /**
     * Deletes the health history the retention no longer keeps: intervals that ended before its age, and of each
     * camera with more than its share, all but the newest. A camera's open interval is always its newest.
     */
    private void pruneHistory(Instant now) {
        Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM health_interval WHERE ended_at < ?")) {
                Jdbc.setInstant(ps, 1, now.minus(retention.age()));
                ps.executeUpdate();
            }
            HealthSpans.prune(c, now.minus(Duration.ofDays(spanDays.getAsInt())));
            JdbcImageChanges.prune(c, now.minus(Duration.ofDays(spanDays.getAsInt())));
            return null;
        });
        List<String> crowded = Jdbc.read(ds, c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT camera_id FROM health_interval GROUP BY camera_id HAVING COUNT(*) > ?")) {
                ps.setInt(1, retention.perCamera());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
        Jdbc.inPages(ds, crowded, (c, page) -> Jdbc.batch(c, "DELETE FROM health_interval WHERE camera_id = ? "
                + "AND started_at < (SELECT started_at FROM health_interval WHERE camera_id = ? "
                + "ORDER BY started_at DESC, id DESC OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY)", page, (ps, id) -> {
                    ps.setString(1, id);
                    ps.setString(2, id);
                    ps.setInt(3, retention.perCamera() - 1);
                }));
    }

    /**
     * Closes each camera's open interval, opens the new one, and moves its current state; and records the change in
     * the long history.
     */
    private static void applyHealthChanges(Connection c, List<HealthChange> changes) throws SQLException {
        HealthSpans.record(c, changes);
        List<HealthChange> closing = changes.stream().filter(h -> h.from() != null).toList();
        Jdbc.batch(c, "UPDATE health_interval SET ended_at = ? WHERE camera_id = ? AND ended_at IS NULL", closing,
                (ps, h) -> {
                    Jdbc.setInstant(ps, 1, h.at());
                    ps.setString(2, h.cameraId());
                });
        Jdbc.batch(c, "INSERT INTO health_interval (camera_id, state, started_at) VALUES (?, ?, ?)", changes,
                (ps, h) -> {
                    ps.setString(1, h.cameraId());
                    ps.setString(2, h.to().name());
                    Jdbc.setInstant(ps, 3, h.at());
                });
        int[] updated = Jdbc.batch(c, "UPDATE camera_health SET state = ?, since = ? WHERE camera_id = ?", changes,
                JdbcFleetCache::bindHealth);
        List<HealthChange> missing = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                missing.add(changes.get(i));
            }
        }
        Jdbc.batch(c, "INSERT INTO camera_health (state, since, camera_id) VALUES (?, ?, ?)", missing,
                JdbcFleetCache::bindHealth);
    }

    private static void bindHealth(PreparedStatement ps, HealthChange h) throws SQLException {
        ps.setString(1, h.to().name());
        Jdbc.setInstant(ps, 2, h.at());
        ps.setString(3, h.cameraId());
    }

    /** Each stored camera's image, by camera id: what an image change is told from. */
    private static Map<String, String> images(Connection c) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, image FROM camera_system")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    private static Set<String> ids(Connection c, String table) throws SQLException {
        Set<String> out = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM " + table)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static void writeState(Connection c, String source, Instant asOf) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE cache_state SET source = ?, as_of = ? WHERE id = 1")) {
            up.setString(1, source);
            Jdbc.setInstant(up, 2, asOf);
            if (up.executeUpdate() == 0) {
                try (PreparedStatement in = c.prepareStatement(
                        "INSERT INTO cache_state (id, source, as_of) VALUES (1, ?, ?)")) {
                    in.setString(1, source);
                    Jdbc.setInstant(in, 2, asOf);
                    in.executeUpdate();
                }
            }
        }
    }

    private static void bindSite(PreparedStatement ps, Site s) throws SQLException {
        ps.setString(1, s.name());
        ps.setString(2, s.customer());
        ps.setString(3, s.countryCode());
        ps.setString(4, s.region());
        Jdbc.setDouble(ps, 5, s.latitude());
        Jdbc.setDouble(ps, 6, s.longitude());
        ps.setString(7, s.timeZone());
        ps.setString(8, s.slaTier().name());
        ps.setString(9, s.maintenanceWindow());
        ps.setString(10, s.environment());
        ps.setString(11, s.id());
    }

    private static void bindCamera(PreparedStatement ps, CameraRow r) throws SQLException {
        CameraSystem cam = r.camera();
        ps.setString(1, cam.siteId());
        ps.setString(2, cam.hostname());
        ps.setString(3, cam.sshAddress());
        ps.setString(4, cam.jumpHost());
        ps.setString(5, cam.ssmNodeId());
        ps.setString(6, cam.iotThingName());
        ps.setString(7, cam.image());
        ps.setString(8, cam.softwareVersion());
        bindTelemetry(ps, 9, r.telemetry());
        ps.setString(14, r.environment());
        ps.setString(15, cam.id());
    }

    private static void bindTelemetry(PreparedStatement ps, int first, CameraTelemetry t) throws SQLException {
        Jdbc.setInstant(ps, first, t.lastHeartbeat());
        ps.setString(first + 1, t.mode().name());
        Jdbc.setDouble(ps, first + 2, t.framesPerMinute());
        Jdbc.setDouble(ps, first + 3, t.diskUsedPercent());
        Jdbc.setDouble(ps, first + 4, t.temperatureC());
    }

    @Override
    public CachedHealth readHealth() {
        return Jdbc.read(ds, JdbcFleetCache::readHealth);
    }

    private static CachedHealth readHealth(Connection c) throws SQLException {
        Map<String, HealthState> health = new HashMap<>();
        Map<String, Instant> since = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT camera_id, state, since FROM camera_health")) {
            while (rs.next()) {
                health.put(rs.getString(1), parse(HealthState.class, rs.getString(2), HealthState.UNKNOWN));
                since.put(rs.getString(1), Jdbc.getInstant(rs, 3));
            }
        }
        return new CachedHealth(health, since);
    }

    @Override
    public CachedFleet read() {
        return Jdbc.read(ds, c -> {
            FleetData fleet = readFleet(c, "", null);
            CachedHealth health = readHealth(c);
            String source = "";
            Instant asOf = null;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT source, as_of FROM cache_state WHERE id = 1")) {
                if (rs.next()) {
                    source = rs.getString(1);
                    asOf = Jdbc.getInstant(rs, 2);
                }
            }
            return new CachedFleet(fleet, health.states(), health.since(), source, asOf);
        });
    }

    /** Sites and cameras, all or those matching {@code where} (with one text parameter), sorted by id. */
    private static FleetData readFleet(Connection c, String where, String parameter) throws SQLException {
        List<Site> sites = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, " + SITE_COLUMNS + " FROM site" + where)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sites.add(new Site(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), Jdbc.getDouble(rs, 6), Jdbc.getDouble(rs, 7), rs.getString(8),
                            parse(SlaTier.class, rs.getString(9), SlaTier.BRONZE), rs.getString(10),
                            rs.getString(11)));
                }
            }
        }
        sites.sort(Comparator.comparing(Site::id));
        List<CameraSystem> cameras = new ArrayList<>();
        Map<String, CameraTelemetry> telemetry = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, " + CAMERA_COLUMNS + " FROM camera_system" + where)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    cameras.add(new CameraSystem(id, rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
                    telemetry.put(id, new CameraTelemetry(Jdbc.getInstant(rs, 10),
                            parse(OperatingMode.class, rs.getString(11), OperatingMode.NORMAL),
                            Jdbc.getDouble(rs, 12), Jdbc.getDouble(rs, 13), Jdbc.getDouble(rs, 14)));
                }
            }
        }
        cameras.sort(Comparator.comparing(CameraSystem::id));
        return new FleetData(sites, cameras, telemetry);
    }

    @Override
    public List<HealthInterval> history(String cameraId, int limit) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT state, started_at, ended_at FROM health_interval "
                    + "WHERE camera_id = ? ORDER BY started_at DESC, id DESC FETCH FIRST ? ROWS ONLY")) {
                ps.setString(1, cameraId);
                ps.setInt(2, limit);
                List<HealthInterval> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new HealthInterval(cameraId,
                                parse(HealthState.class, rs.getString(1), HealthState.UNKNOWN),
                                Jdbc.getInstant(rs, 2), Jdbc.getInstant(rs, 3)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Map<String, ReportedVersion> reportedVersions() {
        return reported.all();
    }

    @Override
    public void reportVersion(ReportedVersion report) {
        reported.store(report);
    }

    @Override
    public void reportVersions(Collection<ReportedVersion> reports) {
        reported.store(reports);
    }

    @Override
    public void settleReports(Collection<ReportedVersion> confirmed, Collection<String> contradicted) {
        reported.settle(confirmed, contradicted);
    }

    /** A stored enum name, or {@code fallback} when the row holds something this version does not know. */
    private static <E extends Enum<E>> E parse(Class<E> type, String name, E fallback) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return fallback;
        }
    }
}
