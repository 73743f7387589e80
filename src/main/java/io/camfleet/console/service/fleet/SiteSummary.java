package io.camfleet.console.service.fleet;

import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SiteHealth;

import java.time.Instant;

/** A site as the table and map show it at one moment: its profile, its health and its latest heartbeat. */
public record SiteSummary(SiteProfile profile, SiteHealth health, Instant lastHeartbeat) {

    public Site site() {
        return profile.site();
    }

    public String id() {
        return profile.site().id();
    }
}
