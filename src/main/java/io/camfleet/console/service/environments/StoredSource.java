package io.camfleet.console.service.environments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@link SourceSettings} as kept in the settings file: AWS profile names and regions, a file path; never a secret.
 * What the file lacks is as {@link SourceSettings#DEMO} has it; an environment that no longer passes the checks
 * Settings makes (edited by hand, say) makes the whole section unreadable, rather than leaving it out in silence.
 */
record StoredSource(String kind, List<Env> environments, String importFile, Metrics metrics) {

    record Env(String label, String profile, String region, String endpoint, String eventsQueue) {
    }

    record Metrics(String namespace, String dimension, String heartbeat, String frames, String diskUsed,
                   String temperature) {
    }

    static StoredSource of(SourceSettings s) {
        List<Env> envs = s.environments().stream().map(e -> new Env(e.label(), e.profile(), e.region(),
                e.endpoint() == null ? null : e.endpoint().toString(),
                e.eventsQueue() == null ? null : e.eventsQueue().toString())).toList();
        MetricNames m = s.metrics();
        return new StoredSource(s.kind().name(), envs, s.importFile(), new Metrics(m.namespace(), m.dimension(),
                m.heartbeat(), m.frames(), m.diskUsed(), m.temperature()));
    }

    SourceSettings settings() {
        List<Environment> envs = new ArrayList<>();
        for (Env e : environments == null ? List.<Env>of() : environments) {
            if (e == null) {
                throw new IllegalArgumentException("An environment in the list is empty (null).");
            }
            envs.add(Environment.of(e.label, e.profile, e.region, e.endpoint, e.eventsQueue));
        }
        return new SourceSettings(sourceKind(), envs, importFile, metricNames());
    }

    private SourceSettings.Kind sourceKind() {
        if (kind == null) {
            return SourceSettings.Kind.DEMO;
        }
        try {
            return SourceSettings.Kind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The fleet source kind '" + kind + "' is none of "
                    + Arrays.toString(SourceSettings.Kind.values()) + ".");
        }
    }

    private MetricNames metricNames() {
        if (metrics == null) {
            return MetricNames.DEFAULT;
        }
        MetricNames d = MetricNames.DEFAULT;
        return new MetricNames(or(metrics.namespace, d.namespace()), or(metrics.dimension, d.dimension()),
                or(metrics.heartbeat, d.heartbeat()), or(metrics.frames, d.frames()),
                or(metrics.diskUsed, d.diskUsed()), or(metrics.temperature, d.temperature()));
    }

    private static String or(String value, String otherwise) {
        return value == null ? otherwise : value;
    }
}
