package io.camfleet.console.service.tracker;

import java.util.Objects;

/**
 * A ticket's issue in the tracker.
 *
 * @param key    the tracker's key, e.g. {@code SUP-42}
 * @param url    where a person opens it in a browser
 * @param status its status when it was read
 */
public record ExternalIssue(String key, String url, ExternalStatus status) {

    public ExternalIssue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(status, "status");
    }
}
