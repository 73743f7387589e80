package io.camfleet.console.ui.settings;

import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.environments.EnvironmentReader;
import io.camfleet.console.service.environments.EnvironmentReader.AwsProfile;
import io.camfleet.console.service.environments.EnvironmentReader.CallerIdentity;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.environments.SourceSettings.Kind;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The Fleet source tab without its controls: demo, AWS environments or an imported file; the environments with
 * their connection tests; and the checks Save makes. Properties are FX-thread state; the AWS calls (listing the
 * profiles, asking who the console is) run on {@code background} and come back through {@code fx}, so that a slow
 * answer never holds the window. Testable with no toolkit, with executors that run work on the spot.
 */
public final class FleetSourceViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(FleetSourceViewModel.class);

    /** How testing one environment went, or that it is under way. */
    public record Check(State state, String text) {
        public enum State {
            RUNNING,
            PASSED,
            FAILED
        }
    }

    private final EnvironmentReader reader;
    private final Messages m;
    private final Executor background;
    private final Executor fx;
    private final SourceSettings original;
    private final ObjectProperty<Kind> kind;
    private final ObservableList<Environment> environments;
    private final ObservableList<Environment> environmentsView;
    private final StringProperty importFile;
    private final ObservableList<AwsProfile> profiles = FXCollections.observableArrayList();
    private final ObservableMap<Environment, Check> checks = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public FleetSourceViewModel(SourceSettings current, EnvironmentReader reader, Messages messages,
                                Executor background, Executor fx) {
        this.reader = reader;
        this.m = messages;
        this.background = background;
        this.fx = fx;
        this.original = current;
        this.kind = new SimpleObjectProperty<>(current.kind());
        this.environments = FXCollections.observableArrayList(current.environments());
        this.environmentsView = FXCollections.unmodifiableObservableList(environments);
        this.importFile = new SimpleStringProperty(current.importFile());
        kind.addListener(o -> problem.set(""));
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    /** The AWS environments, in the order added. Change them through {@link #put} and {@link #remove}. */
    public ObservableList<Environment> environments() {
        return environmentsView;
    }

    public StringProperty importFileProperty() {
        return importFile;
    }

    /** The profiles of the user's AWS configuration, once {@link #loadProfiles()} has read them. */
    public ObservableList<AwsProfile> profiles() {
        return profiles;
    }

    /** The last test of each environment; none for one not tested since it was added or changed. */
    public ObservableMap<Environment, Check> checks() {
        return checks;
    }

    /** Why Save was refused; empty when it was not. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Reads the AWS profiles in the background; the list fills when they are in. */
    public void loadProfiles() {
        background.execute(() -> {
            List<AwsProfile> read;
            try {
                read = List.copyOf(reader.profiles());
            } catch (RuntimeException e) {
                // A broken ~/.aws/config only costs the suggestions; names can still be typed.
                LOG.warn("Cannot read the AWS profiles", e);
                read = List.of();
            }
            List<AwsProfile> found = read;
            fx.execute(() -> profiles.setAll(found));
        });
    }

    /** A listed profile by name, or null when the name is not in the AWS configuration. */
    public AwsProfile profile(String name) {
        return profiles.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    /** A profile as the list shows it: SSO profiles say so. */
    public String profileText(AwsProfile p) {
        return p.sso() ? m.text("settings.source.profile.sso", p.name()) : p.name();
    }

    /**
     * Adds an environment as typed in the form, or puts it in place of {@code editing}.
     *
     * @param editing the environment being edited, or null to add one
     * @return the sentence saying what is wrong, when nothing was added or changed
     */
    public Optional<String> put(Environment editing, String label, String profile, String region, String endpoint) {
        return put(editing, label, profile, region, endpoint,
                editing == null || editing.eventsQueue() == null ? "" : editing.eventsQueue().toString());
    }

    /**
     * As {@link #put(Environment, String, String, String, String)}, with the SQS queue the environment's registry
     * events arrive in (empty: none).
     */
    public Optional<String> put(Environment editing, String label, String profile, String region, String endpoint,
                                String eventsQueue) {
        Environment e;
        try {
            // The same checks as camfleet env add makes.
            e = Environment.of(label, profile, region, endpoint, eventsQueue);
            SourceSettings.checkLabelFree(environments, editing, e);
        } catch (Problem p) {
            return Optional.of(m.text(p));
        }
        int at = editing == null ? -1 : environments.indexOf(editing);
        if (at < 0) {
            environments.add(e);
        } else if (!editing.equals(e)) {
            environments.set(at, e);
            checks.remove(editing);
        }
        problem.set("");
        return Optional.empty();
    }

    public void remove(Environment e) {
        environments.remove(e);
        checks.remove(e);
    }

    /**
     * Asks AWS who the console is in {@code e}, in the background. The answer (account and role) or the sentence
     * saying why it failed lands in {@link #checks()}; a test already under way is not started twice.
     */
    public void test(Environment e) {
        Check last = checks.get(e);
        if (last != null && last.state() == Check.State.RUNNING) {
            return;
        }
        checks.put(e, new Check(Check.State.RUNNING, m.text("settings.source.check.running")));
        background.execute(() -> {
            Check outcome;
            try {
                outcome = new Check(Check.State.PASSED, text(reader.identity(e)));
            } catch (Problem p) {
                outcome = new Check(Check.State.FAILED, m.text(p));
            } catch (RuntimeException error) {
                LOG.warn("Testing environment {} failed", e.label(), error);
                outcome = new Check(Check.State.FAILED,
                        m.text("settings.source.check.failed", String.valueOf(error.getMessage())));
            }
            Check done = outcome;
            fx.execute(() -> {
                // Removed or changed meanwhile: the answer is about an environment that is no longer there.
                if (environments.contains(e)) {
                    checks.put(e, done);
                }
            });
        });
    }

    /** "account 123456789012 · role NocOperator", from an ARN such as {@code arn:aws:sts::…:assumed-role/R/s}. */
    private String text(CallerIdentity id) {
        String[] arn = id.arn().split(":", 6);
        String[] resource = arn.length == 6 ? arn[5].split("/") : new String[] {id.arn()};
        if (resource.length >= 2 && resource[0].equals("assumed-role")) {
            return m.text("settings.source.check.role", id.account(), resource[1]);
        }
        if (resource.length >= 2 && resource[0].equals("role")) {
            return m.text("settings.source.check.role", id.account(), resource[resource.length - 1]);
        }
        if (resource.length >= 2 && resource[0].equals("user")) {
            return m.text("settings.source.check.user", id.account(), resource[resource.length - 1]);
        }
        return m.text("settings.source.check.other", id.account(), id.principal());
    }

    /**
     * The settings to save, or empty with {@link #problemProperty()} saying why not: AWS needs an environment, and
     * an import needs a .csv or .json file that exists. What is not used by the chosen kind is kept as it is.
     */
    public Optional<SourceSettings> result() {
        String file = importFile.get() == null ? "" : importFile.get().strip();
        String refused = switch (kind.get()) {
            case DEMO -> null;
            case AWS -> environments.isEmpty() ? m.text("environment.none") : null;
            case IMPORT -> checkFile(file);
        };
        problem.set(refused == null ? "" : refused);
        if (refused != null) {
            return Optional.empty();
        }
        return Optional.of(original.withKind(kind.get()).withEnvironments(environments).withImportFile(file));
    }

    private String checkFile(String file) {
        if (file.isEmpty()) {
            return m.text("settings.source.import.none");
        }
        String lower = file.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".csv") && !lower.endsWith(".json")) {
            return m.text("problem.importFileType", file);
        }
        try {
            if (Files.isRegularFile(Path.of(file))) {
                return null;
            }
        } catch (InvalidPathException e) {
            // not a path this system can have: it does not exist either
        }
        return m.text("settings.source.import.missing", file);
    }
}
