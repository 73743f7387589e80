package io.camfleet.console.service;

import java.util.List;

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
}
