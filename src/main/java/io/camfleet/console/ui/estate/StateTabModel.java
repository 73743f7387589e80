package io.camfleet.console.ui.estate;

import com.fasterxml.jackson.core.type.TypeReference;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.estate.EstateCache;
import io.camfleet.console.service.settings.SettingsStore;
import io.camfleet.console.service.terraform.EnvironmentDrift;
import io.camfleet.console.service.terraform.StateLocation;
import io.camfleet.console.service.terraform.TerraformService;
import io.camfleet.console.service.terraform.TerraformSettings;
import io.camfleet.console.ui.common.BackgroundTasks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The Terraform state tab without its controls: for the environment picked, the state and drift last read (from the
 * estate cache, at once), a refresh that reads S3 and AWS again, and the S3 backend to set when the environment has
 * none. Every read and write runs off the FX thread; the properties change on it. A failed refresh leaves the last
 * snapshot shown, with the sentence beside it.
 */
public final class StateTabModel {

    /** The estate cache's kind for a state with its drift. */
    public static final String KIND = "terraform";
    static final TypeReference<EnvironmentDrift> CACHED = new TypeReference<>() {
    };

    /** What the tab shows in its body. */
    public enum Mode {
        /** No AWS environment is configured. */
        NO_ENVIRONMENT,
        /** The cache and settings are being read. */
        OPENING,
        /** The environment has no S3 backend in the settings: the form to set one. */
        SETUP,
        /** The state and drift, or "not read yet" when {@link #summaryProperty()} is null. */
        STATE
    }

    /** What the tab needs of the open folder. */
    public record Parts(TerraformService terraform, EstateCache cache, SettingsStore settings) {
    }

    /** What a look at the cache and the settings found. */
    private record Opened(StateLocation location, EstateCache.Cached<StateSummary> last) {
    }

    private final Parts parts;
    private final BackgroundTasks tasks;
    private final Messages m;
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(Mode.NO_ENVIRONMENT);
    private final ReadOnlyObjectWrapper<StateSummary> summary = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Instant> asOf = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<StateLocation> location = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper setupProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private Environment environment;
    /** Bumped at each change of environment: an answer for an environment no longer picked is dropped. */
    private long turn;
    private Task<?> refreshing;

    public StateTabModel(Parts parts, BackgroundTasks tasks, Messages messages) {
        this.parts = parts;
        this.tasks = tasks;
        this.m = messages;
    }

    /** Shows {@code env} (null for none): its last snapshot and whether it has a state in the settings. */
    public void show(Environment env) {
        cancel();
        environment = env;
        long mine = ++turn;
        summary.set(null);
        asOf.set(null);
        problem.set("");
        setupProblem.set("");
        if (env == null) {
            mode.set(Mode.NO_ENVIRONMENT);
            return;
        }
        mode.set(Mode.OPENING);
        tasks.job(m.text("estate.state.task.open", env.label()), p -> open(env.label())).quiet()
                .onSuccess(o -> {
                    if (mine == turn) {
                        showOpened(o);
                    }
                })
                .onFailure(e -> {
                    if (mine == turn) {
                        mode.set(Mode.STATE);
                        problem.set(sentence(e));
                    }
                })
                .start();
    }

    private Opened open(String env) {
        StateLocation where = parts.settings().read().require(TerraformSettings.SECTION).states().get(env);
        Optional<EstateCache.Cached<EnvironmentDrift>> last = parts.cache().last(env, KIND, CACHED);
        return new Opened(where, last.map(c -> new EstateCache.Cached<>(StateSummary.of(c.value()), c.asOf()))
                .orElse(null));
    }

    private void showOpened(Opened o) {
        location.set(o.location());
        if (o.last() != null) {
            asOf.set(o.last().asOf());
            summary.set(o.last().value());
        }
        mode.set(o.location() == null && o.last() == null ? Mode.SETUP : Mode.STATE);
    }

