package io.camfleet.console.service.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.domain.audit.AuditChain;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditOutcome;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The raw audit extract of an evidence pack, {@code audit-extract.jsonl}: one event a line, as a JSON object holding
 * every field its hash covers, so that anyone can recompute the chain ({@link AuditChain}):
 * <pre>
 * {"seq":42,"at":"2026-11-03T09:15:02.120Z","actor":"nina","cloudIdentity":"","action":"finding.accept",
 *  "target":"cam-1","parameters":{"until":"2027-01-01"},"outcome":"SUCCEEDED","prevHash":"...","hash":"...",
 *  "keyed":true,"fieldsSha256":"..."}
 * </pre>
 * {@code hash} is the event's hash in the trail: the HMAC-SHA256 seal under the data folder's key when {@code keyed},
 * the plain SHA-256 of the fields otherwise. {@code fieldsSha256} is the plain SHA-256 of the same fields, written
 * with the pack, so that a field changed later shows without the key.
 */
final class EvidenceExtract {

    static final String NAME = "audit-extract.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper();

    private EvidenceExtract() {
    }

    /** The event as one line of the extract, its line end included. */
    static byte[] line(AuditEvent e) {
        ObjectNode o = JSON.createObjectNode();
        o.put("seq", e.seq());
        o.put("at", e.at().toString());
        o.put("actor", e.actor());
        o.put("cloudIdentity", e.cloudIdentity());
        o.put("action", e.action());
        o.put("target", e.target());
        ObjectNode parameters = o.putObject("parameters");
        e.parameters().forEach(parameters::put);
        o.put("outcome", e.outcome().name());
        o.put("prevHash", e.prevHash());
        o.put("hash", e.hash());
        o.put("keyed", e.keyed());
        o.put("fieldsSha256", AuditChain.hashOf(e));
        try {
            return (JSON.writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a tree of strings always prints", impossible);
        }
    }

    /** A line read back: the event, and the digest of its fields written beside it. */
    record Row(AuditEvent event, String fieldsSha256) {
    }

    /** A line that is not an event; {@code field} names what is missing or wrong, empty when it is not JSON. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        final String field;

        Malformed(String field) {
            super(field, null, false, false);
            this.field = field;
        }
    }

    static Row parse(String line) throws Malformed {
        JsonNode o;
        try {
            o = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new Malformed("");
        }
        if (o == null || !o.isObject()) {
            throw new Malformed("");
        }
        long seq = number(o, "seq");
        Instant at = instant(o);
        AuditOutcome outcome;
        try {
            outcome = AuditOutcome.valueOf(text(o, "outcome"));
        } catch (IllegalArgumentException e) {
            throw new Malformed("outcome");
        }
        JsonNode keyed = o.get("keyed");
        if (keyed == null || !keyed.isBoolean()) {
            throw new Malformed("keyed");
        }
        AuditEvent event = new AuditEvent(seq, at, text(o, "actor"), text(o, "cloudIdentity"), text(o, "action"),
                text(o, "target"), parameters(o), outcome, text(o, "prevHash"), text(o, "hash"), keyed.booleanValue());
        return new Row(event, text(o, "fieldsSha256"));
    }

    private static long number(JsonNode o, String field) throws Malformed {
        JsonNode n = o.get(field);
        if (n == null || !n.canConvertToExactIntegral() || !n.canConvertToLong() || n.longValue() < 1) {
            throw new Malformed(field);
        }
        return n.longValue();
    }

    private static String text(JsonNode o, String field) throws Malformed {
        JsonNode n = o.get(field);
        if (n == null || !n.isTextual()) {
            throw new Malformed(field);
        }
        return n.textValue();
    }

    /** The hash covers milliseconds: a finer time would be cut, and an edit to it would not show. */
    private static Instant instant(JsonNode o) throws Malformed {
        try {
            Instant at = Instant.parse(text(o, "at"));
            if (at.getNano() % 1_000_000 != 0) {
                throw new Malformed("at");
            }
            return at;
        } catch (DateTimeParseException e) {
            throw new Malformed("at");
        }
    }

    private static TreeMap<String, String> parameters(JsonNode o) throws Malformed {
        JsonNode p = o.get("parameters");
        if (p == null || !p.isObject()) {
            throw new Malformed("parameters");
        }
        TreeMap<String, String> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!f.getValue().isTextual() && !f.getValue().isNull()) {
                throw new Malformed("parameters");
            }
            out.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().textValue());
        }
        return out;
    }
}
