package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.devices.DeviceEvent;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ProvisionRequest;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.devices.CachedDevices;
import io.camfleet.console.service.devices.DeviceStore;
import org.h2.api.ErrorCode;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The review devices in {@code review_device}, their listing's "as of" in {@code review_device_listing}, their history
 * in {@code device_event} (V12); the provisioning queue is {@link ProvisionQueue}. Every write is one durable
 * transaction. Text longer than its column is clipped, so that one odd device never fails a whole sync.
 */
public final class JdbcDeviceStore implements DeviceStore {

    private static final String COLUMNS = "id, device_type, serial, model, status, reviewer, location, asset_id, "
            + "org_unit, os_version, last_sync, auto_update_end, last_enrollment, recent_users, notes";
    private static final String INSERT = "INSERT INTO review_device (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE review_device SET device_type = ?, serial = ?, model = ?, "
            + "status = ?, reviewer = ?, location = ?, asset_id = ?, org_unit = ?, os_version = ?, last_sync = ?, "
            + "auto_update_end = ?, last_enrollment = ?, recent_users = ?, notes = ? WHERE id = ?";
    private static final String INSERT_EVENT = "INSERT INTO device_event (device_id, at, kind, what, before_value, "
            + "after_value, by_whom, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final Duration LOCK_PATIENCE = Duration.ofSeconds(120);

    private final DataSource ds;
    private final ProvisionQueue queue;

    public JdbcDeviceStore(DataSource ds) {
        this.ds = ds;
        this.queue = new ProvisionQueue(ds);
    }

