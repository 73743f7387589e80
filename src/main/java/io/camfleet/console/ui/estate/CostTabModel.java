package io.camfleet.console.ui.estate;

import com.fasterxml.jackson.core.type.TypeReference;
import io.camfleet.console.domain.cost.CleanupHint;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.cost.CostReport;
import io.camfleet.console.service.cost.CostService;
import io.camfleet.console.service.cost.Grouping;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.estate.EstateCache;
import io.camfleet.console.ui.common.BackgroundTasks;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * The cost tab's state: the environment's cost history by the grouping picked and its cleanup hints, as last read
 * (from the {@link EstateCache}, so the tab opens offline and costs nothing), and a Refresh that asks Cost Explorer
 * once (one history call, $0.01) and EC2 for the hints. Properties are set on the UI thread only.
 */
public final class CostTabModel {

    static final TypeReference<CostReport> REPORT = new TypeReference<>() {
    };
    static final TypeReference<List<CleanupHint>> HINTS = new TypeReference<>() {
    };
    static final String HINTS_KIND = "cost-cleanup";

    private final CostService service;
    private final EstateCache cache;
    private final BackgroundTasks tasks;
    private final Messages m;

    private final ObjectProperty<Grouping> grouping = new SimpleObjectProperty<>(Grouping.SERVICE);
    private final ReadOnlyObjectWrapper<CostFigures> figures = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Instant> asOf = new ReadOnlyObjectWrapper<>();
    private final ObservableList<CleanupHint> hints = FXCollections.observableArrayList();
    private final ObservableList<CleanupHint> shownHints = FXCollections.unmodifiableObservableList(hints);
    private final ReadOnlyObjectWrapper<Instant> hintsAsOf = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private Environment environment;
    private Task<Reading> refreshing;
    /** Bumped at each change of environment or grouping, so that an answer for the one before is not shown. */
    private int generation;

    /** What one read gave; a part that failed is null and its sentence is in {@code problems}. */
    private record Reading(CostFigures figures, Instant asOf, List<CleanupHint> hints, Instant hintsAsOf,
                           List<String> problems) {
    }

    public CostTabModel(CostService service, EstateCache cache, BackgroundTasks tasks, Messages messages) {
        this.service = service;
        this.cache = cache;
        this.tasks = tasks;
        this.m = messages;
        grouping.addListener((o, was, now) -> load());
    }

    /** The kind the history by {@code by} ending in {@code month} is cached as. */
    static String kind(Grouping by, YearMonth month) {
        return "cost-" + by.cliName() + "-" + month;
    }

    /** Shows what was last read for {@code env} (null: none configured); asks AWS nothing. */
    public void show(Environment env) {
        environment = env;
        load();
    }

    private void load() {
        int gen = ++generation;
        figures.set(null);
        asOf.set(null);
        hints.clear();
        hintsAsOf.set(null);
        problem.set("");
        Environment env = environment;
        if (env == null) {
            return;
        }
        Grouping by = grouping.get();
        tasks.job(m.text("estate.cost.task.load", env.label()), p -> {
                    var spend = cache.last(env.label(), kind(by, YearMonth.from(service.today())), REPORT);
                    var cleanup = cache.last(env.label(), HINTS_KIND, HINTS);
                    return new Reading(spend.map(c -> CostFigures.of(c.value(), service::sites)).orElse(null),
                            spend.map(EstateCache.Cached::asOf).orElse(null),
                            cleanup.map(EstateCache.Cached::value).orElse(null),
                            cleanup.map(EstateCache.Cached::asOf).orElse(null), List.of());
                }).quiet()
                .onSuccess(r -> apply(gen, r))
                .onFailure(e -> {
                    if (gen == generation) {
                        problem.set(sentence(e));
                    }
                })
                .start();
    }

