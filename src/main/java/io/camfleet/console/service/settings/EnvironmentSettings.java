package io.camfleet.console.service.settings;

import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.common.Problem;
import java.nio.file.Path;
import java.util.List;

/**
 * The AWS environments of a data folder and the fleet source it was last filled from, as they are kept in its
 * settings: the same ones Settings shows, changed by the command line with the same checks. Each change reads the
 * settings afresh and is on disk when it returns; settings that cannot be read are never overwritten.
 */
public final class EnvironmentSettings {

    private final SettingsStore store;

    public EnvironmentSettings(SettingsStore store) {
        this.store = store;
    }

    /**
     * Where the fleet comes from, with every configured environment.
     *
     * @throws Problem naming the file and where, when its fleet source cannot be read
     */
    public SourceSettings source() {
        return store.read().require(SourceSettings.SECTION);
    }

    public List<Environment> environments() {
        return source().environments();
    }

    /**
     * The environment labelled {@code label}.
     *
     * @throws Problem of kind BAD_INPUT naming the labels there are
     */
    public Environment named(String label) {
        SourceSettings source = source();
        return source.environment(label).orElseThrow(() -> unknown(label, source));
    }

    /**
     * Adds an environment, as Settings' Add does.
     *
     * @throws Problem of kind BAD_INPUT when another environment has its label, in any case
     */
    public void add(Environment e) {
        change(source().withEnvironment(null, e));
    }

    /**
     * Adds an environment, or puts it in place of the one with the same label.
     *
     * @throws Problem of kind BAD_INPUT when another environment has its label in another case
     */
    public void put(Environment e) {
        SourceSettings source = source();
        change(source.withEnvironment(source.environment(e.label()).orElse(null), e));
    }

    /**
     * Removes the environment labelled {@code label}; its rows leave the cache at the next sync.
     *
     * @return the environment removed
     * @throws Problem of kind BAD_INPUT when there is none
     */
    public Environment remove(String label) {
        SourceSettings source = source();
        Environment gone = source.environment(label).orElseThrow(() -> unknown(label, source));
        change(source.withEnvironments(source.environments().stream().filter(e -> !e.equals(gone)).toList()));
        return gone;
    }

    /** The folder's fleet now comes from its AWS environments: the window opens on them. */
    public void syncedFromAws() {
        change(source().withKind(SourceSettings.Kind.AWS));
    }

    /** The folder's fleet now comes from the registry {@code file}: the window opens on it. */
    public void importedFrom(Path file) {
        change(source().withKind(SourceSettings.Kind.IMPORT).withImportFile(file.toAbsolutePath().toString()));
    }

    private void change(SourceSettings next) {
        store.write(SourceSettings.SECTION, next);
    }

    private static Problem unknown(String label, SourceSettings source) {
        if (source.environments().isEmpty()) {
            return Problem.badInput("env.none");
        }
        return Problem.badInput("env.unknown", label,
                String.join(", ", source.environments().stream().map(Environment::label).toList()));
    }
}
