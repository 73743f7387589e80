package io.camfleet.console.service.reports;

import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.reports.ReportKind;
import io.camfleet.console.domain.reports.Table;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Exports reports as files: a sales proposal's PDF and its quote as XLSX beside it, a compliance report's PDF and one
 * CSV per table beside it, an evidence pack's ZIP. Each file is written whole or not at all ({@link AtomicFile}); an
 * export that stops part-way says which files were written and which not. Each export is on the audit trail and in
 * the recent exports; saved reports are run by name.
 */
public final class ReportService {

    /** The steps' sentences; the console speaks English, as {@link Problem} does. */
    private static final Messages TEXT = new Messages(Locale.ROOT);

    private final Function<ReportKind, Optional<ReportSource>> sources;
    private final PdfRenderer pdf;
    private final SheetWriter sheets;
    private final CsvWriter csv;
    private final EvidencePacks packs;
    private final AuditService audit;
    private final Clock clock;
    private final RecentExports recent;
    private final SavedReports saved;

    /**
     * @param sources the source of each kind of report (sales, compliance), empty when no feature offers it
     * @param csv     writes one table as CSV ({@link CsvTables#write})
     * @param folder  the data folder, which keeps the recent exports and the saved reports
     */
    public ReportService(Function<ReportKind, Optional<ReportSource>> sources, PdfRenderer pdf, SheetWriter sheets,
                         CsvWriter csv, EvidencePacks packs, AuditService audit, Path folder, Clock clock) {
        this.sources = sources;
        this.pdf = pdf;
        this.sheets = sheets;
        this.csv = csv;
        this.packs = packs;
        this.audit = audit;
        this.clock = clock;
        this.recent = new RecentExports(folder);
        this.saved = new SavedReports(folder);
    }

    public List<RecentExport> recent() {
        return recent.list();
    }

    public SavedReports saved() {
        return saved;
    }

    /** The day a saved report runs for: today where the console runs. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Exports the saved report {@code name} now, its period and file name taken from today.
     *
     * @throws Problem (bad input) {@code report.saved.unknown} listing the saved names when there is none by that name
     */
    public ReportExport run(String name, ReportProgress progress) {
        SavedReport report = saved.find(name).orElseThrow(() -> Problem.badInput("report.saved.unknown", name,
                names(saved.list())));
        return export(report.options(today()), progress);
    }

    /** The saved names, as a sentence lists them: "a, b" or "none". */
    public static String names(List<SavedReport> reports) {
        return reports.isEmpty() ? "none" : reports.stream().map(SavedReport::name).collect(Collectors.joining(", "));
    }

    /**
     * Checks what no source can: the period's order and the file's extension.
     *
     * @throws Problem (bad input) with a sentence
     */
    public static void check(ReportOptions o) {
        if (o.to().isBefore(o.from())) {
            throw Problem.badInput("report.export.badPeriod", o.from(), o.to());
        }
        String name = o.out().getFileName() == null ? "" : o.out().getFileName().toString().toLowerCase(Locale.ROOT);
        String ext = o.kind() == ReportKind.EVIDENCE ? ".zip" : ".pdf";
        if (!name.endsWith(ext) || name.length() == ext.length()) {
            throw Problem.badInput("report.export.badOut", o.out(), ext);
        }
    }

    /**
     * Writes the report's files, in order, each whole or not at all.
     *
     * @throws ReportCancelled when cancelled after a file was written, naming what was and was not; a plain
     *                         {@link CancellationException} before
     * @throws Problem         {@code report.export.partlyWritten} when a file failed after others were written; the
     *                         failure as it is when nothing was
     */
    public ReportExport export(ReportOptions o, ReportProgress progress) {
        check(o);
        Map<String, String> what = new LinkedHashMap<>();
        what.put("kind", o.kind().cliName());
        what.put("from", o.from().toString());
        what.put("to", o.to().toString());
        if (!o.regions().isEmpty()) {
            what.put("regions", String.join(",", o.regions()));
        }
        ReportExport done = audit.perform(AuditActions.REPORT_EXPORT, o.out().toAbsolutePath().toString(), what,
                () -> o.kind() == ReportKind.EVIDENCE ? pack(o, progress) : document(o, progress));
        recent.add(new RecentExport(clock.instant(), done.kind(), done.files(), done.bytes(),
                audit.operator().osUser(), true));
        return done;
    }

