package io.camfleet.console.service;

import io.camfleet.console.domain.AuditChain;
import io.camfleet.console.domain.AuditEvent;
import io.camfleet.console.domain.AuditOutcome;
import io.camfleet.console.domain.AuditVerification;
import io.camfleet.console.domain.SecretRedaction;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Writes the audit trail for every action that changes something, and checks its chain.
 */
public final class AuditService {

    private final AuditTrail trail;
    private final Operator operator;
    private final Clock clock;
    private final List<Consumer<AuditEvent>> listeners = new CopyOnWriteArrayList<>();

    public AuditService(AuditTrail trail, Operator operator, Clock clock) {
        this.trail = trail;
        this.operator = operator;
        this.clock = clock;
    }

    public Operator operator() {
        return operator;
    }

    /** Called, on the recording thread, after each event is written. */
    public void addListener(Consumer<AuditEvent> listener) {
        listeners.add(listener);
    }

    /** Records one event; secret-looking parameters are redacted first. */
    public AuditEvent record(String action, String target, Map<String, String> parameters, AuditOutcome outcome) {
        AuditEvent e = trail.append(clock.instant(), operator.osUser(), operator.cloudIdentity(), action, target,
                SecretRedaction.redact(parameters), outcome);
        listeners.forEach(l -> l.accept(e));
        return e;
    }

    /**
     * Runs {@code work} between a STARTED event and its outcome (SUCCEEDED, FAILED with the reason, or CANCELLED),
     * so that the trail shows an attempt even when the console dies halfway.
     */
    public <T> T perform(String action, String target, Map<String, String> parameters, Supplier<T> work) {
        AuditEvent started = record(action, target, parameters, AuditOutcome.STARTED);
        Map<String, String> after = new TreeMap<>(parameters);
        after.put("startedSeq", Long.toString(started.seq()));
        try {
            T result = work.get();
            record(action, target, after, AuditOutcome.SUCCEEDED);
            return result;
        } catch (CancellationException e) {
            record(action, target, after, AuditOutcome.CANCELLED);
            throw e;
        } catch (RuntimeException | Error e) {
            after.put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            record(action, target, after, AuditOutcome.FAILED);
            throw e;
        }
    }

    public List<AuditEvent> search(AuditQuery query) {
        return trail.search(query);
    }

    /** Walks the whole chain and names the first broken link, if any. */
    public AuditVerification verify() {
        AuditChain.Verifier verifier = AuditChain.verifier();
        AuditTrail.Head head = trail.walk(verifier::accept);
        return verifier.finish(head.seq(), head.hash());
    }
}
