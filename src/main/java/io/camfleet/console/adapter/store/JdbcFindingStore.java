package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.findings.Finding;
import io.camfleet.console.domain.findings.PatchState;
import io.camfleet.console.domain.findings.RiskAcceptance;
import io.camfleet.console.domain.findings.Severity;
import io.camfleet.console.service.findings.FindingStore;

import javax.sql.DataSource;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Findings, acceptances and patch states in {@code finding}, {@code finding_acceptance}, {@code patch_state} (V15). */
public final class JdbcFindingStore implements FindingStore {

    private static final String COLUMNS = "id, source, cve, severity, package_name, host, image, title, seen";

    private final DataSource ds;

    public JdbcFindingStore(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public void replace(String source, List<Finding> findings, Instant importedAt) {
        Jdbc.inDurableTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM finding WHERE source = ?")) {
                ps.setString(1, source);
                ps.executeUpdate();
            }
            // an id another source holds moves to this one: the newest import says where a finding stands
            Jdbc.batch(c, "DELETE FROM finding WHERE id = ?", findings, (ps, f) -> ps.setString(1, f.id()));
            Jdbc.batch(c, "INSERT INTO finding (" + COLUMNS + ", imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    findings, (ps, f) -> {
                        ps.setString(1, f.id());
                        ps.setString(2, source);
                        ps.setString(3, f.cve());
                        ps.setString(4, f.severity().name());
                        ps.setString(5, f.packageName());
                        ps.setString(6, f.host());
                        ps.setString(7, f.image());
                        ps.setString(8, Jdbc.clip(f.title(), 1000));
                        Jdbc.setInstant(ps, 9, f.seen());
                        Jdbc.setInstant(ps, 10, importedAt);
                    });
            return null;
        });
    }

    @Override
    public List<Finding> findings() {
        List<Finding> out = Jdbc.read(ds, c -> {
            List<Finding> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM finding");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(finding(rs));
                }
            }
            return rows;
        });
        // worst first, then by CVE and host: sorted here, as severity names do not sort by badness in SQL
        out.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::cve).thenComparing(Finding::host)
                .thenComparing(Finding::id));
        return out;
    }

    @Override
    public Map<String, Instant> importedAt() {
        return Jdbc.read(ds, c -> {
            Map<String, Instant> at = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT source, MAX(imported_at) FROM finding GROUP BY source ORDER BY source");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    at.put(rs.getString(1), Jdbc.getInstant(rs, 2));
                }
            }
            return at;
        });
    }

    @Override
    public Optional<Finding> finding(String id) {
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM finding WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(finding(rs)) : Optional.<Finding>empty();
                }
            }
        });
    }

    private static Finding finding(ResultSet rs) throws SQLException {
        return new Finding(rs.getString(1), rs.getString(2), rs.getString(3), Severity.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), Jdbc.getInstant(rs, 9));
    }

    @Override
    public void accept(RiskAcceptance a) {
        Jdbc.inDurableTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM finding_acceptance WHERE finding_id = ?")) {
                ps.setString(1, a.findingId());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO finding_acceptance (finding_id, reason, "
                    + "until_day, accepted_by, accepted_at, expiry_recorded) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, a.findingId());
                ps.setString(2, a.reason());
                ps.setDate(3, Date.valueOf(a.until()));
                ps.setString(4, Jdbc.clip(a.acceptedBy(), 200));
                Jdbc.setInstant(ps, 5, a.acceptedAt());
                ps.setBoolean(6, a.expiryRecorded());
                ps.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Map<String, RiskAcceptance> acceptances() {
        return Jdbc.read(ds, c -> {
            Map<String, RiskAcceptance> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT finding_id, reason, until_day, accepted_by, "
                    + "accepted_at, expiry_recorded FROM finding_acceptance ORDER BY finding_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new RiskAcceptance(rs.getString(1), rs.getString(2),
                            rs.getDate(3).toLocalDate(), rs.getString(4), Jdbc.getInstant(rs, 5), rs.getBoolean(6)));
                }
            }
            return out;
        });
    }

    @Override
    public boolean markExpiryRecorded(String findingId) {
        return Jdbc.inDurableTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE finding_acceptance SET expiry_recorded = TRUE "
                    + "WHERE finding_id = ? AND expiry_recorded = FALSE")) {
                ps.setString(1, findingId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public void replacePatchStates(String source, List<PatchState> states) {
        Jdbc.inDurableTransaction(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM patch_state WHERE source = ?")) {
                ps.setString(1, source);
                ps.executeUpdate();
            }
            Jdbc.batch(c, "INSERT INTO patch_state (source, host, patch_level, installed, missing, missing_security, "
                    + "observed_at) VALUES (?, ?, ?, ?, ?, ?, ?)", states, (ps, s) -> {
                        ps.setString(1, source);
                        ps.setString(2, Jdbc.clip(s.host(), 300));
                        ps.setString(3, Jdbc.clip(s.patchLevel(), 300));
                        ps.setInt(4, s.installed());
                        ps.setInt(5, s.missing());
                        ps.setInt(6, s.missingSecurity());
                        Jdbc.setInstant(ps, 7, s.observedAt());
                    });
            return null;
        });
    }

    @Override
    public List<PatchState> patchStates() {
        return Jdbc.read(ds, c -> {
            List<PatchState> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT host, source, patch_level, installed, missing, "
                    + "missing_security, observed_at FROM patch_state ORDER BY host, source");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PatchState(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                            rs.getInt(5), rs.getInt(6), Jdbc.getInstant(rs, 7)));
                }
            }
            return out;
        });
    }
}
