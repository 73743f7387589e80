package io.camfleet.console.ui.reports;

import io.camfleet.console.domain.reports.ReportKind;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.reports.PagePreview;
import io.camfleet.console.service.reports.RecentExport;
import io.camfleet.console.service.reports.ReportCancelled;
import io.camfleet.console.service.reports.ReportExport;
import io.camfleet.console.service.reports.ReportOptions;
import io.camfleet.console.service.reports.ReportPeriod;
import io.camfleet.console.service.reports.ReportProgress;
import io.camfleet.console.service.reports.ReportService;
import io.camfleet.console.service.reports.SavedReport;
import io.camfleet.console.ui.common.BackgroundTasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The reports screen without its controls: the report asked for, its validation sentence, the preview's pages, the
 * export under way (step, progress, cancel) and the recent exports. The work runs off the FX thread; the properties
 * change on it.
 */
public final class ReportsViewModel {

    /** Pages previewed, and how finely. */
    static final int PREVIEW_PAGES = 3;
    static final int PREVIEW_DPI = 60;

    private final ReportService service;
    private final PagePreview pages;
    private final Supplier<List<String>> fleetRegions;
    private final BackgroundTasks tasks;
    private final Messages m;
    private final Executor ui;

    final ObjectProperty<ReportKind> kind = new SimpleObjectProperty<>(ReportKind.SALES);
    final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    final ObservableList<String> regions = FXCollections.observableArrayList();
    final ObservableList<String> chosenRegions = FXCollections.observableArrayList();
    final StringProperty prospect = new SimpleStringProperty("");
    final StringProperty sites = new SimpleStringProperty("");
    final StringProperty priceList = new SimpleStringProperty("");
    final StringProperty out = new SimpleStringProperty("");

    final StringProperty problem = new SimpleStringProperty("");
    final ObservableList<byte[]> previewPages = FXCollections.observableArrayList();
    final ObjectProperty<Path> previewFile = new SimpleObjectProperty<>();
    final BooleanProperty previewing = new SimpleBooleanProperty();
    final BooleanProperty exporting = new SimpleBooleanProperty();
    final DoubleProperty progress = new SimpleDoubleProperty();
    final StringProperty step = new SimpleStringProperty("");
    final StringProperty result = new SimpleStringProperty("");
    final ObservableList<RecentExport> recent = FXCollections.observableArrayList();

    private final AtomicBoolean cancel = new AtomicBoolean();

    public ReportsViewModel(ReportService service, PagePreview pages, Supplier<List<String>> fleetRegions,
                            BackgroundTasks tasks, Messages messages, Executor ui) {
        this.service = service;
        this.pages = pages;
        this.fleetRegions = fleetRegions;
        this.tasks = tasks;
        this.m = messages;
        this.ui = ui;
        LocalDate today = service.today();
        to.set(today.minusDays(1));
        from.set(today.minusDays(30));
    }

    /** Reads the fleet's regions and the recent exports. */
    void load() {
        tasks.job(m.text("report.screen.loading"), p -> fleetRegions.get()).quiet()
                .onSuccess(this::regions).start();
        refreshRecent();
    }

    /**
     * The fleet's regions now (on the FX thread): the list changes only when they do, so that a fleet ticking on
     * keeps the regions picked.
     */
    public void regions(List<String> now) {
        if (!regions.equals(now)) {
            regions.setAll(now);
        }
    }

    void refreshRecent() {
        tasks.job(m.text("report.screen.loading"), p -> service.recent()).quiet().onSuccess(recent::setAll).start();
    }

    /** What is wrong with the options for an export, as a sentence; empty when nothing is. */
    Optional<String> invalid(boolean forExport) {
        if (from.get() == null || to.get() == null) {
            return Optional.of(m.text("report.screen.noPeriod"));
        }
        if (to.get().isBefore(from.get())) {
            return Optional.of(m.text("report.export.badPeriod", from.get(), to.get()));
        }
        if (kind.get() == ReportKind.SALES && prospect.get().isBlank()) {
            return Optional.of(m.text("report.screen.noProspect"));
        }
        if (forExport) {
            if (out.get().isBlank()) {
                return Optional.of(m.text("report.screen.noOut"));
            }
            try {
                ReportService.check(options(Path.of(out.get().strip())));
            } catch (Problem e) {
                return Optional.of(m.text(e));
            } catch (RuntimeException e) {
                return Optional.of(m.text("report.export.badOut", out.get(), extension()));
            }
        }
        return Optional.empty();
    }

    String extension() {
        return kind.get() == ReportKind.EVIDENCE ? ".zip" : ".pdf";
    }

