package io.camfleet.console.domain.deploy;

import io.camfleet.console.domain.fleet.SlaTier;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a deployment touches, the content of its dry run: per wave and in total, the number of targets, the sites
 * and customers touched and the targets per SLA tier.
 */
public record BlastRadius(List<Reach> waves, Reach total) {

    /**
     * What one wave (or the whole deployment) touches.
     *
     * @param waveIndex     the wave's index, or -1 for the total
     * @param siteNames     the names of the sites touched, sorted
     * @param customers     the customers touched, sorted; an unnamed customer is left out
     * @param targetsByTier targets per SLA tier, in tier order, only tiers touched
     */
    public record Reach(int waveIndex, boolean canary, int targets, int sites, List<String> siteNames,
                        List<String> customers, Map<SlaTier, Integer> targetsByTier) {

        public Reach {
            siteNames = List.copyOf(siteNames);
            customers = List.copyOf(customers);
            // keeps tier order: an unmodifiable view of an EnumMap, not Map.copyOf
            targetsByTier = Collections.unmodifiableMap(new EnumMap<>(targetsByTier));
        }
    }

    public BlastRadius {
        waves = List.copyOf(waves);
    }

    /**
     * The blast radius of {@code waves}, looking the targets up in {@code targetsById}.
     *
     * @throws IllegalArgumentException when a wave names a camera the map does not hold
     */
    public static BlastRadius of(List<Wave> waves, Map<String, PlanTarget> targetsById) {
        List<Reach> perWave = waves.stream()
                .map(w -> reach(w.index(), w.canary(), lookUp(w.cameraIds(), targetsById)))
                .toList();
        List<PlanTarget> all = lookUp(waves.stream().flatMap(w -> w.cameraIds().stream()).toList(), targetsById);
        return new BlastRadius(perWave, reach(-1, false, all));
    }

    private static List<PlanTarget> lookUp(List<String> ids, Map<String, PlanTarget> targetsById) {
        List<String> missing = ids.stream().filter(id -> !targetsById.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("The plan names cameras that are not among the targets: "
                    + String.join(", ", missing) + ".");
        }
        return ids.stream().map(targetsById::get).toList();
    }

    private static Reach reach(int index, boolean canary, Collection<PlanTarget> targets) {
        Set<String> siteIds = targets.stream().map(PlanTarget::siteId).collect(Collectors.toSet());
        Set<String> siteNames = targets.stream().map(PlanTarget::siteName).collect(Collectors.toCollection(TreeSet::new));
        Set<String> customers = targets.stream().map(PlanTarget::customer).filter(c -> !c.isBlank())
                .collect(Collectors.toCollection(TreeSet::new));
        Map<SlaTier, Integer> byTier = new EnumMap<>(SlaTier.class);
        targets.forEach(t -> byTier.merge(t.slaTier(), 1, Integer::sum));
        return new Reach(index, canary, targets.size(), siteIds.size(), List.copyOf(siteNames),
                List.copyOf(customers), byTier);
    }
}
