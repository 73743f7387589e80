package io.camfleet.console.service.availability;

import io.camfleet.console.domain.availability.Availability;
import io.camfleet.console.domain.availability.AvailabilityCalculator;
import io.camfleet.console.domain.availability.CameraHistory;
import io.camfleet.console.domain.availability.Grouping;
import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.domain.availability.SiteFigures;
import io.camfleet.console.domain.availability.StateSpan;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.service.fleet.FleetInventory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Availability from the stored health history, by the rule and targets in force (read from the settings at each
 * question, so that a change in Settings shows at once), for the sites and cameras of the fleet as it is now.
 *
 * <p>Memory stays bounded at 100,000 cameras: the period's spans are read into primitive arrays ({@link SpanTable}),
 * sorted by camera, and turned into objects one site at a time; only the figures asked for are kept.
 */
public final class AvailabilityService implements AvailabilityFigures {

    private final HealthHistory history;
    private final Supplier<FleetInventory> fleet;
    private final Supplier<AvailabilitySettings> settings;

    /**
     * @param fleet    the fleet's sites and cameras now (what figures are given for)
     * @param settings the availability settings, read at each question
     */
    public AvailabilityService(HealthHistory history, Supplier<FleetInventory> fleet,
                               Supplier<AvailabilitySettings> settings) {
        this.history = history;
        this.fleet = fleet;
        this.settings = settings;
    }

    @Override
    public SiteDownRule rule() {
        return settings.get().rule();
    }

    @Override
    public List<Availability> by(Grouping grouping, Period period) {
        Map<String, List<Availability>> groups = new TreeMap<>();
        List<Availability> out = new ArrayList<>();
        compute(period, null, (site, figures) -> {
            switch (grouping) {
                case CAMERA -> out.addAll(figures.cameras());
                case SITE -> out.add(figures.site());
                case CUSTOMER -> groups.computeIfAbsent(site.customer(), k -> new ArrayList<>()).add(figures.site());
                case REGION -> groups.computeIfAbsent(site.region(), k -> new ArrayList<>()).add(figures.site());
                case ENVIRONMENT -> groups.computeIfAbsent(site.environment().isEmpty() ? "(none)"
                        : site.environment(), k -> new ArrayList<>()).add(figures.site());
            }
        });
        groups.forEach((subject, sites) -> out.add(AvailabilityCalculator.sum(grouping, subject, period, sites)));
        return out;
    }

    @Override
    public Map<String, Availability> sites(Collection<String> siteIds, Period period) {
        Map<String, Availability> out = new LinkedHashMap<>();
        compute(period, new HashSet<>(siteIds), (site, figures) -> out.put(site.id(), figures.site()));
        return out;
    }

    private interface SiteSink {
        void accept(Site site, SiteFigures figures);
    }

    /** Sweeps the fleet site by site (those in {@code only}, or all), handing each site's figures to {@code sink}. */
    private void compute(Period period, Set<String> only, SiteSink sink) {
        AvailabilitySettings now = settings.get();
        AvailabilityCalculator calculator = new AvailabilityCalculator(now.rule(), now.targets());
        FleetInventory inventory = fleet.get();
        CameraLives lives = CameraLives.read(history, inventory, period);
        SpanTable spans = SpanTable.read(history, period, lives);
        List<Availability.Span> observed = history.observed(period).stream()
                .map(o -> new Availability.Span(Instant.ofEpochSecond(o.start()), Instant.ofEpochSecond(o.end())))
                .toList();
        for (int s = 0; s < inventory.siteCount(); s++) {
            Site site = inventory.profiles().get(s).site();
            if (only != null && !only.contains(site.id())) {
                continue;
            }
            List<CameraHistory> cameras = new ArrayList<>();
            for (int c : lives.camerasOf(s)) {
                List<StateSpan> own = spans.of(c);
                cameras.add(new CameraHistory(lives.id(c), site.id(), lives.firstSeen(c), lives.lastSeen(c), own));
            }
            if (cameras.isEmpty()) {
                continue; // a site with no camera has nothing to be available with
            }
            sink.accept(site, calculator.site(site, cameras, observed, period));
        }
    }
}
