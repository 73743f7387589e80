package io.camfleet.console.app;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * What someone who can write a data folder's cache file, but holds nothing else, can do to its audit trail: plain
 * SQL on the closed file, and the "small program" that edits an event and recomputes the SHA-256 chain after it, as
 * the chain's format was documented before the key.
 */
final class CacheTamper {

    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() {
    };

    private CacheTamper() {
    }

    static Connection open(Path data) throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath().resolve("cache"), "camfleet", "");
    }

    static void sql(Path data, String... statements) throws Exception {
        try (Connection c = open(data); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /**
     * Recomputes the plain SHA-256 of event {@code from} as it now stands, then links and recomputes every event after
     * it and the head row: the chain is consistent again for anyone who does not hold the key.
     */
    static void resealFrom(Path data, long from) throws Exception {
        try (Connection c = open(data); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT seq, at, actor, cloud_identity, action, target, parameters,"
                     + " outcome, prev_hash FROM audit_event WHERE seq >= " + from + " ORDER BY seq");
             PreparedStatement update = c.prepareStatement(
                     "UPDATE audit_event SET prev_hash = ?, hash = ? WHERE seq = ?")) {
            String prev = null;
            long seq = 0;
            while (rs.next()) {
                seq = rs.getLong(1);
                String prevHash = prev == null ? rs.getString(9) : prev;
                prev = sha256(seq, rs.getObject(2, OffsetDateTime.class).toInstant().toEpochMilli(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), prevHash);
                update.setString(1, prevHash);
                update.setString(2, prev);
                update.setLong(3, seq);
                update.executeUpdate();
            }
            try (PreparedStatement head = c.prepareStatement(
                    "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
                head.setLong(1, seq);
                head.setString(2, prev);
                head.executeUpdate();
            }
        }
    }

    private static String sha256(long seq, long atMillis, String actor, String cloudIdentity, String action,
                                 String target, String parametersJson, String outcome, String prevHash)
            throws Exception {
        StringBuilder sb = new StringBuilder();
        field(sb, Long.toString(seq));
        field(sb, Long.toString(atMillis));
        field(sb, actor);
        field(sb, cloudIdentity);
        field(sb, action);
        field(sb, target);
        Map<String, String> parameters = new ObjectMapper().readValue(parametersJson, MAP);
        field(sb, Integer.toString(parameters.size()));
        parameters.forEach((k, v) -> {
            field(sb, k);
            field(sb, v == null ? "" : v);
        });
        field(sb, outcome);
        field(sb, prevHash);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void field(StringBuilder sb, String value) {
        sb.append(value.length()).append(':').append(value).append(';');
    }
}
