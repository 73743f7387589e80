package io.camfleet.console.domain.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One entry of the append-only audit trail: who did what to which target, when, with what outcome.
 *
 * @param seq           position in the chain, from 1, without gaps
 * @param at            when, to the millisecond
 * @param actor         the operating-system user at the console
 * @param cloudIdentity the cloud identity the action used (an AWS ARN, say); empty when none
 * @param parameters    what the action was given, secrets already redacted
 * @param prevHash      {@link #hash} of the event before, or {@link AuditChain#GENESIS} for the first
 * @param hash          {@link AuditChain#sealOf} this event's fields and {@code prevHash} under the data folder's key;
 *                      for an event written before the key existed, {@link AuditChain#hashOf} them
 * @param keyed         whether {@code hash} is the keyed seal (every event written since the key existed)
 */
public record AuditEvent(
        long seq,
        Instant at,
        String actor,
        String cloudIdentity,
        String action,
        String target,
        SortedMap<String, String> parameters,
        AuditOutcome outcome,
        String prevHash,
        String hash,
        boolean keyed) {

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        actor = actor == null ? "" : actor;
        cloudIdentity = cloudIdentity == null ? "" : cloudIdentity;
        target = target == null ? "" : target;
        parameters = Collections.unmodifiableSortedMap(parameters == null ? new TreeMap<>() : new TreeMap<>(parameters));
        at = Instant.ofEpochMilli(at.toEpochMilli());
    }

    /**
     * Builds the next event after {@code previous} (or the first one when it is null), sealed under {@code key}; a
     * null key seals it as events were sealed before the key existed (plain SHA-256).
     */
    public static AuditEvent seal(AuditEvent previous, AuditKey key, Instant at, String actor, String cloudIdentity,
                                  String action, String target, Map<String, String> parameters,
                                  AuditOutcome outcome) {
        long seq = previous == null ? 1 : previous.seq() + 1;
        String prevHash = previous == null ? AuditChain.GENESIS : previous.hash();
        return sealAt(seq, prevHash, key, at, actor, cloudIdentity, action, target, parameters, outcome);
    }

    public static AuditEvent sealAt(long seq, String prevHash, AuditKey key, Instant at, String actor,
                                    String cloudIdentity, String action, String target,
                                    Map<String, String> parameters, AuditOutcome outcome) {
        AuditEvent unsealed = new AuditEvent(seq, at, actor, cloudIdentity, action, target,
                parameters == null ? null : new TreeMap<>(parameters), outcome, prevHash, "", key != null);
        return new AuditEvent(seq, unsealed.at(), unsealed.actor(), unsealed.cloudIdentity(), action,
                unsealed.target(), unsealed.parameters(), outcome, prevHash, AuditChain.expectedHash(unsealed, key),
                key != null);
    }
}
