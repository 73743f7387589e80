package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.alerts.Alert;
import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.domain.alerts.AlertStatus;
import io.camfleet.console.domain.alerts.AlertStep;
import io.camfleet.console.domain.alerts.Silence;
import io.camfleet.console.service.alerts.AlertStore;
import io.camfleet.console.service.alerts.AlertTimes;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Alerts in the {@code alert} table, their steps in {@code alert_step}, silences in {@code alert_silence} (V10). Each
 * write is one durable transaction: an alert that was delivered is on the disk. An update names the alert as it was
 * read, so a step another console took in between is never written over.
 */
public final class JdbcAlertStore implements AlertStore {

    private static final String COLUMNS = "id, kind, severity, subject, site_id, summary, status, raised_at, "
            + "acknowledged_at, acknowledged_by, acknowledged_note, resolved_at, resolved_by, resolved_note, "
            + "resolved_automatically, flaps, clear_since, silenced";

    private final DataSource ds;

    public JdbcAlertStore(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public Alert raise(Alert alert) {
        return Jdbc.inDurableTransaction(ds, c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert (kind, severity, subject, site_id, "
                    + "summary, status, raised_at, acknowledged_at, acknowledged_by, acknowledged_note, resolved_at, "
                    + "resolved_by, resolved_note, resolved_automatically, flaps, clear_since, silenced) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[]{"id"})) {
                ps.setString(1, alert.kind().name());
                ps.setString(2, alert.severity().name());
                ps.setString(3, clip(alert.subject(), 200));
                ps.setString(4, clip(alert.siteId(), 64));
                ps.setString(5, clip(alert.summary(), 1000));
                bindLife(ps, 6, alert);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            step(c, id, AlertStep.RAISE, alert.raisedAt(), "", "");
            return alert.withId(id);
        });
    }

    /** Binds status .. silenced (12 columns) from {@code at}. */
    private static void bindLife(PreparedStatement ps, int at, Alert a) throws SQLException {
        ps.setString(at, a.status().name());
        Jdbc.setInstant(ps, at + 1, a.raisedAt());
        Jdbc.setInstant(ps, at + 2, a.acknowledgedAt());
        ps.setString(at + 3, clip(a.acknowledgedBy(), 200));
        ps.setString(at + 4, clip(a.acknowledgedNote(), 2000));
        Jdbc.setInstant(ps, at + 5, a.resolvedAt());
        ps.setString(at + 6, clip(a.resolvedBy(), 200));
        ps.setString(at + 7, clip(a.resolvedNote(), 2000));
        ps.setBoolean(at + 8, a.resolvedAutomatically());
        ps.setInt(at + 9, a.flaps());
        Jdbc.setInstant(ps, at + 10, a.clearSince());
        ps.setBoolean(at + 11, a.silenced());
    }

    @Override
    public boolean update(Alert before, Alert after, AlertStep step, Instant at, String by, String note) {
        return Jdbc.inDurableTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE alert SET status = ?, raised_at = ?, "
                    + "acknowledged_at = ?, acknowledged_by = ?, acknowledged_note = ?, resolved_at = ?, "
                    + "resolved_by = ?, resolved_note = ?, resolved_automatically = ?, flaps = ?, clear_since = ?, "
                    + "silenced = ? WHERE id = ? AND status = ? AND flaps = ? AND silenced = ? "
                    + "AND clear_since IS NOT DISTINCT FROM ?")) {
                bindLife(ps, 1, after);
                ps.setLong(13, before.id());
                ps.setString(14, before.status().name());
                ps.setInt(15, before.flaps());
                ps.setBoolean(16, before.silenced());
                Jdbc.setInstant(ps, 17, before.clearSince());
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            if (step != null) {
                step(c, before.id(), step, at, by, note);
            }
            return true;
        });
    }

    private static void step(Connection c, long id, AlertStep step, Instant at, String by, String note)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO alert_step (alert_id, step, step_at, actor, note) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, step.name());
            Jdbc.setInstant(ps, 3, at);
            ps.setString(4, clip(by, 200));
            ps.setString(5, clip(note, 2000));
            ps.executeUpdate();
        }
    }

    @Override
    public Optional<Alert> find(long id) {
        List<Alert> found = alerts("SELECT " + COLUMNS + " FROM alert WHERE id = ?", ps -> ps.setLong(1, id));
        return found.stream().findFirst();
    }

    @Override
    public List<Alert> open() {
        return alerts("SELECT " + COLUMNS + " FROM alert WHERE status <> 'RESOLVED' ORDER BY raised_at, id",
                ps -> { });
    }

    @Override
    public List<Alert> recent(int limit) {
        return alerts("SELECT " + COLUMNS + " FROM alert ORDER BY raised_at DESC, id DESC FETCH FIRST ? ROWS ONLY",
                ps -> ps.setInt(1, limit));
    }

    private interface Params {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<Alert> alerts(String sql, Params params) {
        return Jdbc.read(ds, c -> {
            List<Alert> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                params.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(alert(rs));
                    }
                }
            }
            return out;
        });
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        return new Alert(rs.getLong(1), AlertKind.valueOf(rs.getString(2)), AlertSeverity.valueOf(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getString(6), AlertStatus.valueOf(rs.getString(7)),
                Jdbc.getInstant(rs, 8), Jdbc.getInstant(rs, 9), rs.getString(10), rs.getString(11),
                Jdbc.getInstant(rs, 12), rs.getString(13), rs.getString(14), rs.getBoolean(15), rs.getInt(16),
                Jdbc.getInstant(rs, 17), rs.getBoolean(18));
    }

    @Override
    public List<StepRecord> steps(long alertId) {
        return Jdbc.read(ds, c -> {
            List<StepRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT step, step_at, actor, note FROM alert_step WHERE alert_id = ? ORDER BY id")) {
                ps.setLong(1, alertId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StepRecord(alertId, AlertStep.valueOf(rs.getString(1)), Jdbc.getInstant(rs, 2),
                                rs.getString(3), rs.getString(4)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<SiteStep> siteSteps(String siteId, Instant from, Instant to, int limit) {
        return Jdbc.read(ds, c -> {
            List<SiteStep> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT a." + COLUMNS.replace(", ", ", a.")
                    + ", s.id, s.step, s.step_at, s.actor, s.note FROM alert_step s JOIN alert a ON a.id = s.alert_id "
                    + "WHERE a.site_id = ? AND s.step_at >= ? AND s.step_at < ? "
                    + "ORDER BY s.step_at DESC, s.id DESC FETCH FIRST ? ROWS ONLY")) {
                ps.setString(1, siteId);
                Jdbc.setInstant(ps, 2, from);
                Jdbc.setInstant(ps, 3, to);
                ps.setInt(4, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Alert a = alert(rs);
                        out.add(new SiteStep(rs.getLong(19), a, new StepRecord(a.id(),
                                AlertStep.valueOf(rs.getString(20)), Jdbc.getInstant(rs, 21), rs.getString(22),
                                rs.getString(23))));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<AlertTimes> raisedBetween(Instant from, Instant to) {
        return Jdbc.read(ds, c -> {
            List<AlertTimes> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT kind, severity, raised_at, acknowledged_at, "
                    + "resolved_at FROM alert WHERE raised_at >= ? AND raised_at < ? ORDER BY raised_at, id")) {
                Jdbc.setInstant(ps, 1, from);
                Jdbc.setInstant(ps, 2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AlertTimes(AlertKind.valueOf(rs.getString(1)),
                                AlertSeverity.valueOf(rs.getString(2)), Jdbc.getInstant(rs, 3),
                                Jdbc.getInstant(rs, 4), Jdbc.getInstant(rs, 5)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Silence silence(Silence s) {
        return Jdbc.inDurableTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_silence (site_id, kind, from_at, "
                    + "until_at, created_by, note) VALUES (?, ?, ?, ?, ?, ?)", new String[]{"id"})) {
                ps.setString(1, s.siteId());
                ps.setString(2, s.kind() == null ? "" : s.kind().name());
                Jdbc.setInstant(ps, 3, s.from());
                Jdbc.setInstant(ps, 4, s.until());
                ps.setString(5, clip(s.by(), 200));
                ps.setString(6, clip(s.note(), 2000));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return s.withId(keys.getLong(1));
                }
            }
        });
    }

    @Override
    public List<Silence> silences(Instant at) {
        return Jdbc.read(ds, c -> {
            List<Silence> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, site_id, kind, from_at, until_at, created_by, "
                    + "note FROM alert_silence WHERE until_at > ? ORDER BY until_at, id")) {
                Jdbc.setInstant(ps, 1, at);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String kind = rs.getString(3);
                        out.add(new Silence(rs.getLong(1), rs.getString(2),
                                kind.isEmpty() ? null : AlertKind.valueOf(kind), Jdbc.getInstant(rs, 4),
                                Jdbc.getInstant(rs, 5), rs.getString(6), rs.getString(7)));
                    }
                }
            }
            return out;
        });
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
