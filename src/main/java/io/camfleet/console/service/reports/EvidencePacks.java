package io.camfleet.console.service.reports;

import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.audit.AuditChain;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.reports.ReportDocument;
import io.camfleet.console.domain.reports.ReportKind;
import io.camfleet.console.domain.reports.Table;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.AuditTrail;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.reports.EvidenceManifest.Link;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The audit evidence pack: a ZIP of the compliance PDF, its CSVs, the raw audit extract of the period
 * ({@link EvidenceExtract}) and {@code MANIFEST.txt} ({@link EvidenceManifest}: the SHA-256 of every file and the head
 * of the audit chain). Writing one is audited, and its SUCCEEDED event holds the SHA-256 of the ZIP and of the
 * manifest, so that the sealed trail of the data folder vouches for the pack handed out.
 */
public final class EvidencePacks {

    static final String PDF = "compliance-report.pdf";

    /** How a table becomes a CSV file; {@link CsvTables#write} but in tests. */
    @FunctionalInterface
    interface CsvWriter {
        void write(Table table, ZoneId zone, OutputStream out) throws IOException;
    }

    private final Supplier<ReportSource> compliance;
    private final PdfRenderer pdf;
    private final AuditService audit;
    private final Clock clock;
    private final CsvWriter csv;
    private final Messages words = new Messages(Locale.ROOT);

    public EvidencePacks(Supplier<ReportSource> compliance, PdfRenderer pdf, AuditService audit, Clock clock) {
        this(compliance, pdf, audit, clock, CsvTables::write);
    }

    EvidencePacks(Supplier<ReportSource> compliance, PdfRenderer pdf, AuditService audit, Clock clock,
                  CsvWriter csv) {
        this.compliance = compliance;
        this.pdf = pdf;
        this.audit = audit;
        this.clock = clock;
        this.csv = csv;
    }

    /** Writes the pack to {@code options.out()} atomically. @return the ZIP written */
    public Path write(ReportOptions options, ReportProgress progress) {
        if (options.to().isBefore(options.from())) {
            throw Problem.badInput("report.evidence.period", options.from(), options.to());
        }
        Path out = options.out().toAbsolutePath();
        Map<String, String> asked = new TreeMap<>(Map.of("from", options.from().toString(),
                "to", options.to().toString(), "file", out.toString()));
        return audit.perform(AuditActions.REPORT_EVIDENCE, out.getFileName().toString(), asked, noted -> {
            progress.progress(words.text("report.evidence.step.gather"), 0);
            ReportOptions asCompliance = new ReportOptions(ReportKind.COMPLIANCE, options.from(), options.to(),
                    options.regions(), options.prospect(), options.scopeSites(), options.priceList(), out);
            ReportDocument doc = compliance.get().build(asCompliance, within(progress, 0, 0.3)).document();
            progress.checkCancelled();
            Path zip = AtomicFile.write(out, raw -> pack(doc, options, progress, raw, noted));
            progress.progress(words.text("report.evidence.step.done"), 1);
            return zip;
        });
    }

    /** Checks a pack without any data folder: every file against the manifest, the audit extract against its chain. */
    public static PackCheck verify(Path zip) {
        return EvidenceCheck.run(zip, EvidenceCheck.Limits.DEFAULT);
    }

