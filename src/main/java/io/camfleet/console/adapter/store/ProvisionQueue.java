package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.devices.ProvisionRequest;
import io.camfleet.console.domain.devices.ProvisionRequest.State;
import io.camfleet.console.service.common.Problem;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The provisioning queue in {@code provision_request} (V12), for {@link JdbcDeviceStore}. A request is open until it
 * is PROVISIONED; {@code open_serial} (the serial while open, NULL after) is unique, so that a serial has at most one
 * open request while its provisioned ones stay for the record. Who applies a request is decided by one conditional
 * UPDATE and its row count, never by a read followed by a write: two consoles claiming at once cannot both win.
 */
final class ProvisionQueue {

    private static final String COLUMNS = "serial, reviewer, location, asset_id, org_unit, state, device_id, "
            + "requested_by, requested_at, claimed_at, provisioned_at, failure";
    /** The widths of the columns the operator's own text goes to (V12), refused rather than clipped when longer. */
    private static final int SERIAL = 200;
    private static final int ANNOTATION = 400;
    private static final int ORG_UNIT = 1000;
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource ds;

    ProvisionQueue(DataSource ds) {
        this.ds = ds;
    }

    void queue(List<ProvisionRequest> requests) {
        Set<String> serials = new HashSet<>();
        for (ProvisionRequest r : requests) {
            check(r);
            if (!serials.add(r.serial())) {
                throw Problem.badInput("problem.provisionQueuedTwice", r.serial());
            }
        }
        try {
            Jdbc.inDurableTransaction(ds, c -> {
                Optional<String> queued = firstOpen(c, requests);
                if (queued.isPresent()) {
                    throw Problem.badInput("problem.provisionAlreadyQueued", queued.get());
                }
                return Jdbc.batch(c, "INSERT INTO provision_request (open_serial, " + COLUMNS + ") "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", requests, ProvisionQueue::bind);
            });
        } catch (StoreException e) {
            // Another console queued one of these serials between the look and the insert: the unique index refused
            // it, and nothing of this queue was written. Name the serial, as when it was seen first.
            if (!(e.getCause() instanceof SQLException s) || !uniqueViolation(s)) {
                throw e;
            }
            String serial = Jdbc.read(ds, c -> firstOpen(c, requests)).orElse(requests.getFirst().serial());
            throw Problem.badInput("problem.provisionAlreadyQueued", serial);
        }
    }

    private static void check(ProvisionRequest r) {
        String serial = r.serial();
        if (serial.isBlank()) {
            throw Problem.badInput("problem.provisionNoSerial");
        }
        tooLong(serial, "serial", serial, SERIAL);
        tooLong(serial, "reviewer", r.reviewer(), ANNOTATION);
        tooLong(serial, "location", r.location(), ANNOTATION);
        tooLong(serial, "asset id", r.assetId(), ANNOTATION);
        tooLong(serial, "org unit", r.orgUnit(), ORG_UNIT);
    }

    private static void tooLong(String serial, String field, String value, int width) {
        if (value.length() > width) {
            throw Problem.badInput("problem.provisionTooLong", serial, field, value.length(), width);
        }
    }

    private static boolean uniqueViolation(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (UNIQUE_VIOLATION.equals(s.getSQLState())
                    || s.getCause() instanceof SQLException c && UNIQUE_VIOLATION.equals(c.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The first of {@code requests}' serials that already has an open request, in the order given. */
    private static Optional<String> firstOpen(Connection c, List<ProvisionRequest> requests) throws SQLException {
        Set<String> open = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT open_serial FROM provision_request "
                + "WHERE open_serial IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                open.add(rs.getString(1));
            }
        }
        return requests.stream().map(ProvisionRequest::serial).filter(open::contains).findFirst();
    }

    private static void bind(PreparedStatement ps, ProvisionRequest r) throws SQLException {
        ps.setString(1, r.state() == State.PROVISIONED ? null : r.serial());
        ps.setString(2, r.serial());
        ps.setString(3, r.reviewer());
        ps.setString(4, r.location());
        ps.setString(5, r.assetId());
        ps.setString(6, r.orgUnit());
        ps.setString(7, r.state().name());
        ps.setString(8, Jdbc.clip(r.deviceId(), 1000));
        ps.setString(9, Jdbc.clip(r.requestedBy(), 200));
        Jdbc.setInstant(ps, 10, r.requestedAt());
        Jdbc.setInstant(ps, 11, r.claimedAt());
        Jdbc.setInstant(ps, 12, r.provisionedAt());
        ps.setString(13, Jdbc.clip(r.failure(), 2000));
    }

    List<ProvisionRequest> all() {
        return Jdbc.read(ds, c -> requests(c, "SELECT " + COLUMNS + " FROM provision_request "
                + "ORDER BY requested_at DESC, id DESC", null));
    }

    /** The serial's open request, or else its latest provisioned one. */
    Optional<ProvisionRequest> find(String serial) {
        return Jdbc.read(ds, c -> requests(c, "SELECT " + COLUMNS + " FROM provision_request WHERE serial = ? "
                + "ORDER BY CASE WHEN open_serial IS NULL THEN 1 ELSE 0 END, id DESC FETCH FIRST 1 ROWS ONLY", serial))
                .stream().findFirst();
    }

    Optional<ProvisionRequest> claim(String serial, String deviceId, Instant now, Duration staleAfter) {
        return Jdbc.inDurableTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE provision_request SET state = ?, device_id = ?, "
                    + "claimed_at = ?, failure = '' WHERE open_serial = ? AND (state = ? OR state = ? "
                    + "OR (state = ? AND claimed_at < ?))")) {
                ps.setString(1, State.APPLYING.name());
                ps.setString(2, Jdbc.clip(deviceId, 1000));
                Jdbc.setInstant(ps, 3, now);
                ps.setString(4, serial);
                ps.setString(5, State.QUEUED.name());
                ps.setString(6, State.FAILED.name());
                ps.setString(7, State.APPLYING.name());
                Jdbc.setInstant(ps, 8, now.minus(staleAfter));
                if (ps.executeUpdate() != 1) {
                    return Optional.<ProvisionRequest>empty();
                }
            }
            return requests(c, "SELECT " + COLUMNS + " FROM provision_request WHERE open_serial = ?", serial).stream()
                    .findFirst();
        });
    }

    boolean provisioned(String serial, Instant at) {
        return Jdbc.inDurableTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE provision_request SET state = ?, "
                    + "provisioned_at = ?, open_serial = NULL WHERE open_serial = ? AND state = ?")) {
                ps.setString(1, State.PROVISIONED.name());
                Jdbc.setInstant(ps, 2, at);
                ps.setString(3, serial);
                ps.setString(4, State.APPLYING.name());
                return ps.executeUpdate() == 1;
            }
        });
    }

    void failed(String serial, String reason) {
        Jdbc.inDurableTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE provision_request SET state = ?, failure = ? "
                    + "WHERE open_serial = ? AND state = ?")) {
                ps.setString(1, State.FAILED.name());
                ps.setString(2, Jdbc.clip(reason == null ? "" : reason, 2000));
                ps.setString(3, serial);
                ps.setString(4, State.APPLYING.name());
                return ps.executeUpdate();
            }
        });
    }

    boolean cancel(String serial) {
        return Jdbc.inDurableTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM provision_request WHERE open_serial = ?")) {
                ps.setString(1, serial);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static List<ProvisionRequest> requests(Connection c, String sql, String serial) throws SQLException {
        List<ProvisionRequest> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (serial != null) {
                ps.setString(1, serial);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ProvisionRequest(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), State.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8),
                            Jdbc.getInstant(rs, 9), Jdbc.getInstant(rs, 10), Jdbc.getInstant(rs, 11),
                            rs.getString(12)));
                }
            }
        }
        return out;
    }
}
