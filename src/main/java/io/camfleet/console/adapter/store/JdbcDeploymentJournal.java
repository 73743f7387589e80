package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.text.SecretRedaction;
import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.service.deploy.DeploymentJournal;
import io.camfleet.console.service.deploy.DeploymentRecord;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.service.deploy.Lease;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.deploy.TargetRecord;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The deployment journal in the cache database ({@code V4__deployment_journal.sql}, leases in
 * {@code V5__deployment_lease.sql}). Every transition and lease change is synced to the disk before its call returns.
 */
public final class JdbcDeploymentJournal implements DeploymentJournal {

    /** Longer text is cut to fit its column; the full output is in the log lines. */
    private static final int DETAIL = 2000;
    private static final String DEPLOYMENT_COLUMNS = "id, release_name, release_version, executor, plan, state, "
            + "created_at, created_by, updated_at";

    private final DataSource ds;
    private final Clock clock;
    /** Per deployment and camera whose output is inside a private key printed over several lines. */
    private final Map<String, SecretRedaction.KeyLines> keyLines = new ConcurrentHashMap<>();

    public JdbcDeploymentJournal(DataSource ds, Clock clock) {
        this.ds = ds;
        this.clock = clock;
    }

    /** Redacted of secrets (scripts and their output are written by others), then cut to fit its column. */
    private static String cut(String text) {
        String s = SecretRedaction.redact(text);
        return s.length() <= DETAIL ? s : s.substring(0, DETAIL - 1) + "…";
    }

