package io.camfleet.console.service.kpi;

import io.camfleet.console.domain.availability.Grouping;
import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.service.availability.AvailabilityFigures;
import io.camfleet.console.service.fleet.FleetInventory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The KPIs the dashboard and {@code camfleet kpi} show: DORA from the deployment journal, alert figures from the
 * incident history, availability from the availability figures, and the fleet's composition. The incident history,
 * the availability figures and the images catalogue are other capabilities' parts, looked up when asked: while one
 * is missing its figures are absent ({@link Optional#empty()}), never made up.
 */
public final class KpiService {

    private final DoraCalculator dora;
    private final Supplier<Optional<IncidentHistory>> incidents;
    private final Supplier<Optional<AvailabilityFigures>> availability;
    private final Supplier<Optional<ImageBuildDates>> images;
    private final Clock clock;

    public KpiService(DoraCalculator dora, Supplier<Optional<IncidentHistory>> incidents,
                      Supplier<Optional<AvailabilityFigures>> availability,
                      Supplier<Optional<ImageBuildDates>> images, Clock clock) {
        this.dora = dora;
        this.incidents = incidents;
        this.availability = availability;
        this.images = images;
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    public DoraFigures dora(Period period) {
        return dora.over(period);
    }

    /** Empty when no incident history is registered: "no incident data". */
    public Optional<AlertFigures> alerts(Period period) {
        return incidents.get().map(h -> AlertFigures.of(period, h.raisedBetween(period.from(), period.to())));
    }

    /** Empty when no availability figures are registered. */
    public Optional<AvailabilityFigures> availability() {
        return availability.get();
    }

    /** Whether each customer and region met its SLA; empty when no availability figures are registered. */
    public Optional<SlaAttainment> attainment(Period period) {
        return availability.get().map(f -> SlaAttainment.of(f, period));
    }

    /** Uptime per day, fleet-wide and per region or customer; empty when no availability figures are registered. */
    public Optional<AvailabilityTrend> trend(Period period, Grouping grouping) {
        return availability.get().map(f -> AvailabilityTrend.of(f, period, grouping));
    }

    public FleetComposition composition(FleetInventory fleet) {
        return FleetComposition.of(fleet, images.get().orElse(image -> Optional.empty()),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    }
}
