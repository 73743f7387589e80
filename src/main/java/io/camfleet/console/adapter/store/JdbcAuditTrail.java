package io.camfleet.console.adapter.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camfleet.console.domain.audit.AuditChain;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditKey;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.service.audit.AuditQuery;
import io.camfleet.console.service.audit.AuditTargets;
import io.camfleet.console.service.audit.AuditTrail;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The audit trail in SQL. Appends lock the head row ({@code SELECT ... FOR UPDATE}), so consoles sharing one
 * database (team mode) still build a single chain. The code has no path that updates or deletes an event. Rows read
 * back exactly as stored, whatever was edited, so that the verifier sees every change.
 */
public final class JdbcAuditTrail implements AuditTrail {

    private static final String COLUMNS =
            "seq, at, actor, cloud_identity, action, target, parameters, outcome, prev_hash, hash, keyed";
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
    };

    private final DataSource ds;
    private final ObjectMapper json = new ObjectMapper();

    public JdbcAuditTrail(DataSource ds) {
        this.ds = ds;
    }

    @Override
    public synchronized AuditEvent append(AuditKey key, Instant at, String actor, String cloudIdentity,
                                          String action, String target, SortedMap<String, String> parameters,
                                          AuditOutcome outcome) {
        // Synced before it returns: an event reported done is on the disk, and the anchor written after it is never
        // ahead of the cache.
        return Jdbc.inDurableTransaction(ds, c -> {
            long seq = 0;
            String prev = AuditChain.GENESIS;
            boolean hasHead = false;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    hasHead = true;
                    seq = rs.getLong(1);
                    prev = rs.getString(2);
                }
            }
            AuditEvent e = AuditEvent.sealAt(seq + 1, prev, key, at, actor, cloudIdentity, action, target,
                    parameters, outcome);
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO audit_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, e.seq());
                Jdbc.setInstant(ps, 2, e.at());
                ps.setString(3, e.actor());
                ps.setString(4, e.cloudIdentity());
                ps.setString(5, e.action());
                ps.setString(6, e.target());
                ps.setString(7, toJson(e.parameters()));
                ps.setString(8, e.outcome().name());
                ps.setString(9, e.prevHash());
                ps.setString(10, e.hash());
                ps.setBoolean(11, e.keyed());
                ps.executeUpdate();
            }
            String head = hasHead
                    ? "UPDATE audit_head SET last_seq = ?, last_hash = ?, seal = ? WHERE id = 1"
                    : "INSERT INTO audit_head (last_seq, last_hash, seal, id) VALUES (?, ?, ?, 1)";
            try (PreparedStatement ps = c.prepareStatement(head)) {
                ps.setLong(1, e.seq());
                ps.setString(2, e.hash());
                ps.setString(3, AuditChain.headSeal(e.seq(), e.hash(), key));
                ps.executeUpdate();
            }
            return e;
        });
    }

    @Override
    public List<AuditEvent> search(AuditQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_event WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (!query.text().isEmpty()) {
            sql.append(" AND (LOWER(actor) LIKE ? ESCAPE '!' OR LOWER(action) LIKE ? ESCAPE '!'"
                    + " OR LOWER(target) LIKE ? ESCAPE '!' OR LOWER(parameters) LIKE ? ESCAPE '!')");
            String like = "%" + query.text().toLowerCase(Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
            for (int i = 0; i < 4; i++) {
                args.add(like);
            }
        }
        if (!query.outcomes().isEmpty()) {
            sql.append(" AND outcome IN (").append("?, ".repeat(query.outcomes().size() - 1)).append("?)");
            query.outcomes().stream().map(Enum::name).sorted().forEach(args::add);
        }
        sql.append(" ORDER BY seq DESC FETCH FIRST ? ROWS ONLY");
        args.add(query.limit());
        return Jdbc.read(ds, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                List<AuditEvent> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<AuditEvent> naming(Collection<String> names, Instant from, Instant to, int limit) {
        List<String> words = names.stream().filter(n -> !n.isEmpty()).distinct().sorted().toList();
        if (words.isEmpty()) {
            return List.of();
        }
        // LIKE finds the candidates; AuditTargets keeps those that name a site or camera as a whole word
        String sql = "SELECT " + COLUMNS + " FROM audit_event WHERE at >= ? AND at < ? AND ("
                + String.join(" OR ", Collections.nCopies(words.size(), "target LIKE ? ESCAPE '!'"))
                + ") ORDER BY seq DESC";
        return Jdbc.read(ds, c -> {
            List<AuditEvent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Jdbc.setInstant(ps, 1, from);
                Jdbc.setInstant(ps, 2, to);
                for (int i = 0; i < words.size(); i++) {
                    ps.setString(i + 3, "%" + words.get(i).replace("!", "!!").replace("%", "!%").replace("_", "!_")
                            + "%");
                }
                ps.setFetchSize(Jdbc.BATCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (out.size() < limit && rs.next()) {
                        AuditEvent e = row(rs);
                        if (AuditTargets.names(e.target(), words)) {
                            out.add(e);
                        }
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Head walk(Predicate<AuditEvent> visitor) {
        return Jdbc.read(ds, c -> {
            try (Statement s = c.createStatement()) {
                s.setFetchSize(500);
                try (ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM audit_event ORDER BY seq")) {
                    while (rs.next()) {
                        if (!visitor.test(row(rs))) {
                            break;
                        }
                    }
                }
            }
            return head(c);
        });
    }

    @Override
    public Head head() {
        return Jdbc.read(ds, JdbcAuditTrail::head);
    }

    @Override
    public boolean hasKeyedEvents() {
        return Jdbc.read(ds, c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT 1 FROM audit_event WHERE keyed FETCH FIRST 1 ROWS ONLY")) {
                return rs.next();
            }
        });
    }

    private static Head head(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT last_seq, last_hash, seal FROM audit_head WHERE id = 1")) {
            return rs.next() ? new Head(rs.getLong(1), rs.getString(2), rs.getString(3)) : Head.NONE;
        }
    }

    private AuditEvent row(ResultSet rs) throws SQLException {
        SortedMap<String, String> parameters = fromJson(rs.getString(7));
        AuditOutcome outcome;
        try {
            outcome = AuditOutcome.valueOf(rs.getString(8));
        } catch (IllegalArgumentException e) {
            // An outcome no event can have: kept visible among the parameters, which the seal then does not match.
            outcome = AuditOutcome.FAILED;
            parameters = new TreeMap<>(parameters);
            parameters.put("unreadableOutcome", rs.getString(8));
        }
        return new AuditEvent(rs.getLong(1), Jdbc.getInstant(rs, 2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), parameters, outcome, rs.getString(9), rs.getString(10),
                rs.getBoolean(11));
    }

    private String toJson(SortedMap<String, String> parameters) {
        try {
            return json.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    private SortedMap<String, String> fromJson(String text) {
        try {
            return json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            // Unreadable parameters are kept visible as text; the hash check then names the event.
            TreeMap<String, String> raw = new TreeMap<>();
            raw.put("unreadable", text);
            return raw;
        }
    }
}