    private void pack(ReportDocument doc, ReportOptions options, ReportProgress progress, OutputStream raw,
                      Map<String, String> noted) throws IOException {
        Instant written = clock.instant();
        MessageDigest whole = sha256();
        ZipOutputStream zip = new ZipOutputStream(new DigestOutputStream(new Unclosed(raw), whole));
        Map<String, String> files = new LinkedHashMap<>();
        progress.progress(words.text("report.evidence.step.pdf"), 0.3);
        files.put(PDF, entry(zip, PDF, written, o -> pdf.render(doc, o, within(progress, 0.3, 0.7))));
        List<Table> tables = doc.csvTables();
        for (int i = 0; i < tables.size(); i++) {
            progress.checkCancelled();
            Table t = tables.get(i);
            String name = t.name() + ".csv";
            progress.progress(words.text("report.evidence.step.csv", name, i + 1, tables.size()),
                    0.7 + 0.15 * i / tables.size());
            if (files.containsKey(name)) {
                throw new IllegalStateException("two tables of the compliance report are named " + t.name());
            }
            files.put(name, entry(zip, name, written, o -> csv.write(t, doc.zone(), o)));
        }
        progress.checkCancelled();
        progress.progress(words.text("report.evidence.step.audit"), 0.85);
        Extract extract = new Extract(options.from().atStartOfDay(doc.zone()).toInstant(),
                options.to().plusDays(1).atStartOfDay(doc.zone()).toInstant(), progress);
        files.put(EvidenceExtract.NAME, entry(zip, EvidenceExtract.NAME, written, extract::write));
        progress.checkCancelled();
        progress.progress(words.text("report.evidence.step.manifest"), 0.95);
        EvidenceManifest manifest = new EvidenceManifest(
                EvidenceManifest.period(options.from(), options.to(), doc.zone()), written, EvidenceExtract.NAME,
                extract.before, extract.last, extract.head, audit.anchoredHead()
                .map(h -> new EvidenceManifest.Anchored(new Link(h.seq(), h.hash()), h.at())), files);
        byte[] text = manifest.text().getBytes(StandardCharsets.UTF_8);
        noted.put("manifestSha256", entry(zip, EvidenceManifest.NAME, written, o -> o.write(text)));
        zip.finish();
        zip.flush();
        noted.put("packSha256", HexFormat.of().formatHex(whole.digest()));
        noted.put("auditEvents", Long.toString(extract.events));
    }

    /** Writes one file into the pack; returns its SHA-256. */
    private static String entry(ZipOutputStream zip, String name, Instant written, AtomicFile.Body body)
            throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(written.toEpochMilli());
        zip.putNextEntry(e);
        MessageDigest sha = sha256();
        // Renderers may close what they write to (OpenPDF does): that must not end the ZIP.
        body.write(new Unclosed(new DigestOutputStream(zip, sha)));
        zip.closeEntry();
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * The events of the period, and how they link to the rest of the chain. The extract runs from the first event
     * recorded at or after the period's start to the last one before its end; {@code before} is the event just
     * before it (the genesis, sequence 0, when it starts the chain) and {@code head} the chain's head.
     */
    private final class Extract {
        private final Instant start;
        private final Instant end;
        private final ReportProgress progress;
        Link before = new Link(0, AuditChain.GENESIS);
        Link last;
        Link head;
        long events;
        private boolean inside;
        private IOException failed;

        Extract(Instant start, Instant end, ReportProgress progress) {
            this.start = start;
            this.end = end;
            this.progress = progress;
        }

        void write(OutputStream out) throws IOException {
            AuditTrail.Head h = audit.walk(e -> visit(e, out));
            if (failed != null) {
                throw failed;
            }
            progress.checkCancelled();
            head = h.seq() == 0 ? new Link(0, AuditChain.GENESIS) : new Link(h.seq(), h.hash());
            last = last == null ? before : last;
        }

        private boolean visit(AuditEvent e, OutputStream out) {
            if (!inside && e.at().isBefore(start)) {
                before = new Link(e.seq(), e.hash());
                return true;
            }
            if (!e.at().isBefore(end)) {
                return false;
            }
            inside = true;
            try {
                out.write(EvidenceExtract.line(e));
            } catch (IOException x) {
                failed = x;
                return false;
            }
            last = new Link(e.seq(), e.hash());
            events++;
            return events % 4096 != 0 || !progress.cancelled();
        }
    }

    private static ReportProgress within(ReportProgress p, double from, double to) {
        return new ReportProgress() {
            @Override
            public void progress(String step, double fraction) {
                p.progress(step, fraction < 0 ? fraction : from + (to - from) * Math.min(1, fraction));
            }

            @Override
            public boolean cancelled() {
                return p.cancelled();
            }
        };
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    /** Passes writes through; closing only flushes. */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /**
     * @param problems one sentence per thing wrong ("audit-extract.jsonl: line 12 (event 53) was changed after it
     *                 was recorded: ..."),
     *                 empty when the pack is intact
     */
    public record PackCheck(int files, int auditEvents, String auditHead, List<String> problems) {
        public PackCheck {
            problems = List.copyOf(problems);
        }

        public boolean intact() {
            return problems.isEmpty();
        }
    }
}