    /** Reads the state from S3 and AWS's resources again, keeps them in the cache and shows them. */
    public void refresh() {
        Environment env = environment;
        if (env == null || busy.get()) {
            return;
        }
        long mine = turn;
        busy.set(true);
        problem.set("");
        refreshing = tasks.job(m.text("estate.state.task.refresh", env.label()), p -> {
                    p.update(m.text("estate.state.progress.reading", env.label()), -1, -1);
                    var cached = readAndKeep(env.label(), p);
                    p.update(m.text("estate.state.progress.grouping", cached.value().state().resources().size()),
                            -1, -1);
                    return new Opened(null, new EstateCache.Cached<>(StateSummary.of(cached.value()),
                            cached.asOf()));
                })
                .onSuccess(o -> {
                    finished(mine);
                    if (mine == turn) {
                        asOf.set(o.last().asOf());
                        summary.set(o.last().value());
                        mode.set(Mode.STATE);
                    }
                })
                .onFailure(e -> {
                    finished(mine);
                    if (mine == turn) {
                        problem.set(sentence(e));
                    }
                })
                .onCancelled(() -> finished(mine))
                .start();
    }

    /** A read cancelled while under way is not kept either: Cancel leaves the cache as it was. */
    private EstateCache.Cached<EnvironmentDrift> readAndKeep(String env, Progress p) {
        try {
            return parts.cache().refresh(env, KIND, () -> {
                EnvironmentDrift read = parts.terraform().drift(env);
                p.checkCancelled();
                return read;
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void finished(long mine) {
        if (mine == turn) {
            busy.set(false);
            refreshing = null;
        }
    }

    /** Stops a refresh under way; what was shown stays. */
    public void cancel() {
        if (refreshing != null) {
            refreshing.cancel();
            refreshing = null;
        }
        busy.set(false);
    }

    /**
     * Writes the environment's S3 backend into the settings (section {@code terraform}), then reads the state there.
     * A location that is not usable is refused with the sentence, and nothing is written.
     */
    public void saveLocation(String bucket, String key, String region) {
        Environment env = environment;
        if (env == null) {
            return;
        }
        long mine = turn;
        setupProblem.set("");
        StateLocation where = new StateLocation(bucket, key, region);
        tasks.job(m.text("estate.state.task.save", env.label()), p -> {
                    TerraformSettings now = parts.settings().read().require(TerraformSettings.SECTION);
                    parts.settings().write(TerraformSettings.SECTION, now.with(env.label(), where));
                    return where;
                }).quiet()
                .onSuccess(saved -> {
                    if (mine == turn) {
                        location.set(saved);
                        mode.set(Mode.STATE);
                        refresh();
                    }
                })
                .onFailure(e -> {
                    if (mine == turn) {
                        setupProblem.set(sentence(e));
                    }
                })
                .start();
    }

    private String sentence(Throwable e) {
        Throwable t = e instanceof IllegalStateException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof Problem p) {
            return m.text(p);
        }
        return m.text("estate.state.failed", Objects.requireNonNullElse(t.getMessage(), t.getClass().getSimpleName()));
    }

    /** The environment shown; null for none. */
    public Environment environment() {
        return environment;
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    /** The state and drift shown; null when none was read yet. */
    public ReadOnlyObjectProperty<StateSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** When what is shown was read from AWS; null when nothing was. */
    public ReadOnlyObjectProperty<Instant> asOfProperty() {
        return asOf.getReadOnlyProperty();
    }

    /** The S3 backend in the settings for the environment shown; null when it has none. */
    public ReadOnlyObjectProperty<StateLocation> locationProperty() {
        return location.getReadOnlyProperty();
    }

    /** Why the last read failed, in one sentence; "" when it did not. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Why the S3 backend typed could not be saved; "" when it could. */
    public ReadOnlyStringProperty setupProblemProperty() {
        return setupProblem.getReadOnlyProperty();
    }

    /** Whether a refresh is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
