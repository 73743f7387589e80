package io.camfleet.console.ui.estate;

import com.fasterxml.jackson.core.type.TypeReference;
import io.camfleet.console.domain.images.CatalogueEntry;
import io.camfleet.console.domain.images.ImageUsage;
import io.camfleet.console.domain.images.OutdatedRule;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.estate.EstateCache;
import io.camfleet.console.service.images.ImageCatalogue;
import io.camfleet.console.service.images.ImageSettings;
import io.camfleet.console.ui.common.BackgroundTasks;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The images tab's state, on the FX thread: the catalogue of the environment picked as last read (EstateCache kind
 * {@value #KIND}), read again from AWS only on Refresh; the rows the search and "outdated only" leave, filtered off the
 * FX thread; the selected image and who runs it now. What failed is one sentence; what was shown stays.
 */
final class ImagesTabModel {

    /** The snapshot the KPIs read the images' build dates from too. */
    static final String KIND = io.camfleet.console.service.kpi.EstateImageDates.KIND;
    static final TypeReference<List<CatalogueEntry>> TYPE = new TypeReference<>() {
    };

    /** What a load gives the FX thread: the rows, when they were read, and the rules they were judged by. */
    record Loaded(List<ImageRow> rows, Instant asOf, ImageSettings settings) {
    }

    /** What the search and filter leave, and how many of all are outdated: counted off the FX thread too. */
    private record Filtered(List<ImageRow> rows, long outdated) {

        int size() {
            return rows.size();
        }
    }

    private final Supplier<ImageCatalogue> catalogue;
    private final Supplier<EstateCache> cache;
    private final BackgroundTasks tasks;
    private final Messages m;
    private final Clock clock;

    private final ObservableList<ImageRow> shown = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty outdatedOnly = new SimpleBooleanProperty();
    private final ObjectProperty<Instant> asOf = new SimpleObjectProperty<>();
    private final StringProperty counts = new SimpleStringProperty("");
    private final StringProperty rule = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty report = new SimpleStringProperty("");
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final ObjectProperty<Task<?>> refreshing = new SimpleObjectProperty<>();
    private final ObjectProperty<ImageRow> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<ImageUsage> usage = new SimpleObjectProperty<>();
    private final StringProperty usageNote = new SimpleStringProperty("");
    private final Runnable readUsage;

    private Environment environment;
    private List<ImageRow> all = List.of();
    private ImageSettings settings = ImageSettings.DEFAULTS;
    private long generation;
    private Comparator<ImageRow> order;
    private String orderKey = "";

    ImagesTabModel(Supplier<ImageCatalogue> catalogue, Supplier<EstateCache> cache, BackgroundTasks tasks,
                   Messages messages, Clock clock) {
        this.catalogue = catalogue;
        this.cache = cache;
        this.tasks = tasks;
        this.m = messages;
        this.clock = clock;
        search.addListener(o -> filter());
        outdatedOnly.addListener(o -> filter());
        // arrow keys through the table move the selection fast: EC2 is asked once they rest
        readUsage = tasks.debounce(Duration.ofMillis(250), this::readUsageNow);
        selected.addListener((o, was, now) -> {
            usage.set(now == null ? null : now.entry().usage());
            usageNote.set(now == null ? "" : m.text("estate.images.usage.asRead"));
            if (now != null && environment != null) {
                readUsage.run();
            }
        });
    }

    /** Shows what was last read for {@code env} at once; AWS is not asked. */
    void show(Environment env) {
        environment = env;
        cancelRefresh();
        problem.set("");
        report.set("");
        selected.set(null);
        loaded(new Loaded(List.of(), null, settings));
        if (env == null) {
            return;
        }
        loading.set(true);
        tasks.job(m.text("estate.images.task.last", env.label()), p -> {
            ImageSettings s = catalogue.get().settings();
            return cache.get().last(env.label(), KIND, TYPE)
                    .map(c -> rows(c.value(), c.asOf(), s)).orElse(new Loaded(List.of(), null, s));
        }).quiet().onSuccess(l -> {
            if (env.equals(environment)) {
                loading.set(false);
                loaded(l);
            }
        }).onFailure(e -> {
            if (env.equals(environment)) {
                loading.set(false);
                problem.set(sentence(e));
            }
        }).start();
    }

    /** Reads the catalogue from AWS and keeps it; a failure leaves the last one shown. */
    void refresh() {
        Environment env = environment;
        if (env == null || refreshing.get() != null) {
            return;
        }
        problem.set("");
        Task<Loaded> task = tasks.job(m.text("estate.images.task.refresh", env.label(), env.region()), p -> {
            p.update(m.text("estate.images.task.refresh", env.label(), env.region()), -1, -1);
            ImageCatalogue c = catalogue.get();
            EstateCache.Cached<List<CatalogueEntry>> read;
            try {
                read = cache.get().refresh(env.label(), KIND, () -> c.catalogue(env));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) { // the catalogue throws no checked exception: the cache's signature allows one
                throw new IllegalStateException(e);
            }
            return rows(read.value(), read.asOf(), c.settings());
        }).onSuccess(l -> {
            refreshing.set(null);
            if (env.equals(environment)) {
                loaded(l);
            }
        }).onFailure(e -> {
            refreshing.set(null);
            if (env.equals(environment)) {
                problem.set(sentence(e));
            }
        }).onCancelled(() -> {
            refreshing.set(null);
            if (env.equals(environment)) {
                report.set(m.text("estate.images.refresh.cancelled"));
            }
        }).start();
        refreshing.set(task);
    }

    /** Stops waiting for a refresh; the catalogue shown stays. */
    void cancelRefresh() {
        Task<?> t = refreshing.get();
        if (t != null) {
            t.cancel(true);
        }
    }

    private Loaded rows(List<CatalogueEntry> entries, Instant at, ImageSettings s) {
        Instant now = clock.instant();
        return new Loaded(entries.stream().map(e -> ImageRow.of(e, s.keys(), now)).toList(), at, s);
    }

    private void loaded(Loaded l) {
        all = l.rows();
        settings = l.settings();
        asOf.set(l.asOf());
        rule.set(ruleText(settings.outdated()));
        String keep = selected.get() == null ? null : selected.get().id();
        selected.set(keep == null ? null : all.stream().filter(r -> r.id().equals(keep)).findFirst().orElse(null));
        filter();
    }

    /** Sorts the rows shown in that order (null: as the catalogue gives them), off the FX thread. */
    void sortBy(Comparator<ImageRow> by, String key) {
        if (!key.equals(orderKey)) {
            order = by;
            orderKey = key;
            filter();
        }
    }

    /** Filters and sorts off the FX thread; only the newest answer is shown. */
    private void filter() {
        long gen = ++generation;
        List<ImageRow> rows = all;
        Comparator<ImageRow> sorted = order;
        String[] words = search.get().strip().toLowerCase(Locale.ROOT).split("\\s+");
        boolean only = outdatedOnly.get();
        tasks.job(m.text("estate.images.task.filter"), p -> new Filtered(rows.stream()
                        .filter(r -> (!only || r.outdated()) && r.matches(words))
                        .sorted(sorted == null ? (a, b) -> 0 : sorted).toList(),
                        rows.stream().filter(ImageRow::outdated).count())).quiet()
                .onSuccess(list -> {
                    if (gen == generation) {
                        counts.set(list.size() == rows.size() ? m.text("estate.images.counts", rows.size(),
                                list.outdated()) : m.text("estate.images.counts.shown", list.size(), rows.size(),
                                list.outdated()));
                        shown.setAll(list.rows());
                    }
                }).start();
    }

    private String ruleText(OutdatedRule r) {
        if (r.maxAgeDays() > 0 && r.newerInLineage()) {
            return m.text("estate.images.rule.both", r.maxAgeDays());
        }
        if (r.maxAgeDays() > 0) {
            return m.text("estate.images.rule.age", r.maxAgeDays());
        }
        return r.newerInLineage() ? m.text("estate.images.rule.lineage") : m.text("estate.images.rule.off");
    }

    private void readUsageNow() {
        ImageRow row = selected.get();
        Environment env = environment;
        if (row == null || env == null) {
            return;
        }
        tasks.job(m.text("estate.images.task.usage", row.id()), p -> catalogue.get().usage(env, row.id())).quiet()
                .onSuccess(u -> {
                    if (row.equals(selected.get())) {
                        usage.set(u);
                        usageNote.set(m.text("estate.images.usage.now"));
                    }
                })
                .onFailure(e -> {
                    if (row.equals(selected.get())) {
                        usageNote.set(m.text("estate.images.usage.notNow", sentence(e)));
                    }
                }).start();
    }

    /** The one sentence of a failure: the {@link Problem} it carries, or what the exception says. */
    String sentence(Throwable e) {
        Throwable t = e;
        while (!(t instanceof Problem) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t instanceof Problem p ? m.text(p) : m.text("estate.images.failed",
                e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    Environment environment() {
        return environment;
    }

    ImageSettings settings() {
        return settings;
    }

    ObservableList<ImageRow> shown() {
        return shown;
    }

    List<ImageRow> all() {
        return all;
    }

    StringProperty search() {
        return search;
    }

    BooleanProperty outdatedOnly() {
        return outdatedOnly;
    }

    ObjectProperty<Instant> asOf() {
        return asOf;
    }

    StringProperty counts() {
        return counts;
    }

    StringProperty rule() {
        return rule;
    }

    StringProperty problem() {
        return problem;
    }

    StringProperty report() {
        return report;
    }

    BooleanProperty loading() {
        return loading;
    }

    ObjectProperty<Task<?>> refreshing() {
        return refreshing;
    }

    ObjectProperty<ImageRow> selected() {
        return selected;
    }

    ObjectProperty<ImageUsage> usage() {
        return usage;
    }

    StringProperty usageNote() {
        return usageNote;
    }
}
