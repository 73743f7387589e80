package io.camfleet.console.service.timeline;

import io.camfleet.console.domain.timeline.SiteEvent;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Port: one source of a site's timeline (health changes, alerts, deployments, image changes, config backups and
 * restores, tickets, audit events).
 */
public interface SiteHistorySource {

    /**
     * The events of the site {@code siteId} (whose camera systems are {@code cameraIds}) from {@code from}
     * (inclusive) to {@code to} (exclusive), in any order, at most {@code limit} of them, the latest kept.
     */
    List<SiteEvent> events(String siteId, Set<String> cameraIds, Instant from, Instant to, int limit);
}
