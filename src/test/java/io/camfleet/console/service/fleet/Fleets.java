package io.camfleet.console.service.fleet;

import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.InMemoryAuditAnchor;
import io.camfleet.console.service.audit.InMemoryAuditTrail;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.HealthRules;
import io.camfleet.console.domain.fleet.OperatingMode;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;

import java.time.Clock;
import java.time.Instant;

/** Small hand-made fleets for tests. */
public final class Fleets {

    private Fleets() {
    }

    public static Site site(String id, String name, String customer, String country, String region) {
        return new Site(id, name, customer, country, region, 52.0, 4.0, "Europe/Amsterdam", SlaTier.GOLD,
                "Sun 02:00-04:00");
    }

    /** A site synced from the AWS environment labelled {@code environment}. */
    public static Site site(String id, String name, String customer, String country, String region,
                            String environment) {
        return new Site(id, name, customer, country, region, 52.0, 4.0, "Europe/Amsterdam", SlaTier.GOLD,
                "Sun 02:00-04:00", environment);
    }

    public static CameraSystem camera(String id, String siteId, String version) {
        return new CameraSystem(id, siteId, "cam-" + id.toLowerCase(), "10.0.0.1", "", "", "", "camos-24.04",
                version);
    }

    /** A fleet service over {@code source} with no cache, the default health rules and an in-memory audit trail. */
    public static FleetService uncached(FleetSource source, Clock clock) {
        return new FleetService(source, new NoFleetCache(), HealthRules.DEFAULT, clock,
                new AuditService(new InMemoryAuditTrail(), new InMemoryAuditAnchor(), new Operator("t", ""), clock));
    }

    /** As {@link #uncached(FleetSource, Clock)}, judging sites by {@code rule}. */
    public static FleetService uncached(FleetSource source, Clock clock, SiteDownRule rule) {
        return new FleetService(source, new NoFleetCache(), HealthRules.DEFAULT, clock,
                new AuditService(new InMemoryAuditTrail(), new InMemoryAuditAnchor(), new Operator("t", ""), clock),
                rule);
    }

    public static CameraTelemetry beating(Instant at) {
        return new CameraTelemetry(at, OperatingMode.NORMAL, 600.0, 40.0, 45.0);
    }
}