    @Override
    public void create(DeploymentRecord d, List<TargetRecord> targets, Lease lease) {
        Jdbc.inDurableTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO deployment (" + DEPLOYMENT_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, d.id());
                ps.setString(2, d.releaseName());
                ps.setString(3, d.releaseVersion());
                ps.setString(4, d.executor().name());
                ps.setString(5, d.plan());
                ps.setString(6, d.state().name());
                Jdbc.setInstant(ps, 7, d.createdAt());
                ps.setString(8, d.createdBy());
                Jdbc.setInstant(ps, 9, d.updatedAt());
                ps.executeUpdate();
            }
            Jdbc.batch(c, "INSERT INTO deployment_target (deployment_id, camera_id, site_id, address, jump_host, "
                    + "ssm_node_id, wave, state, attempt, detail, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    targets, (ps, t) -> {
                        ps.setString(1, d.id());
                        ps.setString(2, t.target().cameraId());
                        ps.setString(3, t.target().siteId());
                        ps.setString(4, t.target().address());
                        ps.setString(5, t.target().jumpHost());
                        ps.setString(6, t.target().ssmNodeId());
                        ps.setInt(7, t.wave());
                        ps.setString(8, t.state().name());
                        ps.setInt(9, t.attempt());
                        ps.setString(10, cut(t.detail()));
                        Jdbc.setInstant(ps, 11, t.updatedAt());
                    });
            event(c, d.id(), "", "", d.state().name(), "created");
            if (lease != null) {
                insertLease(c, d.id(), lease);
            }
            return null;
        });
    }

    @Override
    public void moveTarget(String deploymentId, String cameraId, TargetState from, TargetState to, String detail,
                           boolean newAttempt) {
        Jdbc.inDurableTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE deployment_target SET state = ?, detail = ?, "
                    + "updated_at = ?, attempt = attempt + ? WHERE deployment_id = ? AND camera_id = ? AND state = ?")) {
                ps.setString(1, to.name());
                ps.setString(2, cut(detail));
                Jdbc.setInstant(ps, 3, clock.instant());
                ps.setInt(4, newAttempt ? 1 : 0);
                ps.setString(5, deploymentId);
                ps.setString(6, cameraId);
                ps.setString(7, from.name());
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("the journal does not hold " + cameraId + " of " + deploymentId
                            + " in " + from + "; refusing to move it to " + to);
                }
            }
            event(c, deploymentId, cameraId, from.name(), to.name(), detail);
            return null;
        });
    }

    /** One durable transaction: the updates in order (a camera may move twice), then their events. */
    @Override
    public void moveTargets(String deploymentId, List<Move> moves) {
        if (moves.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Jdbc.inDurableTransaction(ds, c -> {
            int[] counts = Jdbc.batch(c, "UPDATE deployment_target SET state = ?, detail = ?, updated_at = ? "
                    + "WHERE deployment_id = ? AND camera_id = ? AND state = ?", moves, (ps, m) -> {
                        ps.setString(1, m.to().name());
                        ps.setString(2, cut(m.detail()));
                        Jdbc.setInstant(ps, 3, now);
                        ps.setString(4, deploymentId);
                        ps.setString(5, m.cameraId());
                        ps.setString(6, m.from().name());
                    });
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 1) { // the transaction rolls back: none of the batch is journalled
                    Move m = moves.get(i);
                    throw new IllegalStateException("the journal does not hold " + m.cameraId() + " of "
                            + deploymentId + " in " + m.from() + "; refusing to move it to " + m.to());
                }
            }
            Jdbc.batch(c, "INSERT INTO deployment_event (deployment_id, camera_id, from_state, to_state, at, detail) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", moves, (ps, m) -> {
                        ps.setString(1, deploymentId);
                        ps.setString(2, m.cameraId());
                        ps.setString(3, m.from().name());
                        ps.setString(4, m.to().name());
                        Jdbc.setInstant(ps, 5, now);
                        ps.setString(6, cut(m.detail()));
                    });
            return null;
        });
    }

    @Override
    public void moveDeployment(String deploymentId, DeploymentState from, DeploymentState to, String detail) {
        Jdbc.inDurableTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE deployment SET state = ?, updated_at = ? WHERE id = ? AND state = ?")) {
                ps.setString(1, to.name());
                Jdbc.setInstant(ps, 2, clock.instant());
                ps.setString(3, deploymentId);
                ps.setString(4, from.name());
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("the journal does not hold " + deploymentId + " in " + from
                            + "; refusing to move it to " + to);
                }
            }
            event(c, deploymentId, "", from.name(), to.name(), detail);
            return null;
        });
    }

    private void event(Connection c, String deploymentId, String cameraId, String from, String to, String detail)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO deployment_event (deployment_id, camera_id, "
                + "from_state, to_state, at, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, deploymentId);
            ps.setString(2, cameraId);
            ps.setString(3, from);
            ps.setString(4, to);
            Jdbc.setInstant(ps, 5, clock.instant());
            ps.setString(6, cut(detail));
            ps.executeUpdate();
        }
    }

    @Override
    public void log(String deploymentId, String cameraId, List<String> lines) {
        Instant now = clock.instant();
        String stream = deploymentId + " " + cameraId;
        SecretRedaction.KeyLines keys = keyLines.computeIfAbsent(stream, k -> new SecretRedaction.KeyLines());
        List<String> redacted = lines.stream().map(keys::next).toList();
        if (!keys.inKey()) {
            keyLines.remove(stream);
        }
        Jdbc.inTransaction(ds, c -> Jdbc.batch(c, "INSERT INTO deployment_log (deployment_id, camera_id, at, line) "
                + "VALUES (?, ?, ?, ?)", redacted, (ps, line) -> {
                    ps.setString(1, deploymentId);
                    ps.setString(2, cameraId);
                    Jdbc.setInstant(ps, 3, now);
                    ps.setString(4, cut(line));
                }));
    }

    @Override
    public void log(String deploymentId, Map<String, List<String>> linesByCamera) {
        Instant now = clock.instant();
        record Line(String cameraId, String text) {
        }
        List<Line> rows = new ArrayList<>();
        linesByCamera.forEach((cameraId, lines) -> {
            String stream = deploymentId + " " + cameraId;
            SecretRedaction.KeyLines keys = keyLines.computeIfAbsent(stream, k -> new SecretRedaction.KeyLines());
            lines.forEach(line -> rows.add(new Line(cameraId, keys.next(line))));
            if (!keys.inKey()) {
                keyLines.remove(stream);
            }
        });
        if (rows.isEmpty()) {
            return;
        }
        Jdbc.inTransaction(ds, c -> Jdbc.batch(c, "INSERT INTO deployment_log (deployment_id, camera_id, at, line) "
                + "VALUES (?, ?, ?, ?)", rows, (ps, line) -> {
                    ps.setString(1, deploymentId);
                    ps.setString(2, line.cameraId());
                    Jdbc.setInstant(ps, 3, now);
                    ps.setString(4, cut(line.text()));
                }));
    }

    @Override
    public Optional<DeploymentRecord> find(String deploymentId) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + DEPLOYMENT_COLUMNS + " FROM deployment WHERE id = ?")) {
                ps.setString(1, deploymentId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(deployment(rs)) : Optional.empty();
                }
            }
        });
    }

    private static DeploymentRecord deployment(ResultSet rs) throws SQLException {
        return new DeploymentRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                ExecutorKind.valueOf(rs.getString(4)), rs.getString(5), DeploymentState.valueOf(rs.getString(6)),
                Jdbc.getInstant(rs, 7), rs.getString(8), Jdbc.getInstant(rs, 9));
    }

    @Override
    public List<TargetRecord> targets(String deploymentId) {
        return Jdbc.read(ds, c -> {
            List<TargetRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT camera_id, site_id, address, jump_host, "
                    + "ssm_node_id, wave, state, attempt, detail, updated_at FROM deployment_target "
                    + "WHERE deployment_id = ? ORDER BY wave, camera_id")) {
                ps.setString(1, deploymentId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new TargetRecord(new Target(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5)), rs.getInt(6), TargetState.valueOf(rs.getString(7)),
                                rs.getInt(8), rs.getString(9), Jdbc.getInstant(rs, 10)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<DeploymentRecord> recent(int limit) {
        return Jdbc.read(ds, c -> {
            List<DeploymentRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + DEPLOYMENT_COLUMNS
                    + " FROM deployment ORDER BY created_at DESC, id DESC FETCH FIRST ? ROWS ONLY")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(deployment(rs));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<DeploymentRecord> startedBetween(Instant from, Instant to) {
        return Jdbc.read(ds, c -> {
            List<DeploymentRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + DEPLOYMENT_COLUMNS
                    + " FROM deployment WHERE created_at >= ? AND created_at < ? ORDER BY created_at, id")) {
                Jdbc.setInstant(ps, 1, from);
                Jdbc.setInstant(ps, 2, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(deployment(rs));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Map<String, List<String>> lastLines(String deploymentId, int perTarget) {
        return Jdbc.read(ds, c -> {
            Map<String, List<String>> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT camera_id, line FROM (SELECT camera_id, line, id, "
                    + "ROW_NUMBER() OVER (PARTITION BY camera_id ORDER BY id DESC) AS n FROM deployment_log "
                    + "WHERE deployment_id = ?) AS latest WHERE n <= ? ORDER BY camera_id, id")) {
                ps.setString(1, deploymentId);
                ps.setInt(2, perTarget);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<String> logOf(String deploymentId, String cameraId, int limit) {
        return Jdbc.read(ds, c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT line FROM deployment_log WHERE deployment_id = ? "
                    + "AND camera_id = ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY")) {
                ps.setString(1, deploymentId);
                ps.setString(2, cameraId);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(0, rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<Event> events(String deploymentId) {
        return events("SELECT camera_id, from_state, to_state, at, detail FROM deployment_event "
                + "WHERE deployment_id = ? ORDER BY id", deploymentId);
    }

    @Override
    public List<Event> eventsOf(String deploymentId, String cameraId) {
        return events("SELECT camera_id, from_state, to_state, at, detail FROM deployment_event "
                + "WHERE deployment_id = ? AND camera_id = ? ORDER BY id", deploymentId, cameraId);
    }

    @Override
    public List<SiteTransition> siteTransitions(String siteId, Instant from, Instant to, int limit) {
        // The site's targets' own transitions, and those of the deployments they belong to; both reached from the
        // targets at the site, whose table is far smaller than the events'.
        String columns = "e.id, e.deployment_id, e.camera_id, e.from_state, e.to_state, e.at, e.detail, "
                + "d.release_name, d.release_version";
        String sql = "SELECT " + columns + " FROM deployment_target t "
                + "JOIN deployment_event e ON e.deployment_id = t.deployment_id AND e.camera_id = t.camera_id "
                + "JOIN deployment d ON d.id = t.deployment_id "
                + "WHERE t.site_id = ? AND e.at >= ? AND e.at < ? "
                + "UNION ALL SELECT " + columns + " FROM deployment d "
                + "JOIN deployment_event e ON e.deployment_id = d.id AND e.camera_id = '' "
                + "WHERE EXISTS (SELECT 1 FROM deployment_target t WHERE t.deployment_id = d.id AND t.site_id = ?) "
                + "AND e.at >= ? AND e.at < ? "
                + "ORDER BY 6 DESC, 1 DESC FETCH FIRST ? ROWS ONLY";
        return Jdbc.read(ds, c -> {
            List<SiteTransition> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int part = 0; part < 2; part++) {
                    ps.setString(part * 3 + 1, siteId);
                    Jdbc.setInstant(ps, part * 3 + 2, from);
                    Jdbc.setInstant(ps, part * 3 + 3, to);
                }
                ps.setInt(7, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SiteTransition(rs.getLong(1), rs.getString(2), rs.getString(8), rs.getString(9),
                                new Event(rs.getString(3), rs.getString(4), rs.getString(5), Jdbc.getInstant(rs, 6),
                                        rs.getString(7))));
                    }
                }
            }
            return out;
        });
    }

    private List<Event> events(String sql, String... keys) {
        return Jdbc.read(ds, c -> {
            List<Event> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < keys.length; i++) {
                    ps.setString(i + 1, keys[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Event(rs.getString(1), rs.getString(2), rs.getString(3), Jdbc.getInstant(rs, 4),
                                rs.getString(5)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void ssmCommand(String deploymentId, int wave, int part, String commandId) {
        Jdbc.inDurableTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO deployment_ssm_command (deployment_id, wave, part, command_id) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, deploymentId);
                ps.setInt(2, wave);
                ps.setInt(3, part);
                ps.setString(4, commandId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public SortedMap<Integer, String> ssmCommands(String deploymentId, int wave) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT part, command_id FROM deployment_ssm_command "
                    + "WHERE deployment_id = ? AND wave = ? ORDER BY part")) {
                ps.setString(1, deploymentId);
                ps.setInt(2, wave);
                SortedMap<Integer, String> out = new TreeMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getInt(1), rs.getString(2));
                    }
                }
                return out;
            }
        });
    }

    private static final String LEASE_COLUMNS = "owner, host, pid, process_started, acquired_at, heartbeat_at, "
            + "expires_at";

    private static void insertLease(Connection c, String deploymentId, Lease l) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO deployment_lease (" + LEASE_COLUMNS
                + ", deployment_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindLease(ps, l);
            ps.setString(8, deploymentId);
            ps.executeUpdate();
        }
    }

    private static void bindLease(PreparedStatement ps, Lease l) throws SQLException {
        ps.setString(1, l.owner());
        ps.setString(2, l.host());
        ps.setLong(3, l.pid());
        Jdbc.setInstant(ps, 4, l.processStarted());
        Jdbc.setInstant(ps, 5, l.acquiredAt());
        Jdbc.setInstant(ps, 6, l.heartbeatAt());
        Jdbc.setInstant(ps, 7, l.expiresAt());
    }

    @Override
    public boolean takeLease(String deploymentId, Lease lease, String replacing, Instant now) {
        return Jdbc.inDurableTransaction(ds, c -> {
            // Compare-and-set on the one row: of two processes taking it, one updates it and the other finds the
            // condition false (or, with no row yet, the second insert breaks the primary key).
            try (PreparedStatement ps = c.prepareStatement("UPDATE deployment_lease SET owner = ?, host = ?, pid = ?, "
                    + "process_started = ?, acquired_at = ?, heartbeat_at = ?, expires_at = ? WHERE deployment_id = ? "
                    + "AND (expires_at <= ? OR owner = ? OR owner = ?)")) {
                bindLease(ps, lease);
                ps.setString(8, deploymentId);
                Jdbc.setInstant(ps, 9, now);
                ps.setString(10, lease.owner());
                ps.setString(11, replacing == null ? lease.owner() : replacing);
                if (ps.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM deployment_lease WHERE deployment_id = ?")) {
                ps.setString(1, deploymentId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            try {
                insertLease(c, deploymentId, lease);
                return true;
            } catch (SQLException e) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                    return false; // another process inserted it first
                }
                throw e;
            }
        });
    }

    @Override
    public boolean renewLease(String deploymentId, Lease renewed) {
        return Jdbc.inDurableTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE deployment_lease SET heartbeat_at = ?, "
                    + "expires_at = ? WHERE deployment_id = ? AND owner = ?")) {
                Jdbc.setInstant(ps, 1, renewed.heartbeatAt());
                Jdbc.setInstant(ps, 2, renewed.expiresAt());
                ps.setString(3, deploymentId);
                ps.setString(4, renewed.owner());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void releaseLease(String deploymentId, String owner) {
        Jdbc.inDurableTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM deployment_lease WHERE deployment_id = ? AND owner = ?")) {
                ps.setString(1, deploymentId);
                ps.setString(2, owner);
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Lease> lease(String deploymentId) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + LEASE_COLUMNS + " FROM deployment_lease WHERE deployment_id = ?")) {
                ps.setString(1, deploymentId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Lease(rs.getString(1), rs.getString(2), rs.getLong(3),
                            Jdbc.getInstant(rs, 4), Jdbc.getInstant(rs, 5), Jdbc.getInstant(rs, 6),
                            Jdbc.getInstant(rs, 7))) : Optional.empty();
                }
            }
        });
    }
}
