package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.domain.alerts.AlertStatus;
import io.camfleet.console.domain.alerts.DeliveryState;
import io.camfleet.console.service.alerts.AlertNotice;
import io.camfleet.console.service.alerts.Delivery;
import io.camfleet.console.service.alerts.DeliveryAttempt;
import io.camfleet.console.service.alerts.DeliveryLog;
import io.camfleet.console.service.alerts.SendResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The delivery log in the {@code alert_delivery} and {@code alert_delivery_attempt} tables. Every write is durable:
 * a queued notice and a recorded attempt outlive a kill -9.
 */
public final class JdbcDeliveryLog implements DeliveryLog {

    private static final String COLUMNS = "id, route, alert_id, dedup_key, kind, severity, subject, site_id, summary,"
            + " status, happened_at, by_whom, note, state, attempts, queued_at, next_at, http_status, detail";
    private static final int TEXT = 2000;

    private final DataSource ds;

    public JdbcDeliveryLog(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public Delivery queue(String route, AlertNotice notice, Instant now) {
        return Jdbc.inDurableTransaction(ds, c -> find(c, insert(c, route, notice, DeliveryState.PENDING, now))
                .orElseThrow());
    }

    @Override
    public Delivery recorded(String route, AlertNotice notice, DeliveryAttempt attempt, DeliveryState state) {
        return Jdbc.inDurableTransaction(ds, c -> {
            long id = insert(c, route, notice, DeliveryState.PENDING, attempt.at());
            finish(c, id, attempt, state, attempt.at());
            return find(c, id).orElseThrow();
        });
    }

    private static long insert(Connection c, String route, AlertNotice n, DeliveryState state, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_delivery (route, alert_id, dedup_key, kind,"
                + " severity, subject, site_id, summary, status, happened_at, by_whom, note, state, attempts,"
                + " queued_at, next_at, http_status, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?,"
                + " 0, '')", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, route);
            ps.setLong(2, n.alertId());
            ps.setString(3, cut(n.dedupKey(), 255));
            ps.setString(4, n.kind().name());
            ps.setString(5, n.severity().name());
            ps.setString(6, cut(n.subject(), 255));
            ps.setString(7, cut(n.siteId(), 64));
            ps.setString(8, cut(n.summary(), TEXT));
            ps.setString(9, n.status().name());
            Jdbc.setInstant(ps, 10, n.at());
            ps.setString(11, cut(n.by(), 200));
            ps.setString(12, cut(n.note(), TEXT));
            ps.setString(13, state.name());
            Jdbc.setInstant(ps, 14, now);
            Jdbc.setInstant(ps, 15, now);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    @Override
    public Optional<Delivery> head(String route) {
        return Jdbc.read(ds, c -> one(c, "SELECT " + COLUMNS + " FROM alert_delivery WHERE route = ? AND state = ?"
                + " ORDER BY id FETCH FIRST 1 ROWS ONLY", route, DeliveryState.PENDING.name()));
    }

    @Override
    public boolean claim(long id, String owner, Instant until, Instant now) {
        return Jdbc.inTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE alert_delivery SET claimed_by = ?,"
                    + " claimed_until = ? WHERE id = ? AND state = ? AND (claimed_until IS NULL OR claimed_until < ?)")) {
                ps.setString(1, owner);
                Jdbc.setInstant(ps, 2, until);
                ps.setLong(3, id);
                ps.setString(4, DeliveryState.PENDING.name());
                Jdbc.setInstant(ps, 5, now);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Delivery attempted(long id, DeliveryAttempt attempt, DeliveryState state, Instant nextAt) {
        return Jdbc.inDurableTransaction(ds, c -> {
            finish(c, id, attempt, state, nextAt);
            return find(c, id).orElseThrow();
        });
    }

    private static void finish(Connection c, long id, DeliveryAttempt a, DeliveryState state, Instant nextAt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_delivery_attempt (delivery_id, attempt, at,"
                + " outcome, http_status, millis, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setInt(2, a.number());
            Jdbc.setInstant(ps, 3, a.at());
            ps.setString(4, a.outcome().name());
            ps.setInt(5, a.status());
            ps.setLong(6, a.millis());
            ps.setString(7, cut(a.detail(), TEXT));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE alert_delivery SET state = ?, attempts = ?,"
                + " next_at = ?, http_status = ?, detail = ?, claimed_by = NULL, claimed_until = NULL WHERE id = ?")) {
            ps.setString(1, state.name());
            ps.setInt(2, a.number());
            Jdbc.setInstant(ps, 3, nextAt);
            ps.setInt(4, a.status());
            ps.setString(5, cut(a.detail(), TEXT));
            ps.setLong(6, id);
            ps.executeUpdate();
        }
    }

    @Override
    public int giveUp(String route, String detail, Instant now) {
        return Jdbc.inDurableTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE alert_delivery SET state = ?, next_at = ?,"
                    + " detail = ?, claimed_by = NULL, claimed_until = NULL WHERE route = ? AND state = ?")) {
                ps.setString(1, DeliveryState.FAILED.name());
                Jdbc.setInstant(ps, 2, now);
                ps.setString(3, cut(detail, TEXT));
                ps.setString(4, route);
                ps.setString(5, DeliveryState.PENDING.name());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<String> pendingRoutes() {
        return Jdbc.read(ds, c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT DISTINCT route FROM alert_delivery WHERE state = ? ORDER BY route")) {
                ps.setString(1, DeliveryState.PENDING.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Optional<Delivery> find(long id) {
        return Jdbc.read(ds, c -> find(c, id));
    }

    private static Optional<Delivery> find(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM alert_delivery WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(delivery(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public Optional<Delivery> latest(String route) {
        return Jdbc.read(ds, c -> one(c, "SELECT " + COLUMNS + " FROM alert_delivery WHERE route = ?"
                + " ORDER BY id DESC FETCH FIRST 1 ROWS ONLY", route));
    }

    @Override
    public List<Delivery> recent(int limit) {
        return Jdbc.read(ds, c -> {
            List<Delivery> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM alert_delivery"
                    + " ORDER BY id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(delivery(rs));
                }
            }
            return out;
        });
    }

    @Override
    public List<DeliveryAttempt> attempts(long deliveryId) {
        return Jdbc.read(ds, c -> {
            List<DeliveryAttempt> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT attempt, at, outcome, http_status, millis, detail"
                    + " FROM alert_delivery_attempt WHERE delivery_id = ? ORDER BY id")) {
                ps.setLong(1, deliveryId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DeliveryAttempt(rs.getInt(1), Jdbc.getInstant(rs, 2),
                                SendResult.Outcome.valueOf(rs.getString(3)), rs.getInt(4), rs.getLong(5),
                                rs.getString(6)));
                    }
                }
            }
            return out;
        });
    }

    private static Optional<Delivery> one(Connection c, String sql, String... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(delivery(rs)) : Optional.empty();
            }
        }
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        AlertNotice notice = new AlertNotice(rs.getLong(3), rs.getString(4), AlertKind.valueOf(rs.getString(5)),
                AlertSeverity.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9),
                AlertStatus.valueOf(rs.getString(10)), Jdbc.getInstant(rs, 11), rs.getString(12), rs.getString(13));
        return new Delivery(rs.getLong(1), rs.getString(2), notice, DeliveryState.valueOf(rs.getString(14)),
                rs.getInt(15), Jdbc.getInstant(rs, 16), Jdbc.getInstant(rs, 17), rs.getInt(18), rs.getString(19));
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }
}