    @Override
    public CachedDevices read() {
        return Jdbc.read(ds, c -> {
            String source;
            Instant asOf;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT source, as_of FROM review_device_listing WHERE id = 1")) {
                if (!rs.next()) {
                    return CachedDevices.EMPTY;
                }
                source = rs.getString(1);
                asOf = Jdbc.getInstant(rs, 2);
            }
            List<ReviewDevice> devices = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM review_device ORDER BY serial, id")) {
                while (rs.next()) {
                    devices.add(device(rs));
                }
            }
            return asOf == null && devices.isEmpty() ? CachedDevices.EMPTY : new CachedDevices(devices, asOf, source);
        });
    }

    @Override
    public List<DeviceEvent> replace(List<ReviewDevice> devices, Instant asOf, String source) {
        // A device listed twice (it moved between two pages) is kept once, as the later page has it.
        Map<String, ReviewDevice> listed = new LinkedHashMap<>(devices.size() * 2);
        for (ReviewDevice d : devices) {
            listed.put(d.id(), fit(d));
        }
        return Jdbc.inDurableTransaction(ds, c -> {
            // First, so that a second sync replacing at the same time waits here and then compares with this one's.
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE review_device_listing SET source = ?, as_of = ? WHERE id = 1")) {
                ps.setString(1, Jdbc.clip(source == null ? "" : source, 1000));
                Jdbc.setInstant(ps, 2, asOf);
                patiently(ps);
            }
            ListingChanges changes = ListingChanges.between(cached(c), listed, asOf);
            Jdbc.batch(c, "DELETE FROM review_device WHERE id = ?", changes.gone(), (ps, id) -> ps.setString(1, id));
            Jdbc.batch(c, UPDATE, changes.changed(), JdbcDeviceStore::bindUpdate);
            Jdbc.batch(c, INSERT, changes.added(), JdbcDeviceStore::bindInsert);
            Jdbc.batch(c, INSERT_EVENT, changes.events(), JdbcDeviceStore::bindEvent);
            return changes.events();
        });
    }

    /**
     * Executes an update that may wait for another console's replace, which holds its rows for as long as it writes
     * (seconds, for 10,000 devices on a busy machine). H2 gives up on a lock after two seconds; PostgreSQL waits. Here
     * H2 waits too, for up to {@link #LOCK_PATIENCE}, then fails: never for ever.
     */
    private static int patiently(PreparedStatement ps) throws SQLException {
        long deadline = System.nanoTime() + LOCK_PATIENCE.toNanos();
        while (true) {
            try {
                return ps.executeUpdate();
            } catch (SQLException e) {
                // H2's "Timeout trying to lock table"; PostgreSQL waits for a lock unless told otherwise.
                if (e.getErrorCode() != ErrorCode.LOCK_TIMEOUT_1 || System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    /** The devices the cache holds, by id. */
    private static Map<String, ReviewDevice> cached(Connection c) throws SQLException {
        Map<String, ReviewDevice> out = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM review_device")) {
            while (rs.next()) {
                ReviewDevice d = device(rs);
                out.put(d.id(), d);
            }
        }
        return out;
    }

    @Override
    public void update(ReviewDevice device) {
        ReviewDevice row = fit(device);
        Jdbc.inDurableTransaction(ds, c -> {
            int updated;
            try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
                bindUpdate(ps, row);
                updated = patiently(ps); // a sync replacing meanwhile holds the row: the action's result must land
            }
            if (updated == 0) {
                Jdbc.batch(c, INSERT, List.of(row), JdbcDeviceStore::bindInsert);
            }
            return null;
        });
    }

    @Override
    public void record(List<DeviceEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        Jdbc.inDurableTransaction(ds, c -> Jdbc.batch(c, INSERT_EVENT, events, JdbcDeviceStore::bindEvent));
    }

    @Override
    public List<DeviceEvent> history(String deviceId, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        // The latest lines, then turned oldest first: a long history shows how it ends.
        List<DeviceEvent> latest = Jdbc.read(ds, c -> {
            List<DeviceEvent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT device_id, at, kind, what, before_value, "
                    + "after_value, by_whom, reason FROM device_event WHERE device_id = ? "
                    + "ORDER BY at DESC, id DESC FETCH FIRST ? ROWS ONLY")) {
                ps.setString(1, deviceId);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DeviceEvent(rs.getString(1), Jdbc.getInstant(rs, 2),
                                DeviceEvent.Kind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getString(8)));
                    }
                }
            }
            return out;
        });
        return latest.reversed();
    }

    /**
     * The device as its row will hold it: each text fitted to its column (V12), times to the microsecond the
     * databases keep, so that a device the sync did not change compares equal to its row and is not written again.
     */
    private static ReviewDevice fit(ReviewDevice d) {
        return new ReviewDevice(d.id(), d.type(), Jdbc.clip(d.serial(), 200), Jdbc.clip(d.model(), 200),
                Jdbc.clip(d.status(), 64), Jdbc.clip(d.reviewer(), 400), Jdbc.clip(d.location(), 400),
                Jdbc.clip(d.assetId(), 400), Jdbc.clip(d.orgUnit(), 1000), Jdbc.clip(d.osVersion(), 100),
                micros(d.lastSync()), d.autoUpdateEnd(), micros(d.lastEnrollment()), fitUsers(d.recentUsers()),
                Jdbc.clip(d.notes(), 4000));
    }

    private static Instant micros(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }

    /** As many of the recent users (newest first) as fit the column whole, one a line. */
    private static List<String> fitUsers(List<String> users) {
        List<String> out = new ArrayList<>();
        int length = 0;
        for (String u : users) {
            String one = u.replaceAll("[\\r\\n]+", " ").strip();
            if (one.isEmpty()) {
                continue;
            }
            length += one.length() + (out.isEmpty() ? 0 : 1);
            if (length > 4000) {
                break;
            }
            out.add(one);
        }
        return out;
    }

    private static void bindInsert(PreparedStatement ps, ReviewDevice d) throws SQLException {
        ps.setString(1, d.id());
        bindFields(ps, 2, d);
    }

    private static void bindUpdate(PreparedStatement ps, ReviewDevice d) throws SQLException {
        bindFields(ps, 1, d);
        ps.setString(15, d.id());
    }

    /** Binds device_type .. notes (14 columns) from {@code at}. */
    private static void bindFields(PreparedStatement ps, int at, ReviewDevice d) throws SQLException {
        ps.setString(at, d.type().name());
        ps.setString(at + 1, d.serial());
        ps.setString(at + 2, d.model());
        ps.setString(at + 3, d.status());
        ps.setString(at + 4, d.reviewer());
        ps.setString(at + 5, d.location());
        ps.setString(at + 6, d.assetId());
        ps.setString(at + 7, d.orgUnit());
        ps.setString(at + 8, d.osVersion());
        Jdbc.setInstant(ps, at + 9, d.lastSync());
        ps.setObject(at + 10, d.autoUpdateEnd(), java.sql.Types.DATE);
        Jdbc.setInstant(ps, at + 11, d.lastEnrollment());
        ps.setString(at + 12, String.join("\n", d.recentUsers()));
        ps.setString(at + 13, d.notes());
    }

    private static ReviewDevice device(ResultSet rs) throws SQLException {
        String users = rs.getString(14);
        return new ReviewDevice(rs.getString(1), DeviceType.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), Jdbc.getInstant(rs, 11), rs.getObject(12, LocalDate.class), Jdbc.getInstant(rs, 13),
                users.isEmpty() ? List.of() : Arrays.asList(users.split("\n")), rs.getString(15));
    }

    private static void bindEvent(PreparedStatement ps, DeviceEvent e) throws SQLException {
        ps.setString(1, e.deviceId());
        Jdbc.setInstant(ps, 2, e.at());
        ps.setString(3, e.kind().name());
        ps.setString(4, Jdbc.clip(e.what(), 64));
        ps.setString(5, Jdbc.clip(e.before(), 1000));
        ps.setString(6, Jdbc.clip(e.after(), 1000));
        ps.setString(7, Jdbc.clip(e.by(), 200));
        ps.setString(8, Jdbc.clip(e.reason(), 2000));
    }

    // ---- provisioning queue: see ProvisionQueue ----------------------------------------------------------------

    @Override
    public void queue(List<ProvisionRequest> requests) {
        queue.queue(requests);
    }

    @Override
    public List<ProvisionRequest> provisioning() {
        return queue.all();
    }

    @Override
    public Optional<ProvisionRequest> provisioning(String serial) {
        return queue.find(serial);
    }

    @Override
    public Optional<ProvisionRequest> claim(String serial, String deviceId, Instant now, Duration staleAfter) {
        return queue.claim(serial, deviceId, now, staleAfter);
    }

    @Override
    public boolean provisioned(String serial, Instant at) {
        return queue.provisioned(serial, at);
    }

    @Override
    public void failed(String serial, String reason) {
        queue.failed(serial, reason);
    }

    @Override
    public boolean cancel(String serial) {
        return queue.cancel(serial);
    }
}
