package io.camfleet.console.service.audit;

import io.camfleet.console.service.common.Problem;
import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.audit.AuditAnchor;
import io.camfleet.console.domain.audit.AuditChain;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditKey;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.audit.AuditVerification;
import io.camfleet.console.domain.audit.AuditVerifier;
import io.camfleet.console.domain.text.SecretRedaction;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Writes the audit trail for every action that changes something, and checks its chain. Each event is sealed with
 * the data folder's key and, once committed, its head is appended to the anchor: both live outside the cache (see
 * {@link AuditAnchorStore}), so that rewriting the cache alone shows.
 */
public final class AuditService {

    private final AuditTrail trail;
    private final AuditAnchorStore anchors;
    private final Operator operator;
    private final Clock clock;
    private final List<Consumer<AuditEvent>> listeners = new CopyOnWriteArrayList<>();
    private AuditKey key;

    public AuditService(AuditTrail trail, AuditAnchorStore anchors, Operator operator, Clock clock) {
        this.trail = trail;
        this.anchors = anchors;
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

    /**
     * Records one event; secret-looking parameters are redacted first. The event is committed, then its head is in
     * the anchor, before this returns.
     *
     * @throws Problem when the key or the anchor cannot be used (see {@link #sealingKey}) or written
     */
    public AuditEvent record(String action, String target, Map<String, String> parameters, AuditOutcome outcome) {
        AuditEvent e;
        synchronized (this) {
            e = trail.append(sealingKey(), clock.instant(), operator.osUser(), operator.cloudIdentity(), action,
                    target, SecretRedaction.redact(parameters), outcome);
            anchors.append(new AuditAnchor.Head(e.seq(), e.at(), e.hash()));
        }
        listeners.forEach(l -> l.accept(e));
        return e;
    }

    /**
     * Records that the cache could not be used and was moved aside as {@code movedAside}: the anchor notes the restart
     * of the chain, so that the fresh trail is told apart from a swapped cache file, then the trail's first event says
     * where the earlier trail is.
     */
    public AuditEvent restartAfterQuarantine(String folder, String movedAside) {
        synchronized (this) {
            sealingKey();
            anchors.append(new AuditAnchor.Restart(clock.instant(), movedAside));
        }
        return record(AuditActions.CACHE_RECOVER, folder, Map.of("movedAside", movedAside), AuditOutcome.SUCCEEDED);
    }

    /**
     * The key to seal the next event with, created on first use. Caches written before the key existed are taken on
     * as they are: the anchor's first record pins their last unkeyed event, and the key seals every event after it.
     *
     * @throws Problem {@code audit.keyMissing} when events were sealed with a key that is gone, and
     *                 {@code audit.anchorMissing} when the key is there but the anchor is not: either way the chain
     *                 cannot go on in a way that verifies, and a new key or anchor would hide what happened
     */
    private AuditKey sealingKey() {
        if (key != null) {
            return key;
        }
        Optional<byte[]> found = anchors.key();
        Optional<AuditAnchor> anchor = anchors.anchor();
        if (found.isPresent()) {
            if (anchor.isEmpty()) {
                throw new Problem("audit.anchorMissing", anchors.location());
            }
            if (found.get().length != AuditKey.LENGTH) {
                throw new Problem("audit.keyUnreadable", anchors.location());
            }
            key = AuditKey.of(found.get());
            return key;
        }
        if (anchor.map(AuditAnchor::keyed).orElse(false) || trail.hasKeyedEvents()) {
            throw new Problem("audit.keyMissing", anchors.location());
        }
        if (anchor.isEmpty()) {
            AuditTrail.Head head = trail.head();
            anchors.append(new AuditAnchor.Start(clock.instant(), head.seq() + 1));
            if (head.seq() > 0) {
                anchors.append(new AuditAnchor.Head(head.seq(), clock.instant(), head.hash()));
            }
        }
        key = AuditKey.of(anchors.createKey());
        return key;
    }

    /**
     * Runs {@code work} between a STARTED event and its outcome (SUCCEEDED, FAILED with the reason, or CANCELLED),
     * so that the trail shows an attempt even when the console dies halfway.
     */
    public <T> T perform(String action, String target, Map<String, String> parameters, Supplier<T> work) {
        return perform(action, target, parameters, noted -> work.get());
    }

    /**
     * As {@link #perform(String, String, Map, Supplier)}, where {@code work} may add what it produced to the
     * parameters of the SUCCEEDED event (the SHA-256 of a file written, say), so that the sealed trail vouches for it.
     */
    public <T> T perform(String action, String target, Map<String, String> parameters,
                         Function<Map<String, String>, T> work) {
        AuditEvent started = record(action, target, parameters, AuditOutcome.STARTED);
        Map<String, String> after = new TreeMap<>(parameters);
        after.put("startedSeq", Long.toString(started.seq()));
        try {
            Map<String, String> noted = new TreeMap<>();
            T result = work.apply(noted);
            noted.forEach(after::putIfAbsent);
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

    /**
     * Streams every event, oldest first, to {@code visitor} until it returns false, and returns the head recorded
     * beside the trail. Nothing is recorded meanwhile, so the head is the one of the events streamed.
     */
    public synchronized AuditTrail.Head walk(Predicate<AuditEvent> visitor) {
        return trail.walk(visitor);
    }

    /** The anchor's last record of the chain's head, if the anchor holds one. */
    public Optional<AuditAnchor.Head> anchoredHead() {
        return anchors.anchor().flatMap(a -> a.entries().stream()
                .filter(AuditAnchor.Head.class::isInstance).map(AuditAnchor.Head.class::cast)
                .reduce((first, second) -> second));
    }

    public List<AuditEvent> search(AuditQuery query) {
        return trail.search(query);
    }

    /**
     * Walks the whole chain against the key and the anchor and names the first thing found wrong, if any; also says
     * where the trails of earlier caches of this folder are.
     */
    public synchronized AuditVerification verify() {
        AuditVerifier verifier = AuditChain.verifier(anchors.key(), anchors.anchor());
        AuditTrail.Head head = trail.walk(verifier::accept);
        return verifier.finish(head.seq(), head.hash(), head.seal());
    }
}
