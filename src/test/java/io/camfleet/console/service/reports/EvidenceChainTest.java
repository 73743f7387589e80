package io.camfleet.console.service.reports;

import io.camfleet.console.domain.audit.AuditChain;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditKey;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.service.reports.EvidenceManifest.Link;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.camfleet.console.service.reports.EvidenceRig.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The chain walk over an extract's lines, on events sealed as the trail seals them, with and without the key. */
class EvidenceChainTest {

    private static final AuditKey KEY = AuditKey.of(new byte[32]);
    private final List<String> problems = new ArrayList<>();

    /** Events 1 to 4, sealed under {@code key} (null: unkeyed, as before the key existed). */
    private static List<AuditEvent> trail(AuditKey key) {
        List<AuditEvent> out = new ArrayList<>();
        AuditEvent previous = null;
        for (int i = 1; i <= 4; i++) {
            previous = AuditEvent.seal(previous, key, Instant.parse("2026-11-0" + i + "T10:00:00Z"), "ops", "",
                    "backup.take", "cam-" + i, Map.of("n", Integer.toString(i)), AuditOutcome.SUCCEEDED);
            out.add(previous);
        }
        return out;
    }

    /** Walks {@code rows} from the genesis; the last event is the one the manifest names. */
    private void walk(List<AuditEvent> rows, Link last) {
        EvidenceChain chain = new EvidenceChain("audit-extract.jsonl", new Link(0, AuditChain.GENESIS),
                (key, args) -> problems.add(key + " " + Arrays.toString(args)));
        for (int i = 0; i < rows.size(); i++) {
            chain.accept(i + 1, new EvidenceExtract.Row(rows.get(i), AuditChain.hashOf(rows.get(i))));
        }
        chain.finish(last);
    }

    /** {@code e} with another actor, its hash and link kept: what someone without the key can write. */
    private static AuditEvent withActor(AuditEvent e, String actor) {
        return new AuditEvent(e.seq(), e.at(), actor, e.cloudIdentity(), e.action(), e.target(), e.parameters(),
                e.outcome(), e.prevHash(), e.hash(), e.keyed());
    }

    @Test
    void anIntactTrailHasNoProblem() {
        List<AuditEvent> t = trail(KEY);

        walk(t, new Link(4, t.get(3).hash()));

        assertThat(problems).isEmpty();
    }

    @Test
    void anUnkeyedEventRewrittenTogetherWithItsDigestIsStillCaughtByItsOwnHash() {
        List<AuditEvent> t = new ArrayList<>(trail(null));
        t.set(1, withActor(t.get(1), "bob"));

        // walk() writes each row's digest from its (edited) fields: only the unkeyed hash itself can object
        walk(t, new Link(4, t.get(3).hash()));

        assertThat(problems).containsExactly("report.evidence.verify.row.changed [audit-extract.jsonl, 2, 2]");
    }

    @Test
    void aKeyedEventRewrittenTogetherWithItsDigestNeedsTheFoldersKeyToBeCaught() {
        List<AuditEvent> t = new ArrayList<>(trail(KEY));
        t.set(1, withActor(t.get(1), "bob"));

        walk(t, new Link(4, t.get(3).hash()));

        // The limit the README states: the seal is HMAC under the folder's key, which the pack does not hold
        assertThat(problems).isEmpty();
    }

    @Test
    void aRemovedEventIsNamedOnceAndTheWalkGoesOnFromTheLineAfter() {
        List<AuditEvent> t = new ArrayList<>(trail(KEY));
        t.remove(1);

        walk(t, new Link(4, t.get(2).hash()));

        // Line 2 holds event 3 where 2 should be; from there 3 -> 4 links again
        assertThat(problems).containsExactly("report.evidence.verify.row.seq [audit-extract.jsonl, 2, 3, 2]");
    }

    @Test
    void aSwappedHashBreaksTheLinkOfTheEventAfterIt() {
        List<AuditEvent> t = new ArrayList<>(trail(KEY));
        AuditEvent e = t.get(1);
        t.set(1, new AuditEvent(e.seq(), e.at(), e.actor(), e.cloudIdentity(), e.action(), e.target(),
                e.parameters(), e.outcome(), e.prevHash(), "f".repeat(64), true));

        walk(t, new Link(4, t.get(3).hash()));

        assertThat(problems).containsExactly("report.evidence.verify.row.unlinked [audit-extract.jsonl, 3, 3]");
    }

    @Test
    void aLineThatIsNotAnEventIsNamedAndTheLinkAfterItIsNotHeldAgainstTheNext() throws Exception {
        List<AuditEvent> t = trail(KEY);
        EvidenceChain chain = new EvidenceChain("audit-extract.jsonl", new Link(0, AuditChain.GENESIS),
                (key, args) -> problems.add(key + " " + Arrays.toString(args)));
        chain.accept(1, EvidenceExtract.parse(text(EvidenceExtract.line(t.get(0)))));
        try {
            EvidenceExtract.parse(text(EvidenceExtract.line(t.get(1))).replace("\"seq\":2", "\"seq\":\"2\""));
        } catch (EvidenceExtract.Malformed m) {
            chain.malformed(2, m.field);
        }
        chain.accept(3, EvidenceExtract.parse(text(EvidenceExtract.line(t.get(2)))));
        chain.accept(4, EvidenceExtract.parse(text(EvidenceExtract.line(t.get(3)))));
        chain.finish(new Link(4, t.get(3).hash()));

        assertThat(problems).containsExactly("report.evidence.verify.row.field [audit-extract.jsonl, 2, seq]");
        assertThat(chain.events()).isEqualTo(3);
    }

    @Test
    void aTimeFinerThanTheMillisecondTheHashCoversIsRefused() {
        String line = text(EvidenceExtract.line(trail(KEY).get(0)))
                .replace("2026-11-01T10:00:00Z", "2026-11-01T10:00:00.000400Z");

        try {
            EvidenceExtract.parse(line);
            throw new AssertionError("a time in microseconds was read: " + line);
        } catch (EvidenceExtract.Malformed m) {
            assertThat(m.field).isEqualTo("at");
        }
    }
}
