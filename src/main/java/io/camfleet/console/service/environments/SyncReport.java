package io.camfleet.console.service.environments;

import io.camfleet.console.service.common.Problem;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a sync of one environment did.
 *
 * @param sites     sites the environment has now
 * @param cameras   camera systems it has now
 * @param unplaced  sites without usable coordinates (listed, never drawn at 0/0)
 * @param removed   sites and cameras that were cached but are gone from the environment
 * @param written   rows written to the cache (all of them in a full sync; only what changed in an incremental one)
 * @param pages     pages read and written
 * @param throttled calls the source throttled and the SDK retried
 * @param warnings  what could not be read, though the rest was (health metrics refused, say)
 * @param calls     calls made to the source, by operation, in the order first made
 * @param path      how the inventory was read
 * @param readAllBecause why an incremental sync read everything instead of only the changes; null when it did not
 *                  (or when a full sync was asked for)
 */
public record SyncReport(String environment, boolean full, int sites, int cameras, int unplaced, int removed,
                         int written, int pages, int throttled, Duration took, List<Problem> warnings,
                         Map<String, Integer> calls, Path path, Problem readAllBecause) {

    /** How an environment's inventory is read: the cost of a sync depends on it. */
    public enum Path {
        /** Paged fleet-index queries: a few calls however many sites. */
        FLEET_INDEX,
        /** The registry's listings, group by group: calls grow with the sites. */
        REGISTRY,
        /** Only what the registry's events say changed, from their queue: calls grow with the changes. */
        REGISTRY_EVENTS,
        /** The reader did not say. */
        UNKNOWN
    }

    /** A report of a sync that read what it set out to. */
    public SyncReport(String environment, boolean full, int sites, int cameras, int unplaced, int removed,
                      int written, int pages, int throttled, Duration took, List<Problem> warnings,
                      Map<String, Integer> calls, Path path) {
        this(environment, full, sites, cameras, unplaced, removed, written, pages, throttled, took, warnings, calls,
                path, null);
    }

    public SyncReport {
        warnings = List.copyOf(warnings);
        calls = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(calls));
    }

    /** The calls by operation, the most made first: "SearchIndex 200, ListMetrics 1". */
    public String callsByOperation() {
        return calls.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** All calls made, whatever the operation. */
    public int totalCalls() {
        return calls.values().stream().mapToInt(Integer::intValue).sum();
    }
}
