package io.camfleet.console.adapter.store;

import io.camfleet.console.service.fleet.ReportedVersion;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code reported_version} table: what rollouts installed, until and after a sync confirms it. */
final class ReportedVersions {

    private static final String UPDATE = "UPDATE reported_version SET version = ?, deployment_id = ?, "
            + "reported_at = ?, confirmed_at = ? WHERE camera_id = ?";
    private static final String INSERT = "INSERT INTO reported_version (version, deployment_id, reported_at, "
            + "confirmed_at, camera_id) VALUES (?, ?, ?, ?, ?)";

    private final DataSource ds;

    ReportedVersions(DataSource ds) {
        this.ds = ds;
    }

    Map<String, ReportedVersion> all() {
        return Jdbc.read(ds, c -> {
            Map<String, ReportedVersion> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT camera_id, version, deployment_id, reported_at, "
                    + "confirmed_at FROM reported_version");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new ReportedVersion(rs.getString(1), rs.getString(2), rs.getString(3),
                            Jdbc.getInstant(rs, 4), Jdbc.getInstant(rs, 5)));
                }
            }
            return out;
        });
    }

    /**
     * Not synced: the deployment's journal is the record, and a report lost to a crash in the last half second is
     * put right by the next sync; a synced write per camera would slow every rollout.
     */
    void store(ReportedVersion report) {
        Jdbc.inTransaction(ds, c -> {
            if (Jdbc.batch(c, UPDATE, List.of(report), ReportedVersions::bind)[0] == 0) {
                Jdbc.batch(c, INSERT, List.of(report), ReportedVersions::bind);
            }
            return null;
        });
    }

    /** Several reports in one transaction (not synced, as {@link #store(ReportedVersion)}). */
    void store(Collection<ReportedVersion> reports) {
        if (reports.isEmpty()) {
            return;
        }
        List<ReportedVersion> all = List.copyOf(reports);
        Jdbc.inTransaction(ds, c -> {
            int[] updated = Jdbc.batch(c, UPDATE, all, ReportedVersions::bind);
            List<ReportedVersion> fresh = new java.util.ArrayList<>();
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] == 0) {
                    fresh.add(all.get(i));
                }
            }
            Jdbc.batch(c, INSERT, fresh, ReportedVersions::bind);
            return null;
        });
    }

    void settle(Collection<ReportedVersion> confirmed, Collection<String> contradicted) {
        if (confirmed.isEmpty() && contradicted.isEmpty()) {
            return;
        }
        Jdbc.inTransaction(ds, c -> {
            Jdbc.batch(c, UPDATE, List.copyOf(confirmed), ReportedVersions::bind);
            Jdbc.batch(c, "DELETE FROM reported_version WHERE camera_id = ?", List.copyOf(contradicted),
                    (ps, id) -> ps.setString(1, id));
            return null;
        });
    }

    private static void bind(PreparedStatement ps, ReportedVersion r) throws java.sql.SQLException {
        ps.setString(1, r.version());
        ps.setString(2, r.deploymentId());
        Jdbc.setInstant(ps, 3, r.reportedAt());
        Jdbc.setInstant(ps, 4, r.confirmedAt());
        ps.setString(5, r.cameraId());
    }
}
