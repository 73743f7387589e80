package io.camfleet.console.app.features;

import io.camfleet.console.service.store.FleetStore;
import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.domain.fleet.HealthRules;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.environments.EnvironmentsFleetSource;
import io.camfleet.console.service.fleet.FleetService;
import io.camfleet.console.service.fleet.FleetSource;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/** The fleet of an open data folder and the source it comes from, which Settings can switch. */
public final class FleetSources {

    private final FleetStore cache;
    private final Clock clock;
    private final AuditService audit;
    private volatile FleetSource source;
    private volatile FleetService fleet;
    private volatile SiteDownRule siteRule;

    FleetSources(FleetStore cache, Clock clock, AuditService audit, Function<FleetStore, FleetSource> source,
                 SiteDownRule siteRule) {
        this.siteRule = siteRule;
        this.cache = cache;
        this.clock = clock;
        this.audit = audit;
        use(source.apply(cache));
    }

    private void use(FleetSource next) {
        source = next;
        fleet = new FleetService(next, cache, HealthRules.DEFAULT, clock, audit, siteRule);
    }

    /** Judges the sites by {@code rule} from now on, this fleet and any a later switch builds (Settings). */
    public synchronized void useSiteRule(SiteDownRule rule) {
        siteRule = rule;
        fleet.useSiteRule(rule);
    }

    public FleetService fleet() {
        return fleet;
    }

    /** The source the fleet comes from now. */
    FleetSource source() {
        return source;
    }

    /** The AWS environments the fleet is synced from, or null when that is not its source. */
    EnvironmentsFleetSource environments() {
        return source instanceof EnvironmentsFleetSource aws ? aws : null;
    }

    /**
     * Moves the fleet to another source (Settings): a new fleet service over the same cache, recorded in the audit
     * trail. The caller stops using the old service.
     *
     * @throws io.camfleet.console.service.common.Problem when the new source cannot be built (no environment, say)
     */
    public synchronized FleetService switchSource(Function<FleetStore, FleetSource> next) {
        FleetSource built = next.apply(cache);
        audit.perform(AuditActions.FLEET_SOURCE, built.name(), Map.of("from", source.name()), () -> {
            use(built);
            return null;
        });
        return fleet;
    }
}
