package io.camfleet.console.service.reports;

import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.service.audit.AuditQuery;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.reports.EvidencePacks.PackCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;

import static io.camfleet.console.service.reports.EvidenceRig.bytes;
import static io.camfleet.console.service.reports.EvidenceRig.copy;
import static io.camfleet.console.service.reports.EvidenceRig.read;
import static io.camfleet.console.service.reports.EvidenceRig.sha256;
import static io.camfleet.console.service.reports.EvidenceRig.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The evidence pack written from a real H2 audit trail, then verified as it is and tampered with. */
class EvidencePacksTest {

    @TempDir
    Path dir;
    private EvidenceRig rig;
    /** The events recorded, by sequence number (index 0 unused). */
    private final List<AuditEvent> events = new java.util.ArrayList<>();

    /**
     * Six events around the period, which in Tokyo (UTC+9) runs from 2026-10-31T15:00Z to 2026-11-30T15:00Z
     * (exclusive): 1 and 2 before it (2 one millisecond before), 3, 4 and 5 in it (3 at its first instant, 5 at its
     * last millisecond), 6 at the instant it ends. The pack is then written at 2026-12-06T17:00Z: its STARTED event
     * is 7, the chain's head while the pack is written; SUCCEEDED is 8.
     */
    @BeforeEach
    void sixEventsAroundThePeriod() {
        rig = new EvidenceRig(dir);
        events.add(null);
        events.add(rig.record("2026-10-20T00:00:00Z", "fleet.reload", "demo", Map.of()));
        events.add(rig.record("2026-10-31T14:59:59.999Z", "finding.accept", "cam-1", Map.of("until", "2027-01-01")));
        events.add(rig.record("2026-10-31T15:00:00Z", "deploy.launch", "release 4.2", Map.of("sites", "3")));
        events.add(rig.record("2026-11-15T10:00:00.123Z", "ticket.comment", "T-1, \"Lisbon\"",
                Map.of("text", "comma, \"quote\"\nnew line", "名前", "東京 مرحبا")));
        events.add(rig.record("2026-11-30T14:59:59.999Z", "backup.take", "cam-2", Map.of()));
        events.add(rig.record("2026-11-30T15:00:00Z", "backup.take", "cam-3", Map.of()));
    }

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void aPackHoldsTheReportItsCsvsThePeriodsEventsAndAManifestNamingTheChainsHead() throws Exception {
        Path zip = rig.write(dir.resolve("out/evidence.zip"));

        Map<String, byte[]> files = read(zip);
        // "notes" is in a section not marked for CSV; MANIFEST.txt comes last, listing the four before it
        assertThat(files.keySet()).containsExactly("compliance-report.pdf", "patches.csv", "sla.csv",
                "audit-extract.jsonl", "MANIFEST.txt");
        assertThat(text(files.get("compliance-report.pdf"))).startsWith("%PDF-1.4 Compliance 2026-11-01 to 2026-11-30");
        assertThat(text(files.get("sla.csv"))).isEqualTo("Region,Attained\r\neu,0.999\r\nus,0.995\r\n");
        List<EvidenceExtract.Row> rows = text(files.get("audit-extract.jsonl")).lines().map(l -> {
            try {
                return EvidenceExtract.parse(l);
            } catch (EvidenceExtract.Malformed e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertThat(rows).extracting(r -> r.event()).containsExactly(events.get(3), events.get(4), events.get(5));
        AuditEvent started = events(AuditOutcome.STARTED).getFirst();
        assertThat(started.seq()).isEqualTo(7);
        String manifest = text(files.get("MANIFEST.txt"));
        assertThat(manifest.lines().toList()).contains(
                "# period: 2026-11-01 2026-11-30 Asia/Tokyo",
                "# written: 2026-12-06T17:00:00Z",
                "# audit-extract: audit-extract.jsonl",
                "# audit-before: 2 " + events.get(2).hash(),
                "# audit-last: 5 " + events.get(5).hash(),
                "# audit-head: 7 " + started.hash(),
                "# audit-anchor: 7 " + started.hash() + " 2026-12-06T17:00:00Z");
        for (String name : List.of("compliance-report.pdf", "patches.csv", "sla.csv", "audit-extract.jsonl")) {
            assertThat(manifest).contains(sha256(files.get(name)) + "  " + name + "\n");
        }

        PackCheck check = EvidencePacks.verify(zip);
        assertThat(check.problems()).isEmpty();
        assertThat(check.files()).isEqualTo(4);
        assertThat(check.auditEvents()).isEqualTo(3);
        assertThat(check.auditHead()).isEqualTo(started.hash());
    }

    @Test
    void writingAPackIsAuditedAndItsSucceededEventHoldsTheSha256OfTheZipAndItsManifest() throws Exception {
        Path zip = rig.write(dir.resolve("evidence.zip"));

        AuditEvent succeeded = events(AuditOutcome.SUCCEEDED).stream()
                .filter(e -> e.action().equals("report.evidence")).findFirst().orElseThrow();
        assertThat(succeeded.seq()).isEqualTo(8);
        assertThat(succeeded.target()).isEqualTo("evidence.zip");
        assertThat(succeeded.parameters()).containsEntry("from", "2026-11-01").containsEntry("to", "2026-11-30")
                .containsEntry("startedSeq", "7").containsEntry("auditEvents", "3")
                .containsEntry("packSha256", sha256(Files.readAllBytes(zip)))
                .containsEntry("manifestSha256", sha256(read(zip).get("MANIFEST.txt")));
        assertThat(rig.audit.verify().intact()).isTrue();
    }

    @Test
    void sha256sumChecksTheUnzippedPackAndCatchesAnEditedFile() throws Exception {
        Path zip = rig.write(dir.resolve("evidence.zip"));
        Path unzipped = Files.createDirectories(dir.resolve("unzipped"));
        for (Map.Entry<String, byte[]> f : read(zip).entrySet()) {
            Files.write(unzipped.resolve(f.getKey()), f.getValue());
        }
        if (!onPath("sha256sum")) {
            String message = "sha256sum is not on the PATH: the manifest was not checked with it";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            System.err.println("!!! SKIPPED one assertion of EvidencePacksTest: " + message + " !!!");
            return;
        }

        Run intact = sha256sum(unzipped);
        assertThat(intact.exit).as(intact.output).isZero();
        assertThat(intact.output.lines().toList()).containsExactly("compliance-report.pdf: OK", "patches.csv: OK",
                "sla.csv: OK", "audit-extract.jsonl: OK");

        Files.writeString(unzipped.resolve("patches.csv"), "Camera,Patch\r\ncam-1,KB-0\r\n");
        Run edited = sha256sum(unzipped);
        assertThat(edited.exit).isEqualTo(1);
        assertThat(edited.output).contains("patches.csv: FAILED");
    }

    private record Run(int exit, String output) {
    }

    private static Run sha256sum(Path folder) throws Exception {
        Process p = new ProcessBuilder("sha256sum", "--strict", "-c", "MANIFEST.txt").directory(folder.toFile())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("sha256sum did not end within 30 s");
        }
        return new Run(p.exitValue(), output);
    }

    private static boolean onPath(String command) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, command)));
    }

    @Test
    void anEditedCsvIsNamed() throws Exception {
        Path zip = rig.write(dir.resolve("evidence.zip"));
        Path tampered = copy(zip, dir.resolve("t.zip"), f -> {
            f.put("sla.csv", bytes(text(f.get("sla.csv")).replace("0.999", "0.998")));
            return f;
        });

        assertThat(EvidencePacks.verify(tampered).problems()).containsExactly(
                "sla.csv does not match its SHA-256 in MANIFEST.txt: it was changed after the pack was written.");
    }

    @Test
    void aRemovedFileIsNamed() throws Exception {
        Path zip = rig.write(dir.resolve("evidence.zip"));
        Path tampered = copy(zip, dir.resolve("t.zip"), f -> {
            f.remove("patches.csv");
            return f;
        });

        assertThat(EvidencePacks.verify(tampered).problems()).containsExactly(
                "patches.csv is listed in MANIFEST.txt but is not in the pack: it was removed.");
    }

    @Test
    void anExtraFileIsNamed() throws Exception {
        Path zip = rig.write(dir.resolve("evidence.zip"));
        Path tampered = copy(zip, dir.resolve("t.zip"), f -> {
            f.put("waiver.pdf", bytes("%PDF-1.4"));
            return f;
        });

        assertThat(EvidencePacks.verify(tampered).problems()).containsExactly(
                "waiver.pdf is in the pack but not listed in MANIFEST.txt: it was added after the pack was written.");
    }

    @Test
    void anEditedAuditRowIsNamedByItsLineAndEvent() throws Exception {
        Path zip = rig.write(dir.resolve("evidence.zip"));
        Path tampered = copy(zip, dir.resolve("t.zip"), f -> {
            f.put("audit-extract.jsonl", bytes(text(f.get("audit-extract.jsonl"))
                    .replace("\"actor\":\"nina\",\"cloudIdentity\":\"arn:aws:iam::123456789012:user/nina\","
                            + "\"action\":\"ticket.comment\"", "\"actor\":\"bob\",\"cloudIdentity\":"
                            + "\"arn:aws:iam::123456789012:user/nina\",\"action\":\"ticket.comment\"")));
            return f;
        });

        // Line 2 of the extract is event 4 (3, 4, 5); the manifest was left as it was
        assertThat(EvidencePacks.verify(tampered).problems()).containsExactly(
                "audit-extract.jsonl does not match its SHA-256 in MANIFEST.txt: it was changed after the pack was"
                        + " written.",
                "audit-extract.jsonl: line 2 (event 4) was changed after it was recorded: its fields no longer give"
                        + " the digest written with it.");
    }

    @Test
    void anAuditRowEditedWithTheManifestFixedToMatchIsStillCaughtByItsChain() throws Exception {
        Path zip = rig.write(dir.resolve("evidence.zip"));
        Path tampered = copy(zip, dir.resolve("t.zip"), f -> relist(f, "audit-extract.jsonl",
                text(f.get("audit-extract.jsonl")).replace("\"target\":\"cam-2\"", "\"target\":\"cam-9\"")));

        assertThat(EvidencePacks.verify(tampered).problems()).containsExactly(
                "audit-extract.jsonl: line 3 (event 5) was changed after it was recorded: its fields no longer give"
                        + " the digest written with it.");
    }

    @Test
    void aRemovedAuditRowBreaksTheChainAtItsLineEvenWithTheManifestFixed() throws Exception {
        Path zip = rig.write(dir.resolve("evidence.zip"));
        Path middle = copy(zip, dir.resolve("middle.zip"), f -> relist(f, "audit-extract.jsonl",
                dropLine(text(f.get("audit-extract.jsonl")), 1)));
        Path last = copy(zip, dir.resolve("last.zip"), f -> relist(f, "audit-extract.jsonl",
                dropLine(text(f.get("audit-extract.jsonl")), 2)));

        // Without event 4, line 2 holds event 5; without event 5, the extract ends at event 4
        assertThat(EvidencePacks.verify(middle).problems()).containsExactly(
                "audit-extract.jsonl: line 2 holds event 5 where event 4 should be: events were removed, added or"
                        + " moved.");
        assertThat(EvidencePacks.verify(last).problems()).containsExactly(
                "audit-extract.jsonl ends at event 4 (" + events.get(4).hash().substring(0, 12) + "...), but"
                        + " MANIFEST.txt names event 5 (" + events.get(5).hash().substring(0, 12) + "...) as its"
                        + " last: events were removed or added at its end.");
    }

    @Test
    void aManifestWhoseHeadNoteWasMovedBackIsNamed() throws Exception {
        Path zip = rig.write(dir.resolve("evidence.zip"));
        Path tampered = copy(zip, dir.resolve("t.zip"), f -> {
            f.put("MANIFEST.txt", bytes(text(f.get("MANIFEST.txt")).replaceAll("# audit-head: 7 [0-9a-f]{64}",
                    "# audit-head: 4 " + events.get(4).hash())));
            return f;
        });

        // The extract ends at event 5 and the anchor at 7: both past a head at 4
        assertThat(EvidencePacks.verify(tampered).problems()).containsExactly(
                "MANIFEST.txt: its note audit-last names event 5, past the audit chain's head it names (event 4):"
                        + " the notes were changed after the pack was written.",
                "MANIFEST.txt: its note audit-anchor names event 7, past the audit chain's head it names (event 4):"
                        + " the notes were changed after the pack was written.");
    }

    @Test
    void entriesWithPathsAreNotReadAndNamed() throws Exception {
        Path zip = rig.write(dir.resolve("evidence.zip"));
        Path tampered = copy(zip, dir.resolve("t.zip"), f -> {
            f.put("../evil.sh", bytes("rm -rf ~"));
            f.put("/etc/cron.d/x", bytes("* * * * * root true"));
            return f;
        });

        assertThat(EvidencePacks.verify(tampered).problems()).containsExactly(
                "The pack holds ../evil.sh, a path rather than a plain file name: it was not read. An evidence pack"
                        + " holds plain files only; unzip this one with care.",
                "The pack holds /etc/cron.d/x, a path rather than a plain file name: it was not read. An evidence"
                        + " pack holds plain files only; unzip this one with care.");
        assertThat(dir.resolve("evil.sh")).doesNotExist();
    }

    @Test
    void anEntryPastTheCapIsNotReadFurther() throws Exception {
        Path zip = rig.write(dir.resolve("evidence.zip"));
        // 3 MB of zeros deflate to a few kilobytes; listed with its true SHA-256, so only the cap can object
        Path bomb = copy(zip, dir.resolve("bomb.zip"), f -> relist(f, "compliance-report.pdf", new byte[3 << 20]));
        assertThat(Files.size(bomb)).isLessThan(64 << 10);

        PackCheck capped = EvidenceCheck.run(bomb, new EvidenceCheck.Limits(1 << 20, 1L << 30, 100, 1 << 16));

        assertThat(capped.problems()).containsExactly("compliance-report.pdf holds more than 1 MB, more than any"
                + " file of an evidence pack: it was not read further (a ZIP bomb, or not an evidence pack).");
        assertThat(EvidencePacks.verify(bomb).problems()).isEmpty();
    }

    @Test
    void aFileThatIsNotAZipOrNotThereIsBadInput() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.zip"), "not a zip");

        assertThatThrownBy(() -> EvidencePacks.verify(text)).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_INPUT);
            assertThat(p.key()).isEqualTo("report.evidence.verify.notZip");
        });
        assertThatThrownBy(() -> EvidencePacks.verify(dir.resolve("gone.zip"))).isInstanceOfSatisfying(
                Problem.class, p -> assertThat(p.key()).isEqualTo("report.evidence.verify.missing"));
        assertThatThrownBy(() -> EvidencePacks.verify(dir)).isInstanceOfSatisfying(
                Problem.class, p -> assertThat(p.key()).isEqualTo("report.evidence.verify.folder"));
    }

    @Test
    void aCancelledPackLeavesNoFileAndIsAuditedAsCancelled() throws Exception {
        Path out = dir.resolve("out/evidence.zip");
        ReportProgress cancelAtTheCsvs = new ReportProgress() {
            private boolean pdfDone;

            @Override
            public void progress(String step, double fraction) {
                pdfDone |= step.startsWith("Writing patches.csv");
            }

            @Override
            public boolean cancelled() {
                return pdfDone;
            }
        };

        assertThatThrownBy(() -> rig.write(out, EvidenceRig.FROM, EvidenceRig.TO, cancelAtTheCsvs))
                .isInstanceOf(CancellationException.class);

        try (var left = Files.list(out.getParent())) {
            assertThat(left.toList()).isEmpty();
        }
        assertThat(events(AuditOutcome.CANCELLED)).extracting(AuditEvent::action).containsExactly("report.evidence");
    }

    @Test
    void aPackThatFailsHalfwayLeavesTheEarlierPackAsItWasAndIsAuditedAsFailed() throws Exception {
        Path zip = rig.write(dir.resolve("out/evidence.zip"));
        byte[] before = Files.readAllBytes(zip);
        EvidencePacks failing = new EvidencePacks(() -> EvidenceRig.SOURCE, (doc, out, progress) -> {
            out.write(new byte[100_000]);
            throw new java.io.IOException("renderer gave up");
        }, rig.audit, rig.clock, EvidenceRig::csv);

        assertThatThrownBy(() -> failing.write(new ReportOptions(io.camfleet.console.domain.reports.ReportKind.EVIDENCE,
                EvidenceRig.FROM, EvidenceRig.TO, List.of(), "", List.of(), java.util.Optional.empty(), zip),
                ReportProgress.NONE)).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.key()).isEqualTo("report.writeFailed"));

        assertThat(Files.readAllBytes(zip)).isEqualTo(before);
        try (var left = Files.list(zip.getParent())) {
            assertThat(left.toList()).containsExactly(zip);
        }
        assertThat(events(AuditOutcome.FAILED)).singleElement().satisfies(e -> assertThat(e.parameters())
                .containsEntry("error", "The report could not be written to " + zip + ": renderer gave up. Any"
                        + " earlier file of that name is as it was."));
    }

    @Test
    void aPeriodWithoutEventsGivesAnEmptyExtractThatStillLinksToTheChain() throws Exception {
        Path zip = rig.write(dir.resolve("evidence.zip"), EvidenceRig.FROM.minusYears(1), EvidenceRig.TO.minusYears(1),
                ReportProgress.NONE);

        // Nothing before 2025-11-30 in Tokyo: the extract is empty and starts and ends at the genesis
        String manifest = text(read(zip).get("MANIFEST.txt"));
        assertThat(manifest).contains("# audit-before: 0 " + "0".repeat(64), "# audit-last: 0 " + "0".repeat(64));
        assertThat(read(zip).get("audit-extract.jsonl")).isEmpty();
        assertThat(EvidencePacks.verify(zip).problems()).isEmpty();
    }

    @Test
    void aPeriodRunningBackwardsIsRefused() {
        assertThatThrownBy(() -> rig.write(dir.resolve("e.zip"), EvidenceRig.TO, EvidenceRig.FROM,
                ReportProgress.NONE)).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.key()).isEqualTo("report.evidence.period"));
        assertThat(dir.resolve("e.zip")).doesNotExist();
    }

    private List<AuditEvent> events(AuditOutcome outcome) {
        return rig.audit.search(new AuditQuery("", Set.of(outcome), 100)).stream()
                .sorted(Comparator.comparingLong(AuditEvent::seq)).toList();
    }

    private static Map<String, byte[]> relist(Map<String, byte[]> f, String name, String now) {
        return relist(f, name, bytes(now));
    }

    private static Map<String, byte[]> relist(Map<String, byte[]> f, String name, byte[] now) {
        try {
            f.put("MANIFEST.txt", EvidenceRig.relisted(f, name, now));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        f.put(name, now);
        return f;
    }

    private static String dropLine(String text, int index) {
        List<String> lines = new java.util.ArrayList<>(text.lines().toList());
        lines.remove(index);
        return String.join("\n", lines) + "\n";
    }
}
