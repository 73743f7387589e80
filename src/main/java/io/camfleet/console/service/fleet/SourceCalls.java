package io.camfleet.console.service.fleet;

/**
 * What one part of a source (an AWS environment) cost in calls at the last load, for the status bar.
 *
 * @param part        the environment's label
 * @param total       calls made
 * @param byOperation the calls by operation, the most made first: "SearchIndex 4, ListMetrics 1"
 * @param path        how the part was read, a name the messages know as {@code sync.path.NAME}
 * @param readAllBecause why an incremental sync read everything instead of only the changes; null when it did not
 */
public record SourceCalls(String part, int total, String byOperation, String path,
                          io.camfleet.console.service.common.Problem readAllBecause) {

    public SourceCalls(String part, int total, String byOperation, String path) {
        this(part, total, byOperation, path, null);
    }
}
