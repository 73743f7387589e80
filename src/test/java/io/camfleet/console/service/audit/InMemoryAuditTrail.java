package io.camfleet.console.service.audit;

import io.camfleet.console.domain.audit.AuditChain;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditKey;
import io.camfleet.console.domain.audit.AuditOutcome;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.function.Predicate;

/** An audit trail in memory, for service tests. */
public final class InMemoryAuditTrail implements AuditTrail {

    public final List<AuditEvent> events = new ArrayList<>();

    @Override
    public AuditEvent append(AuditKey key, Instant at, String actor, String cloudIdentity, String action,
                             String target, SortedMap<String, String> parameters, AuditOutcome outcome) {
        AuditEvent e = AuditEvent.seal(events.isEmpty() ? null : events.get(events.size() - 1), key, at, actor,
                cloudIdentity, action, target, parameters, outcome);
        events.add(e);
        headSeal = AuditChain.headSeal(e.seq(), e.hash(), key);
        return e;
    }

    private String headSeal;

    @Override
    public Head head() {
        AuditEvent last = events.isEmpty() ? null : events.get(events.size() - 1);
        return last == null ? Head.NONE : new Head(last.seq(), last.hash(), last.keyed() ? headSeal : null);
    }

    @Override
    public boolean hasKeyedEvents() {
        return events.stream().anyMatch(AuditEvent::keyed);
    }

    @Override
    public List<AuditEvent> search(AuditQuery query) {
        return events.reversed().stream().limit(query.limit()).toList();
    }

    @Override
    public Head walk(Predicate<AuditEvent> visitor) {
        for (AuditEvent e : events) {
            if (!visitor.test(e)) {
                break;
            }
        }
        return head();
    }
}
