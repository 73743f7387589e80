package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.service.fleet.HealthChange;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Records the long health history (V9) inside the fleet cache's own transactions: the spans out of ONLINE from each
 * health change, the stretch with data from each write's time, and each camera's life in the fleet.
 */
final class HealthSpans {

    /**
     * A pause between two writes longer than this starts a new stretch with data: the console was closed, or its
     * source silent. Three of the fleet's flush intervals (5 min), so that a late flush is not a gap.
     */
    static final Duration MAX_PAUSE = Duration.ofMinutes(15);

    /** The codes stored for each state; fixed here, so that reordering the enum never rewrites history. */
    private static final HealthState[] BY_CODE = {null, HealthState.OFFLINE, HealthState.DEGRADED,
            HealthState.UNKNOWN, HealthState.UPDATING, HealthState.MAINTENANCE, HealthState.ONLINE};

    private HealthSpans() {
    }

    static int code(HealthState state) {
        for (int i = 1; i < BY_CODE.length; i++) {
            if (BY_CODE[i] == state) {
                return i;
            }
        }
        throw new IllegalArgumentException("No code for " + state);
    }

    /** The state of a stored code; UNKNOWN for a code this version does not know. */
    static HealthState state(int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : HealthState.UNKNOWN;
    }

    static long seconds(Instant at) {
        return at.getEpochSecond();
    }

    /** Closes the open span of each camera that left a state other than ONLINE, and opens one for each that entered one. */
    static void record(Connection c, List<HealthChange> changes) throws SQLException {
        List<HealthChange> closing = changes.stream().filter(h -> h.from() != HealthState.ONLINE).toList();
        // Never before the span began: a reload may date a change by the source, a little earlier than the cache knew.
        Jdbc.batch(c, "UPDATE health_span SET end_s = GREATEST(start_s, ?) WHERE camera_id = ? AND end_s IS NULL",
                closing, (ps, h) -> {
                    ps.setLong(1, seconds(h.at()));
                    ps.setString(2, h.cameraId());
                });
        List<HealthChange> opening = changes.stream().filter(h -> h.to() != HealthState.ONLINE).toList();
        Jdbc.batch(c, "INSERT INTO health_span (camera_id, state, start_s) VALUES (?, ?, ?)", opening, (ps, h) -> {
            ps.setString(1, h.cameraId());
            ps.setInt(2, code(h.to()));
            ps.setLong(3, seconds(h.at()));
        });
    }

    /**
     * The console had data up to {@code at}: extends the latest stretch with data to it, or starts a new one after a
     * pause longer than {@link #MAX_PAUSE}. A time older than the latest stretch's end changes nothing.
     */
    static void observed(Connection c, Instant at) throws SQLException {
        if (at == null) {
            return;
        }
        long t = seconds(at);
        Long start = null;
        long end = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT start_s, end_s FROM observed_span ORDER BY end_s DESC FETCH FIRST 1 ROWS ONLY");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                start = rs.getLong(1);
                end = rs.getLong(2);
            }
        }
        if (start != null && t <= end) {
            return;
        }
        if (start != null && t - end <= MAX_PAUSE.toSeconds()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE observed_span SET end_s = ? WHERE start_s = ?")) {
                ps.setLong(1, t);
                ps.setLong(2, start);
                ps.executeUpdate();
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO observed_span (start_s, end_s) VALUES (?, ?)")) {
                ps.setLong(1, t);
                ps.setLong(2, t);
                ps.executeUpdate();
            }
        }
    }

    /**
     * Cameras of the fleet with no life yet were first seen at {@code at}; cameras that came back after leaving are in
     * the fleet again.
     */
    static void lives(Connection c, Instant at) throws SQLException {
        if (at == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO camera_life (camera_id, site_id, first_seen) "
                + "SELECT id, site_id, ? FROM camera_system cs "
                + "WHERE NOT EXISTS (SELECT 1 FROM camera_life l WHERE l.camera_id = cs.id)")) {
            ps.setLong(1, seconds(at));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE camera_life SET last_seen = NULL "
                + "WHERE last_seen IS NOT NULL AND camera_id IN (SELECT id FROM camera_system)")) {
            ps.executeUpdate();
        }
    }

    /** These cameras left the fleet at {@code at}: their open spans end, and so do their lives. */
    static void gone(Connection c, Collection<String> cameraIds, Instant at) throws SQLException {
        List<String> ids = List.copyOf(cameraIds);
        if (ids.isEmpty()) {
            return;
        }
        Long t = at == null ? latestObserved(c) : Long.valueOf(seconds(at));
        if (t == null) {
            return;
        }
        Jdbc.batch(c, "UPDATE health_span SET end_s = GREATEST(start_s, ?) WHERE camera_id = ? AND end_s IS NULL",
                ids, (ps, id) -> {
                    ps.setLong(1, t);
                    ps.setString(2, id);
                });
        Jdbc.batch(c, "UPDATE camera_life SET last_seen = GREATEST(first_seen, ?) WHERE camera_id = ? "
                + "AND last_seen IS NULL", ids, (ps, id) -> {
                    ps.setLong(1, t);
                    ps.setString(2, id);
                });
    }

    private static Long latestObserved(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(end_s) FROM observed_span");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                long v = rs.getLong(1);
                return rs.wasNull() ? null : v;
            }
            return null;
        }
    }

    /** Deletes what ended before {@code cutoff}: spans, stretches with data, lives of cameras long gone. */
    static void prune(Connection c, Instant cutoff) throws SQLException {
        long t = seconds(cutoff);
        for (String sql : new String[] {"DELETE FROM health_span WHERE end_s < ?",
                "DELETE FROM observed_span WHERE end_s < ?", "DELETE FROM camera_life WHERE last_seen < ?"}) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, t);
                ps.executeUpdate();
            }
        }
    }

    static void setEnd(PreparedStatement ps, int i, long end) throws SQLException {
        if (end == Long.MAX_VALUE) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, end);
        }
    }
}
