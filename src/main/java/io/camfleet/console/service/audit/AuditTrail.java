package io.camfleet.console.service.audit;

import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditKey;
import io.camfleet.console.domain.audit.AuditOutcome;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.function.Predicate;

/** Port: the append-only, hash-chained audit table. */
public interface AuditTrail {

    /**
     * Appends one event atomically: it gets the next sequence number, links to the current head, and is sealed with
     * {@code key}, as is the new head.
     */
    AuditEvent append(AuditKey key, Instant at, String actor, String cloudIdentity, String action, String target,
                      SortedMap<String, String> parameters, AuditOutcome outcome);

    /** Newest first, at most {@code query.limit()}. */
    List<AuditEvent> search(AuditQuery query);

    /**
     * Streams every event in sequence order to {@code visitor} until it returns false, then returns the chain head
     * recorded beside the trail.
     */
    Head walk(Predicate<AuditEvent> visitor);

    /** The chain head recorded beside the trail. */
    Head head();

    /**
     * The events from {@code from} (inclusive) to {@code to} (exclusive) whose target names one of {@code names} as
     * a whole word ({@link AuditTargets#names}), the latest {@code limit}, newest first: a site's audited actions.
     */
    default List<AuditEvent> naming(Collection<String> names, Instant from, Instant to, int limit) {
        List<AuditEvent> out = new ArrayList<>();
        walk(e -> {
            if (!e.at().isBefore(from) && e.at().isBefore(to) && AuditTargets.names(e.target(), names)) {
                out.add(e);
            }
            return true;
        });
        return out.reversed().subList(0, Math.min(limit, out.size()));
    }

    /** Whether any event of the trail is sealed with a key. */
    boolean hasKeyedEvents();

    /**
     * The last sequence number and hash, as recorded when the last event was appended, and the head's seal under the
     * key (null for a head written before the key existed).
     */
    record Head(long seq, String hash, String seal) {
        public static final Head NONE = new Head(0, null, null);
    }
}
