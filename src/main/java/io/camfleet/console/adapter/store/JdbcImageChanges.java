package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.service.fleet.ImageChanges;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code image_change} table (V17): written by {@link JdbcFleetCache} in the transaction that stores the new
 * images, read by the site timeline.
 */
final class JdbcImageChanges implements ImageChanges {

    private static final String INSERT = "INSERT INTO image_change (camera_id, site_id, from_image, to_image, "
            + "changed_at) VALUES (?, ?, ?, ?, ?)";
    /** Stored images are read this many cameras to a query: a page of a sync in a few statements, not one each. */
    private static final int READ_CHUNK = 500;

    private final DataSource ds;

    JdbcImageChanges(DataSource ds) {
        this.ds = ds;
    }

    /** Records the cameras whose image differs from the one {@code stored} (by camera id) had; before the update. */
    static void record(Connection c, Map<String, String> stored, Collection<CameraSystem> cameras, Instant at)
            throws SQLException {
        List<CameraSystem> changed = new ArrayList<>();
        for (CameraSystem cam : cameras) {
            String was = stored.get(cam.id());
            if (was != null && changes(was, cam.image())) {
                changed.add(cam);
            }
        }
        Jdbc.batch(c, INSERT, changed, (ps, cam) -> {
            ps.setString(1, cam.id());
            ps.setString(2, cam.siteId());
            ps.setString(3, stored.get(cam.id()));
            ps.setString(4, cam.image());
            Jdbc.setInstant(ps, 5, at);
        });
    }

    /**
     * The same for a sync's page, whose stored images were not read: they are read here, a chunk of cameras to a
     * query, in the page's transaction (a full sync into an empty cache finds none and records nothing).
     */
    static void record(Connection c, List<CameraSystem> cameras, Instant at) throws SQLException {
        List<CameraSystem> reported = cameras.stream().filter(cam -> !cam.image().isBlank()).toList();
        Map<String, String> stored = new HashMap<>();
        for (int from = 0; from < reported.size(); from += READ_CHUNK) {
            List<CameraSystem> chunk = reported.subList(from, Math.min(reported.size(), from + READ_CHUNK));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, image FROM camera_system WHERE id IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i).id());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stored.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        record(c, stored, reported, at);
    }

    /** A change from one image to another; not a camera's first image, nor one no longer reported. */
    static boolean changes(String was, String now) {
        return !was.isBlank() && !now.isBlank() && !was.equals(now);
    }

    static void prune(Connection c, Instant cutoff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM image_change WHERE changed_at < ?")) {
            Jdbc.setInstant(ps, 1, cutoff);
            ps.executeUpdate();
        }
    }

    @Override
    public List<ImageChange> atSite(String siteId, Instant from, Instant to, int limit) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, camera_id, site_id, from_image, to_image, "
                    + "changed_at FROM image_change WHERE site_id = ? AND changed_at >= ? AND changed_at < ? "
                    + "ORDER BY changed_at DESC, id DESC FETCH FIRST ? ROWS ONLY")) {
                ps.setString(1, siteId);
                Jdbc.setInstant(ps, 2, from);
                Jdbc.setInstant(ps, 3, to);
                ps.setInt(4, limit);
                List<ImageChange> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ImageChange(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), Jdbc.getInstant(rs, 6)));
                    }
                }
                return out;
            }
        });
    }
}
