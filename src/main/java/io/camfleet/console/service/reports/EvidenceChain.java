package io.camfleet.console.service.reports;

import io.camfleet.console.domain.audit.AuditChain;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.service.reports.EvidenceManifest.Link;

import java.util.function.BiConsumer;

/**
 * Recomputes the chain of a pack's audit extract, line by line, from the event before its first (as the manifest
 * names it): each line must be the next event, link to the one before, and give from its fields the digest written
 * beside it (and, for an event sealed before the key existed, its very hash). A break is named once: the walk goes on
 * from the line that broke it, so that one removed event is one problem, not one per line after it.
 *
 * <p>Without the data folder's key, the keyed seal of an event cannot be recomputed here: someone who rewrites a
 * field, its digest, the extract's SHA-256 and the manifest's together is caught only by checking the manifest's
 * SHA-256 against the {@code report.evidence} event of the data folder's audit trail.
 */
final class EvidenceChain {

    private final String file;
    private final BiConsumer<String, Object[]> problem;
    private long expectedSeq;
    private String expectedPrev;
    private boolean lost;
    private long events;
    private Link last;

    /** @param problem receives each problem found, as a message key and its arguments */
    EvidenceChain(String file, Link before, BiConsumer<String, Object[]> problem) {
        this.file = file;
        this.problem = problem;
        this.expectedSeq = before.seq() + 1;
        this.expectedPrev = before.hash();
        this.last = before;
    }

    void malformed(int line, String field) {
        if (field.isEmpty()) {
            problem.accept("report.evidence.verify.row.notJson", new Object[] {file, line});
        } else {
            problem.accept("report.evidence.verify.row.field", new Object[] {file, line, field});
        }
        lost = true;
    }

    void accept(int line, EvidenceExtract.Row row) {
        AuditEvent e = row.event();
        events++;
        if (!lost && e.seq() != expectedSeq) {
            problem.accept("report.evidence.verify.row.seq", new Object[] {file, line, e.seq(), expectedSeq});
        } else if (!lost && !e.prevHash().equals(expectedPrev)) {
            problem.accept("report.evidence.verify.row.unlinked", new Object[] {file, line, e.seq()});
        }
        String digest = AuditChain.hashOf(e);
        if (!digest.equals(row.fieldsSha256()) || (!e.keyed() && !digest.equals(e.hash()))) {
            problem.accept("report.evidence.verify.row.changed", new Object[] {file, line, e.seq()});
        }
        lost = false;
        expectedSeq = e.seq() + 1;
        expectedPrev = e.hash();
        last = new Link(e.seq(), e.hash());
    }

    /** Ends the walk at the extract's last event as the manifest names it. */
    void finish(Link named) {
        if (!last.equals(named)) {
            problem.accept("report.evidence.verify.extract.end", new Object[] {file, last.seq(), shortHash(last.hash()),
                    named.seq(), shortHash(named.hash())});
        }
    }

    long events() {
        return events;
    }

    static String shortHash(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) + "..." : hash;
    }
}
