package io.camfleet.console.service.environments;

import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.SettingsSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the fleet comes from, as set in Settings: the demo, AWS environments, or an imported registry file.
 *
 * @param environments the AWS environments, used when {@code kind} is AWS (kept when another kind is chosen)
 * @param importFile   the registry file, used when {@code kind} is IMPORT; empty when none was chosen
 * @param metrics      where health metrics live in CloudWatch
 */
public record SourceSettings(Kind kind, List<Environment> environments, String importFile, MetricNames metrics) {

    public enum Kind {
        DEMO,
        AWS,
        IMPORT
    }

    public static final SourceSettings DEMO = new SourceSettings(Kind.DEMO, List.of(), "", MetricNames.DEFAULT);

    /** The fleet source's part of the settings file. */
    public static final SettingsSection<SourceSettings> SECTION =
            SettingsSection.of("source", DEMO, StoredSource.class, StoredSource::settings, StoredSource::of);

    public SourceSettings {
        kind = kind == null ? Kind.DEMO : kind;
        environments = environments == null ? List.of() : List.copyOf(environments);
        importFile = importFile == null ? "" : importFile;
        metrics = metrics == null ? MetricNames.DEFAULT : metrics;
    }

    public SourceSettings withKind(Kind k) {
        return new SourceSettings(k, environments, importFile, metrics);
    }

    public SourceSettings withEnvironments(List<Environment> e) {
        return new SourceSettings(kind, e, importFile, metrics);
    }

    public SourceSettings withImportFile(String file) {
        return new SourceSettings(kind, environments, file, metrics);
    }

    /**
     * These settings with {@code e} in place of {@code replacing}, or added at the end when {@code replacing} is
     * null or not there.
     *
     * @throws Problem of kind BAD_INPUT when another environment already has {@code e}'s label
     */
    public SourceSettings withEnvironment(Environment replacing, Environment e) {
        checkLabelFree(environments, replacing, e);
        List<Environment> next = new ArrayList<>(environments);
        int at = replacing == null ? -1 : next.indexOf(replacing);
        if (at < 0) {
            next.add(e);
        } else {
            next.set(at, e);
        }
        return withEnvironments(next);
    }

    /** The environment labelled {@code label}, if these settings have one. */
    public Optional<Environment> environment(String label) {
        return environments.stream().filter(e -> e.label().equals(label)).findFirst();
    }

    /**
     * Checks that no environment of {@code environments} but {@code replacing} has {@code e}'s label, in any case:
     * labels name records and filter chips, and two that differ only in case would read as one.
     *
     * @throws Problem of kind BAD_INPUT naming the label
     */
    public static void checkLabelFree(List<Environment> environments, Environment replacing, Environment e) {
        for (Environment other : environments) {
            if (!other.equals(replacing) && other.label().equalsIgnoreCase(e.label())) {
                throw Problem.badInput("environment.duplicate", e.label());
            }
        }
    }
}
