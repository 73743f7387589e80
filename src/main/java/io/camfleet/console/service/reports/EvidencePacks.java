package io.camfleet.console.service.reports;

import io.camfleet.console.service.audit.AuditService;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/**
 * The audit evidence pack: a ZIP of the compliance PDF, its CSVs, the raw audit extract of the period and
 * {@code MANIFEST.txt} (the SHA-256 of every file and the head of the audit chain). CONTRACT STUB: the evidence
 * helper fills it in, keeping this constructor and these signatures.
 */
public final class EvidencePacks {

    private final Supplier<ReportSource> compliance;
    private final PdfRenderer pdf;
    private final AuditService audit;
    private final Clock clock;

    public EvidencePacks(Supplier<ReportSource> compliance, PdfRenderer pdf, AuditService audit, Clock clock) {
        this.compliance = compliance;
        this.pdf = pdf;
        this.audit = audit;
        this.clock = clock;
    }

    /** Writes the pack to {@code options.out()} atomically. @return the ZIP written */
    public Path write(ReportOptions options, ReportProgress progress) {
        throw new UnsupportedOperationException("evidence pack: not yet built");
    }

    /** Checks a pack without any data folder: every file against the manifest, the audit extract against its chain. */
    public static PackCheck verify(Path zip) {
        throw new UnsupportedOperationException("evidence pack: not yet built");
    }

    /**
     * @param problems one sentence per thing wrong ("audit-extract.csv: row 12 was changed after it was recorded"),
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