    /**
     * Builds the report's PDF alone into {@code pdfFile}, for a preview: no companions, not audited, not listed. An
     * evidence pack is previewed by its compliance report.
     */
    public void preview(ReportOptions o, Path pdfFile, ReportProgress progress) {
        ReportKind kind = o.kind() == ReportKind.EVIDENCE ? ReportKind.COMPLIANCE : o.kind();
        ReportSource.Built built = source(kind).build(o, scaled(progress, 0, 0.6));
        AtomicFile.write(pdfFile, out -> pdf.render(built.document(), out, scaled(progress, 0.6, 1)));
    }

    private ReportSource source(ReportKind kind) {
        return sources.apply(kind).orElseThrow(() -> new Problem("report.export.noSource", kind.cliName()));
    }

    private ReportExport pack(ReportOptions o, ReportProgress progress) {
        Path zip = packs.write(o, progress);
        return new ReportExport(o.kind(), List.of(zip), size(List.of(zip)));
    }

    private ReportExport document(ReportOptions o, ReportProgress progress) {
        ReportSource.Built built = source(o.kind()).build(o, scaled(progress, 0, 0.4));
        Path pdfFile = o.out().toAbsolutePath();
        String base = pdfFile.getFileName().toString().replaceFirst("(?i)\\.pdf$", "");
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(pdfFile, p -> AtomicFile.write(pdfFile, out -> pdf.render(built.document(), out, p))));
        if (o.kind() == ReportKind.SALES && !built.sheets().isEmpty()) {
            Path xlsx = pdfFile.resolveSibling(base + "-quote.xlsx");
            steps.add(new Step(xlsx, p -> AtomicFile.write(xlsx, out -> sheets.write(built.sheets(),
                    built.document().zone(), out, p))));
        }
        if (o.kind() == ReportKind.COMPLIANCE) {
            for (Table t : built.document().csvTables()) {
                Path file = pdfFile.resolveSibling(base + "-" + t.name() + ".csv");
                steps.add(new Step(file, p -> AtomicFile.write(file, out -> {
                    p.checkCancelled();
                    csv.write(t, built.document().zone(), out);
                })));
            }
        }
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            double lo = 0.4 + 0.6 * i / steps.size();
            ReportProgress p = scaled(progress, lo, 0.4 + 0.6 * (i + 1) / steps.size());
            try {
                progress.progress(TEXT.text("report.export.writing", step.file().getFileName()), lo);
                progress.checkCancelled();
                step.write().apply(p);
                written.add(step.file());
            } catch (CancellationException e) {
                if (written.isEmpty()) {
                    throw e;
                }
                throw new ReportCancelled(written, rest(steps, i));
            } catch (RuntimeException e) {
                if (written.isEmpty()) {
                    throw e;
                }
                throw new Problem(e, "report.export.partlyWritten", e.getMessage(), fileNames(written),
                        fileNames(rest(steps, i)));
            }
        }
        progress.progress(TEXT.text("report.export.done"), 1);
        return new ReportExport(o.kind(), written, size(written));
    }

    private static List<Path> rest(List<Step> steps, int from) {
        return steps.subList(from, steps.size()).stream().map(Step::file).toList();
    }

    static String fileNames(List<Path> files) {
        return files.stream().map(f -> f.getFileName().toString()).collect(Collectors.joining(", "));
    }

    private static long size(List<Path> files) {
        long total = 0;
        for (Path f : files) {
            try {
                total += Files.size(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return total;
    }

    /** Progress of a part of the work, mapped onto {@code lo..hi} of the whole. */
    private static ReportProgress scaled(ReportProgress whole, double lo, double hi) {
        return new ReportProgress() {
            @Override
            public void progress(String step, double fraction) {
                whole.progress(step, fraction < 0 ? -1 : lo + (hi - lo) * Math.min(1, fraction));
            }

            @Override
            public boolean cancelled() {
                return whole.cancelled();
            }
        };
    }

    /** Writes one table as a CSV file's content. */
    @FunctionalInterface
    public interface CsvWriter {
        void write(Table table, java.time.ZoneId zone, java.io.OutputStream out) throws IOException;
    }

    /** One file of an export and what writes it. */
    private record Step(Path file, Function<ReportProgress, Path> write) {
    }
}
