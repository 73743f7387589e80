package io.camfleet.console.service.findings;

import io.camfleet.console.domain.findings.Finding;
import io.camfleet.console.domain.findings.PatchState;
import io.camfleet.console.domain.findings.RiskAcceptance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: security findings, their risk acceptances, and the hosts' patch states, in the console's database (V15).
 * Every write is one durable transaction.
 */
public interface FindingStore {

    /**
     * Replaces every finding of {@code source} with {@code findings}, all or none: an import is a whole snapshot of
     * what that source sees. Acceptances are kept by finding id, so a finding that comes back is still accepted.
     */
    void replace(String source, List<Finding> findings, Instant importedAt);

    /** Every finding, worst first. */
    List<Finding> findings();

    Optional<Finding> finding(String id);

    /** When each source that holds findings was last imported, by source; a source with none is not listed. */
    Map<String, Instant> importedAt();

    /** Records an acceptance, replacing an earlier one of the same finding. */
    void accept(RiskAcceptance acceptance);

    /** The acceptances, by finding id. */
    Map<String, RiskAcceptance> acceptances();

    /**
     * Marks an acceptance's expiry as recorded; true only for the one caller that marked it (across consoles sharing
     * the database), which then audits it.
     */
    boolean markExpiryRecorded(String findingId);

    /** Replaces the patch states of {@code source}, all or none. */
    void replacePatchStates(String source, List<PatchState> states);

    List<PatchState> patchStates();
}
