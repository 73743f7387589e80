package io.camfleet.console.domain.deploy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Cuts a deployment's targets into waves.
 *
 * <ul>
 *   <li>The canary is the first targets of the rollout order: the given order for sized waves; for explicit
 *       lists, the lists in order and then the targets they leave out. A percentage canary rounds up to at least
 *       one host ({@link HostCount#hostsOf}).</li>
 *   <li>Sized waves: every wave after the canary has the size (a percentage of <em>all</em> targets, rounded up,
 *       at least one host), the last takes what is left.</li>
 *   <li>Explicit lists must name only known targets and none twice; targets the canary already took are dropped
 *       from them, and the targets they leave out form a final wave.</li>
 * </ul>
 * Sites are not regrouped: waves follow the order given, so a caller that wants a site's cameras together sorts
 * the targets by site first. The maximum concurrency does not shape the waves; it limits how many of a wave's
 * targets are under way at once.
 */
public final class WavePlanner {

    private WavePlanner() {
    }

    /**
     * The waves for {@code targets} under {@code strategy}; no waves for no targets.
     *
     * @throws IllegalArgumentException when a camera id repeats among the targets, or explicit lists name unknown
     *                                  or repeated targets or hold an empty wave (the sentence lists them)
     */
    public static List<Wave> plan(List<PlanTarget> targets, Strategy strategy) {
        List<String> ids = targets.stream().map(PlanTarget::cameraId).toList();
        Set<String> known = new LinkedHashSet<>(ids);
        if (known.size() != ids.size()) {
            throw new IllegalArgumentException("These cameras are listed more than once among the targets: "
                    + repeated(ids) + ". Each target can be deployed to once.");
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        int total = ids.size();
        List<String> order = switch (strategy.waves()) {
            case WaveSizing.EachOf ignored -> ids;
            case WaveSizing.Explicit explicit -> explicitOrder(explicit, ids, known);
        };
        int canaryCount = strategy.canary().hostsOf(total);
        List<String> canary = order.subList(0, canaryCount);

        List<Wave> waves = new ArrayList<>();
        if (!canary.isEmpty()) {
            waves.add(new Wave(0, true, canary));
        }
        switch (strategy.waves()) {
            case WaveSizing.EachOf each -> {
                int size = each.size().hostsOf(total);
                for (int from = canaryCount; from < total; from += size) {
                    waves.add(new Wave(waves.size(), false, order.subList(from, Math.min(total, from + size))));
                }
            }
            case WaveSizing.Explicit explicit -> {
                Set<String> taken = new HashSet<>(canary);
                for (List<String> named : explicit.waves()) {
                    List<String> rest = named.stream().filter(id -> !taken.contains(id)).toList();
                    if (!rest.isEmpty()) {
                        waves.add(new Wave(waves.size(), false, rest));
                    }
                    taken.addAll(named);
                }
                List<String> leftovers = ids.stream().filter(id -> !taken.contains(id)).toList();
                if (!leftovers.isEmpty()) {
                    waves.add(new Wave(waves.size(), false, leftovers));
                }
            }
        }
        return List.copyOf(waves);
    }

    private static List<String> explicitOrder(WaveSizing.Explicit explicit, List<String> ids, Set<String> known) {
        List<String> named = explicit.waves().stream().flatMap(List::stream).toList();
        List<String> unknown = named.stream().filter(id -> !known.contains(id)).distinct().toList();
        List<String> repeated = repeated(named);
        List<Integer> empty = new ArrayList<>();
        for (int i = 0; i < explicit.waves().size(); i++) {
            if (explicit.waves().get(i).isEmpty()) {
                empty.add(i + 1);
            }
        }
        List<String> problems = new ArrayList<>();
        if (!unknown.isEmpty()) {
            problems.add("not among the targets: " + String.join(", ", unknown));
        }
        if (!repeated.isEmpty()) {
            problems.add("named in more than one place: " + String.join(", ", repeated));
        }
        if (!empty.isEmpty()) {
            problems.add("empty wave(s) number " + empty);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The explicit waves cannot be used: " + String.join("; ", problems)
                    + ". Name each target at most once and only targets of this deployment.");
        }
        List<String> order = new ArrayList<>(named);
        Set<String> namedSet = new HashSet<>(named);
        ids.stream().filter(id -> !namedSet.contains(id)).forEach(order::add);
        return order;
    }

    private static List<String> repeated(List<String> ids) {
        Set<String> seen = new HashSet<>();
        Set<String> twice = new LinkedHashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                twice.add(id);
            }
        }
        return List.copyOf(twice);
    }
}
