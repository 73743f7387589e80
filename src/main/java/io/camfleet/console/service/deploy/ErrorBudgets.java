package io.camfleet.console.service.deploy;

import io.camfleet.console.domain.availability.Availability;
import io.camfleet.console.domain.deploy.BudgetGuard;
import io.camfleet.console.domain.deploy.PlanTarget;
import io.camfleet.console.domain.deploy.Wave;
import io.camfleet.console.service.availability.AvailabilityFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The error budget left this month at the sites a deployment touches, as the availability figures have it: what the
 * dry run shows per wave and what the plan's guard weighs. Where no figures are kept, budgets are unknown, and are
 * said to be so; never made up.
 */
public final class ErrorBudgets {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorBudgets.class);

    /** No availability figures in this data folder: every budget is unknown. */
    public static final ErrorBudgets UNKNOWN = new ErrorBudgets(Optional::empty);

    private final Supplier<Optional<AvailabilityFigures>> figures;

    /** @param figures the availability figures of the open data folder, when a feature keeps them */
    public ErrorBudgets(Supplier<Optional<AvailabilityFigures>> figures) {
        this.figures = figures;
    }

    /**
     * The share of this month's budget left at each of {@code siteIds} (1.0 untouched, 0 spent, below 0 breached),
     * by site id; sites the figures do not know are absent. Empty when no figures are kept or they cannot be read.
     */
    public Optional<Map<String, Double>> leftThisMonth(Collection<String> siteIds, Instant now) {
        Optional<AvailabilityFigures> f = figures.get();
        if (f.isEmpty()) {
            return Optional.empty();
        }
        try {
            Map<String, Double> out = new HashMap<>();
            for (Map.Entry<String, Availability> e : f.get().budgetThisMonth(siteIds, now).entrySet()) {
                out.put(e.getKey(), e.getValue().budgetLeftFraction());
            }
            return Optional.of(out);
        } catch (RuntimeException e) { // the history cannot be read: the budgets are unknown, not full
            LOG.warn("The error budgets of {} sites could not be read", siteIds.size(), e);
            return Optional.empty();
        }
    }

    /** What the dry run shows of the budgets of {@code waves}, and the sites {@code guard} would hold back now. */
    public BudgetCheck check(List<Wave> waves, Map<String, PlanTarget> targets, BudgetGuard guard, Instant now) {
        Map<String, String> siteNames = new LinkedHashMap<>();
        targets.values().forEach(t -> siteNames.putIfAbsent(t.siteId(), t.siteName()));
        Optional<Map<String, Double>> left = leftThisMonth(siteNames.keySet(), now);
        if (left.isEmpty()) {
            return new BudgetCheck(false, guard, List.of(), List.of());
        }
        List<BudgetCheck.WaveBudget> perWave = new ArrayList<>();
        List<BudgetCheck.HeldSite> held = new ArrayList<>();
        for (Wave w : waves) {
            Map<String, Integer> camerasBySite = new LinkedHashMap<>();
            for (String camera : w.cameraIds()) {
                camerasBySite.merge(targets.get(camera).siteId(), 1, Integer::sum);
            }
            String lowest = null;
            int below = 0;
            int unknown = 0;
            for (Map.Entry<String, Integer> site : camerasBySite.entrySet()) {
                Double l = left.get().get(site.getKey());
                if (l == null) {
                    unknown++;
                    continue;
                }
                if (lowest == null || l < left.get().get(lowest)) {
                    lowest = site.getKey();
                }
                if (guard.below(l)) {
                    below++;
                    held.add(new BudgetCheck.HeldSite(site.getKey(), siteNames.get(site.getKey()), w.index(),
                            site.getValue(), l * 100.0));
                }
            }
            perWave.add(new BudgetCheck.WaveBudget(w.index(), camerasBySite.size(),
                    lowest == null ? Double.NaN : left.get().get(lowest) * 100.0,
                    lowest == null ? "" : siteNames.get(lowest), below, unknown));
        }
        return new BudgetCheck(true, guard, perWave, held);
    }
}
