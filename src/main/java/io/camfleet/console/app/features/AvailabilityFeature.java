package io.camfleet.console.app.features;

import io.camfleet.console.adapter.sim.DemoFleetSource;
import io.camfleet.console.cli.AvailabilityCommand;
import io.camfleet.console.service.availability.AvailabilityFigures;
import io.camfleet.console.service.availability.AvailabilityService;
import io.camfleet.console.service.availability.AvailabilitySettings;
import io.camfleet.console.service.availability.HealthHistory;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.fleet.FleetInventory;
import io.camfleet.console.service.fleet.FleetService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Supplier;

/**
 * Availability: the figures of cameras, sites, customers, regions and environments from the health history, by the
 * rule and SLA targets of Settings (section "availability"), for the dashboard, the rollout guard, the alerts and
 * {@code camfleet availability}. A new cache on the demo fleet is given the demo's past, so that its figures are
 * plausible at once.
 */
public final class AvailabilityFeature implements Feature {

    private static final Logger LOG = LoggerFactory.getLogger(AvailabilityFeature.class);

    @Override
    public void open(OpenFolder folder, FolderParts.Builder parts) {
        var settings = SettingsFile.in(folder.folder().path());
        Supplier<AvailabilitySettings> current = () -> settings.read().get(AvailabilitySettings.SECTION);
        HealthHistory history = folder.database().healthHistory();
        history.keepDays(() -> current.get().retentionDays());
        var fleet = parts.reference(FleetService.class);
        AvailabilityService service = new AvailabilityService(history,
                () -> fleet.get().map(f -> f.current().inventory()).orElse(FleetInventory.EMPTY), current);
        parts.add(AvailabilityFigures.class, () -> service);
        parts.reference(FleetSources.class).get().ifPresent(sources -> {
            if (sources.source() instanceof DemoFleetSource demo) {
                backfill(demo, history, folder);
            }
        });
    }

    /** The demo fleet's past, into a new cache; a failure only costs the new user the past's figures. */
    private static void backfill(DemoFleetSource demo, HealthHistory history, OpenFolder folder) {
        try {
            if (history.firstObserved().isEmpty()
                    && demo.backfill(history, folder.clock().instant(), DemoFleetSource.HISTORY)) {
                LOG.info("Gave the new cache {} days of the demo fleet's health history",
                        DemoFleetSource.HISTORY.toDays());
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not write the demo fleet's health history; availability starts from now", e);
        }
    }

    @Override
    public List<Object> commands(Messages m) {
        return List.of(new AvailabilityCommand(m));
    }
}