    ReportOptions options(Path file) {
        List<String> ids = Arrays.stream(sites.get().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        Optional<Path> prices = priceList.get().isBlank() ? Optional.empty()
                : Optional.of(Path.of(priceList.get().strip()));
        return new ReportOptions(kind.get(), from.get(), to.get(), List.copyOf(chosenRegions), prospect.get(), ids,
                prices, file);
    }

    /** Builds the report's PDF into a temporary file and draws its first pages. */
    void preview() {
        Optional<String> wrong = invalid(false);
        problem.set(wrong.orElse(""));
        if (wrong.isPresent() || previewing.get() || exporting.get()) {
            return;
        }
        cancel.set(false);
        previewing.set(true);
        result.set("");
        Path earlier = previewFile.get();
        ReportOptions asked = options(Path.of("preview.pdf"));
        tasks.job(m.text("report.screen.previewing"), p -> {
            deleteQuietly(earlier);
            Path pdf = temp();
            ReportOptions o = new ReportOptions(asked.kind(), asked.from(), asked.to(), asked.regions(),
                    asked.prospect(), asked.scopeSites(), asked.priceList(), pdf);
            service.preview(o, pdf, watching(p));
            try {
                return new Preview(pdf, pages.pages(pdf, PREVIEW_PAGES, PREVIEW_DPI));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).onSuccess(done -> {
            previewing.set(false);
            previewFile.set(done.pdf());
            previewPages.setAll(done.pages());
            done();
        }).onFailure(e -> {
            previewing.set(false);
            failed(e);
        }).onCancelled(() -> {
            previewing.set(false);
            done();
        }).start();
    }

    /** Exports the report to the chosen file, then lists it among the recent exports. */
    void export() {
        Optional<String> wrong = invalid(true);
        problem.set(wrong.orElse(""));
        if (wrong.isPresent() || exporting.get() || previewing.get()) {
            return;
        }
        ReportOptions o = options(Path.of(out.get().strip()));
        cancel.set(false);
        exporting.set(true);
        result.set("");
        progress.set(0);
        step.set(m.text("report.screen.starting"));
        tasks.job(m.text("report.screen.exporting", o.out().getFileName()), p -> {
            try {
                return exported(service.export(o, watching(p)));
            } catch (ReportCancelled c) {
                return m.text("report.export.cancelledPartly", names(c.written()), names(c.notWritten()));
            } catch (CancellationException c) {
                return m.text("report.screen.cancelled");
            }
        }).onSuccess(said -> {
            result.set(said);
            done();
            refreshRecent();
        }).onFailure(e -> {
            failed(e);
            refreshRecent();
        }).onCancelled(() -> {
            result.set(m.text("report.screen.cancelled"));
            done();
        }).start();
    }

    private String exported(ReportExport e) {
        return m.text("report.screen.exported", e.files().size(), names(e.files()));
    }

    private static String names(List<Path> files) {
        return String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList());
    }

    /** Asks the export or preview under way to stop at its next step. */
    void cancel() {
        cancel.set(true);
        step.set(m.text("report.screen.cancelling"));
    }

    /**
     * Saves the options under {@code name}, with the period as the last as many days as now, and the file with the
     * day put where the chosen name has it.
     *
     * @return the sentence to show
     */
    String saveAs(String name, String period) {
        try {
            SavedReport.checkName(name);
            ReportPeriod relative = ReportPeriod.parse(period)
                    .orElseThrow(() -> Problem.badInput("report.cli.badPeriod", period));
            Optional<String> wrong = invalid(true);
            if (wrong.isPresent()) {
                return wrong.get();
            }
            ReportOptions o = options(Path.of(out.get().strip()).toAbsolutePath());
            String pattern = o.out().toString().contains("{date}") ? o.out().toString()
                    : o.out().toString().replaceFirst("(?i)(\\.(pdf|zip))$", "-{date}$1");
            SavedReport saved = new SavedReport(name, o.kind(), relative, o.regions(), o.prospect(), o.scopeSites(),
                    o.priceList().map(Path::toString).orElse(""), pattern);
            tasks.job(m.text("report.screen.saving"), p -> {
                service.saved().save(saved);
                return saved;
            }).onSuccess(s -> result.set(m.text("report.screen.savedAs", s.name(), s.out())))
                    .onFailure(this::failed).start();
            return "";
        } catch (Problem e) {
            return m.text(e);
        }
    }

    private ReportProgress watching(io.camfleet.console.service.common.Progress task) {
        return new ReportProgress() {
            private final AtomicBoolean shown = new AtomicBoolean(true);
            private volatile String lastStep = "";
            private volatile double lastFraction;

            @Override
            public void progress(String what, double fraction) {
                lastStep = what;
                lastFraction = fraction;
                task.update(what, fraction < 0 ? -1 : Math.round(fraction * 1000), fraction < 0 ? -1 : 1000);
                // one hop to the FX thread at a time: a source reporting every row must not flood it
                if (shown.compareAndSet(true, false)) {
                    ui.execute(() -> {
                        shown.set(true);
                        if (!exporting.get() && !previewing.get()) {
                            return; // came after the end
                        }
                        step.set(lastStep);
                        progress.set(lastFraction);
                    });
                }
            }

            @Override
            public boolean cancelled() {
                return cancel.get() || task.isCancelled();
            }
        };
    }

    private void done() {
        exporting.set(false);
        previewing.set(false);
        step.set("");
        progress.set(0);
    }

    private void failed(Throwable e) {
        done();
        result.set(e instanceof Problem p ? m.text(p) : m.text("report.screen.failed",
                e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }

    private static Path temp() {
        try {
            Path pdf = Files.createTempFile("camfleet-preview-", ".pdf");
            pdf.toFile().deleteOnExit();
            return pdf;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a preview left in the temporary folder is removed on exit
            }
        }
    }

    /** Kind of report, as the operator reads it. */
    String label(ReportKind k) {
        return m.text("report.screen.kind." + k.name().toLowerCase(Locale.ROOT));
    }

    private record Preview(Path pdf, List<byte[]> pages) {
    }
}
