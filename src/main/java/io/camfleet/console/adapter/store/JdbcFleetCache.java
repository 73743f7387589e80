package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.CameraSystem;
import io.camfleet.console.domain.CameraTelemetry;
import io.camfleet.console.domain.HealthState;
import io.camfleet.console.domain.OperatingMode;
import io.camfleet.console.domain.Site;
import io.camfleet.console.domain.SlaTier;
import io.camfleet.console.service.CachedFleet;
import io.camfleet.console.service.FleetCache;
import io.camfleet.console.service.FleetData;
import io.camfleet.console.service.HealthChange;
import io.camfleet.console.service.HealthInterval;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The fleet cache in SQL (H2 or PostgreSQL). */
public final class JdbcFleetCache implements FleetCache {

    private static final String SITE_COLUMNS =
            "name, customer, country_code, region, latitude, longitude, time_zone, sla_tier, maintenance_window";
    private static final String CAMERA_COLUMNS = "site_id, hostname, ssh_address, jump_host, ssm_node_id, "
            + "iot_thing_name, image, software_version, last_heartbeat, operating_mode, frames_per_minute, "
            + "disk_used_percent, temperature_c";

    private final DataSource ds;

    public JdbcFleetCache(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public void replaceFleet(FleetData fleet, Collection<HealthChange> changes, String source, Instant asOf) {
        Jdbc.inTransaction(ds, c -> {
            Set<String> keepSites = new HashSet<>(fleet.sites().size() * 2);
            fleet.sites().forEach(s -> keepSites.add(s.id()));
            Set<String> keepCameras = new HashSet<>(fleet.cameras().size() * 2);
            fleet.cameras().forEach(cam -> keepCameras.add(cam.id()));
            // Cameras first, so that a camera moved to another site never points at a deleted one.
            deleteMissing(c, "camera_system", keepCameras);
            deleteMissing(c, "site", keepSites);
            Jdbc.upsert(c,
                    "UPDATE site SET name = ?, customer = ?, country_code = ?, region = ?, latitude = ?, "
                            + "longitude = ?, time_zone = ?, sla_tier = ?, maintenance_window = ? WHERE id = ?",
                    (ps, s) -> bindSite(ps, s, 1, 10),
                    "INSERT INTO site (" + SITE_COLUMNS + ", id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (ps, s) -> bindSite(ps, s, 1, 10),
                    fleet.sites());
            List<CameraRow> rows = new ArrayList<>(fleet.cameras().size());
            for (CameraSystem cam : fleet.cameras()) {
                if (keepSites.contains(cam.siteId())) {
                    rows.add(new CameraRow(cam, fleet.telemetryOf(cam.id())));
                }
            }
            Jdbc.upsert(c,
                    "UPDATE camera_system SET site_id = ?, hostname = ?, ssh_address = ?, jump_host = ?, "
                            + "ssm_node_id = ?, iot_thing_name = ?, image = ?, software_version = ?, "
                            + "last_heartbeat = ?, operating_mode = ?, frames_per_minute = ?, "
                            + "disk_used_percent = ?, temperature_c = ? WHERE id = ?",
                    (ps, r) -> bindCamera(ps, r),
                    "INSERT INTO camera_system (" + CAMERA_COLUMNS + ", id) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (ps, r) -> bindCamera(ps, r),
                    rows);
            applyHealthChanges(c, changes.stream().filter(h -> keepCameras.contains(h.cameraId())).toList());
            writeState(c, source, asOf);
            return null;
        });
    }

    @Override
    public void update(Map<String, CameraTelemetry> telemetry, Collection<HealthChange> changes, Instant asOf) {
        Jdbc.inTransaction(ds, c -> {
            List<Map.Entry<String, CameraTelemetry>> rows = new ArrayList<>(telemetry.entrySet());
            Jdbc.batch(c, "UPDATE camera_system SET last_heartbeat = ?, operating_mode = ?, frames_per_minute = ?, "
                    + "disk_used_percent = ?, temperature_c = ? WHERE id = ?", rows, (ps, e) -> {
                        bindTelemetry(ps, 1, e.getValue());
                        ps.setString(6, e.getKey());
                    });
            applyHealthChanges(c, List.copyOf(changes));
            if (asOf != null) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE cache_state SET as_of = ? WHERE id = 1")) {
                    Jdbc.setInstant(ps, 1, asOf);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private static void applyHealthChanges(Connection c, List<HealthChange> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
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
        Jdbc.upsert(c, "UPDATE camera_health SET state = ?, since = ? WHERE camera_id = ?",
                JdbcFleetCache::bindHealth,
                "INSERT INTO camera_health (state, since, camera_id) VALUES (?, ?, ?)",
                JdbcFleetCache::bindHealth, changes);
    }

    private static void bindHealth(PreparedStatement ps, HealthChange h) throws SQLException {
        ps.setString(1, h.to().name());
        Jdbc.setInstant(ps, 2, h.at());
        ps.setString(3, h.cameraId());
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

    private static void deleteMissing(Connection c, String table, Set<String> keep) throws SQLException {
        List<String> gone = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM " + table)) {
            while (rs.next()) {
                String id = rs.getString(1);
                if (!keep.contains(id)) {
                    gone.add(id);
                }
            }
        }
        Jdbc.batch(c, "DELETE FROM " + table + " WHERE id = ?", gone, (ps, id) -> ps.setString(1, id));
    }

    private static void bindSite(PreparedStatement ps, Site s, int first, int idAt) throws SQLException {
        ps.setString(first, s.name());
        ps.setString(first + 1, s.customer());
        ps.setString(first + 2, s.countryCode());
        ps.setString(first + 3, s.region());
        Jdbc.setDouble(ps, first + 4, s.latitude());
        Jdbc.setDouble(ps, first + 5, s.longitude());
        ps.setString(first + 6, s.timeZone());
        ps.setString(first + 7, s.slaTier().name());
        ps.setString(first + 8, s.maintenanceWindow());
        ps.setString(idAt, s.id());
    }

    private record CameraRow(CameraSystem camera, CameraTelemetry telemetry) {
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
        ps.setString(14, cam.id());
    }

    private static void bindTelemetry(PreparedStatement ps, int first, CameraTelemetry t) throws SQLException {
        Jdbc.setInstant(ps, first, t.lastHeartbeat());
        ps.setString(first + 1, t.mode().name());
        Jdbc.setDouble(ps, first + 2, t.framesPerMinute());
        Jdbc.setDouble(ps, first + 3, t.diskUsedPercent());
        Jdbc.setDouble(ps, first + 4, t.temperatureC());
    }

    @Override
    public CachedFleet read() {
        return Jdbc.read(ds, c -> {
            List<Site> sites = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, " + SITE_COLUMNS + " FROM site ORDER BY id")) {
                while (rs.next()) {
                    sites.add(new Site(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), Jdbc.getDouble(rs, 6), Jdbc.getDouble(rs, 7), rs.getString(8),
                            parseTier(rs.getString(9)), rs.getString(10)));
                }
            }
            List<CameraSystem> cameras = new ArrayList<>();
            Map<String, CameraTelemetry> telemetry = new HashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, " + CAMERA_COLUMNS + " FROM camera_system ORDER BY id")) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    cameras.add(new CameraSystem(id, rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)));
                    telemetry.put(id, new CameraTelemetry(Jdbc.getInstant(rs, 10), parseMode(rs.getString(11)),
                            Jdbc.getDouble(rs, 12), Jdbc.getDouble(rs, 13), Jdbc.getDouble(rs, 14)));
                }
            }
            Map<String, HealthState> health = new HashMap<>();
            Map<String, Instant> since = new HashMap<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT camera_id, state, since FROM camera_health")) {
                while (rs.next()) {
                    health.put(rs.getString(1), parseState(rs.getString(2)));
                    since.put(rs.getString(1), Jdbc.getInstant(rs, 3));
                }
            }
            String source = "";
            Instant asOf = null;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT source, as_of FROM cache_state WHERE id = 1")) {
                if (rs.next()) {
                    source = rs.getString(1);
                    asOf = Jdbc.getInstant(rs, 2);
                }
            }
            return new CachedFleet(new FleetData(sites, cameras, telemetry), health, since, source, asOf);
        });
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
                        out.add(new HealthInterval(cameraId, parseState(rs.getString(1)), Jdbc.getInstant(rs, 2),
                                Jdbc.getInstant(rs, 3)));
                    }
                }
                return out;
            }
        });
    }

    private static SlaTier parseTier(String s) {
        try {
            return SlaTier.valueOf(s);
        } catch (IllegalArgumentException e) {
            return SlaTier.BRONZE;
        }
    }

    private static OperatingMode parseMode(String s) {
        try {
            return OperatingMode.valueOf(s);
        } catch (IllegalArgumentException e) {
            return OperatingMode.NORMAL;
        }
    }

    private static HealthState parseState(String s) {
        try {
            return HealthState.valueOf(s);
        } catch (IllegalArgumentException e) {
            return HealthState.UNKNOWN;
        }
    }
}
