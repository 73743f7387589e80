package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.ReleaseKind;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.ReleaseStore;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Releases in the {@code deploy_release} table. Whether a release reached a camera is read from the deployment
 * journal: any deployment of it whose target moved past PENDING or WAITING_WINDOW.
 */
public final class JdbcReleaseStore implements ReleaseStore {

    private static final String COLUMNS = "name, version, kind, artifact, sha256, install_script, health_check, "
            + "rollback_script";
    /** The target states in which nothing has been sent to the camera yet. */
    private static final String WAITING = "('PENDING', 'WAITING_WINDOW')";

    private final DataSource ds;
    private final Clock clock;

    public JdbcReleaseStore(DataSource ds, Clock clock) {
        this.ds = ds;
        this.clock = clock;
    }

    @Override
    public boolean save(Release release, String by) {
        return Jdbc.inTransaction(ds, c -> {
            Optional<Release> existing = find(c, release.name(), release.version());
            if (existing.isPresent()) {
                if (existing.get().equals(release)) {
                    return false;
                }
                if (reachedCameras(c, release.name(), release.version())) {
                    throw Problem.badInput("release.exists", release.name(), release.version());
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM deploy_release WHERE name = ? AND version = ?")) {
                    ps.setString(1, release.name());
                    ps.setString(2, release.version());
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO deploy_release (" + COLUMNS
                    + ", created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, release.name());
                ps.setString(2, release.version());
                ps.setString(3, release.kind().name());
                ps.setString(4, release.artifact());
                ps.setString(5, release.sha256());
                ps.setString(6, release.installScript());
                ps.setString(7, release.healthCheck());
                ps.setString(8, release.rollbackScript());
                Jdbc.setInstant(ps, 9, clock.instant());
                ps.setString(10, by);
                ps.executeUpdate();
            }
            return true;
        });
    }

    /** Whether a target of a deployment of this release ever went past waiting: its events, and its state now. */
    private static boolean reachedCameras(Connection c, String name, String version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM deployment d WHERE d.release_name = ?"
                + " AND d.release_version = ? AND (EXISTS (SELECT 1 FROM deployment_event e"
                + " WHERE e.deployment_id = d.id AND e.camera_id <> '' AND e.to_state NOT IN " + WAITING + ")"
                + " OR EXISTS (SELECT 1 FROM deployment_target t"
                + " WHERE t.deployment_id = d.id AND t.state NOT IN " + WAITING + "))")) {
            ps.setString(1, name);
            ps.setString(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public Optional<Release> find(String name, String version) {
        return Jdbc.read(ds, c -> find(c, name, version));
    }

    private static Optional<Release> find(Connection c, String name, String version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM deploy_release WHERE name = ? AND version = ?")) {
            ps.setString(1, name);
            ps.setString(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(release(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public Optional<Instant> createdAt(String name, String version) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT created_at FROM deploy_release WHERE name = ? AND version = ?")) {
                ps.setString(1, name);
                ps.setString(2, version);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(Jdbc.getInstant(rs, 1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Release> all() {
        return Jdbc.read(ds, c -> {
            List<Release> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM deploy_release ORDER BY created_at DESC, name, version");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(release(rs));
                }
            }
            return out;
        });
    }

    private static Release release(ResultSet rs) throws SQLException {
        return new Release(rs.getString(1), rs.getString(2), ReleaseKind.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
    }
}
