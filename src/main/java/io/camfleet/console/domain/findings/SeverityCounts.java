package io.camfleet.console.domain.findings;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/** How many findings there are of each severity, every severity present (zero if none). */
public record SeverityCounts(Map<Severity, Integer> counts) {

    public SeverityCounts {
        EnumMap<Severity, Integer> all = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            all.put(s, counts.getOrDefault(s, 0));
        }
        counts = java.util.Collections.unmodifiableMap(all);
    }

    public static SeverityCounts of(Collection<Finding> findings) {
        EnumMap<Severity, Integer> n = new EnumMap<>(Severity.class);
        findings.forEach(f -> n.merge(f.severity(), 1, Integer::sum));
        return new SeverityCounts(n);
    }

    public int of(Severity s) {
        return counts.get(s);
    }

    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