    /**
     * Reads the cost history (Cost Explorer) and the cleanup hints (EC2) again and keeps them; a part that fails says
     * why in one sentence and the last reading of it stays shown.
     */
    public void refresh() {
        Environment env = environment;
        if (env == null || busy.get()) {
            return;
        }
        int gen = generation;
        Grouping by = grouping.get();
        busy.set(true);
        status.set("");
        refreshing = tasks.job(m.text("estate.cost.task.refresh", env.label()), p -> {
                    List<String> problems = new ArrayList<>();
                    p.update(m.text("estate.cost.progress.spend", env.label()), 0, 2);
                    EstateCache.Cached<CostReport> spend = null;
                    try {
                        spend = cache.refresh(env.label(), kind(by, YearMonth.from(service.today())),
                                () -> service.history(by, env.label()));
                    } catch (Exception e) {
                        problems.add(sentence(e));
                    }
                    if (Thread.currentThread().isInterrupted()) {
                        throw new CancellationException();
                    }
                    p.update(m.text("estate.cost.progress.hints", env.label()), 1, 2);
                    EstateCache.Cached<List<CleanupHint>> cleanup = null;
                    try {
                        cleanup = cache.refresh(env.label(), HINTS_KIND, () -> service.cleanup(env.label()));
                    } catch (Exception e) {
                        problems.add(sentence(e));
                    }
                    p.update("", 2, 2);
                    CostReport report = spend == null ? null : spend.value();
                    return new Reading(report == null ? null : CostFigures.of(report, service::sites),
                            spend == null ? null : spend.asOf(), cleanup == null ? null : cleanup.value(),
                            cleanup == null ? null : cleanup.asOf(), problems);
                })
                .onSuccess(r -> {
                    busy.set(false);
                    apply(gen, r);
                })
                .onFailure(e -> {
                    busy.set(false);
                    problem.set(sentence(e));
                })
                .onCancelled(() -> {
                    busy.set(false);
                    status.set(m.text("estate.cost.cancelled"));
                })
                .start();
    }

    /** Stops a refresh under way; what was shown stays. */
    public void cancel() {
        Task<Reading> t = refreshing;
        if (t != null && busy.get()) {
            t.cancel(true);
        }
    }

    private void apply(int gen, Reading r) {
        if (gen != generation) {
            return;
        }
        if (r.figures() != null) {
            figures.set(r.figures());
            asOf.set(r.asOf());
        }
        if (r.hints() != null) {
            hints.setAll(r.hints());
            hintsAsOf.set(r.hintsAsOf());
        }
        problem.set(String.join(" ", new java.util.LinkedHashSet<>(r.problems()))); // the same cause once
    }

    private String sentence(Throwable e) {
        Throwable t = e instanceof UncheckedIOException || e.getCause() instanceof Problem ? e.getCause() : e;
        return t instanceof Problem p ? m.text(p) : m.text("estate.cost.failed",
                Objects.requireNonNullElse(t.getMessage(), t.getClass().getSimpleName()));
    }

    /** Writes the rows shown as CSV to {@code file}, through a temporary file moved into place. */
    public void exportCsv(Path file, List<CostFigures.Row> shown) {
        CostFigures f = figures.get();
        if (f != null) {
            export(file, () -> f.csv(shown).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Writes the cleanup hints shown as CSV to {@code file}, the same way. */
    public void exportHintsCsv(Path file, List<CleanupHint> shown) {
        export(file, () -> CleanupHintsPane.csv(shown).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes bytes made off the FX thread (the chart's PNG) the same way. */
    public void export(Path file, Supplier<byte[]> bytes) {
        tasks.job(m.text("estate.cost.task.export", file.getFileName()), p -> {
                    write(file, bytes.get());
                    return file;
                })
                .onSuccess(f -> status.set(m.text("estate.cost.exported", f)))
                .onFailure(e -> status.set(m.text("estate.cost.exportFailed", file, Objects.requireNonNullElse(
                        e.getMessage(), e.getClass().getSimpleName()))))
                .start();
    }

    /** A failed write never leaves half a file: the bytes go to a temporary file in the same folder, then move. */
    static void write(Path file, byte[] bytes) {
        try {
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".export-", ".tmp");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ObjectProperty<Grouping> groupingProperty() {
        return grouping;
    }

    public ReadOnlyObjectProperty<CostFigures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> asOfProperty() {
        return asOf.getReadOnlyProperty();
    }

    public ObservableList<CleanupHint> hints() {
        return shownHints;
    }

    public ReadOnlyObjectProperty<Instant> hintsAsOfProperty() {
        return hintsAsOf.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The environment shown, null when none is. */
    public Environment environment() {
        return environment;
    }
}
