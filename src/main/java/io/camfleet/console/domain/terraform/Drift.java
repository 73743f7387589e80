package io.camfleet.console.domain.terraform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drift hints: the managed resources of a state, of the kinds the console knows, that AWS no longer has, and the AWS
 * resources tagged as managed that the state does not hold. Hints, not a plan: Terraform alone knows the full diff.
 */
public final class Drift {

    private Drift() {
    }

    /**
     * @param state the environment's state
     * @param live  what AWS holds now, of every {@link LiveKind}, gone ones included (terminated instances)
     * @param tag   the tag that marks an AWS resource as managed
     * @return the hints, those missing in AWS first, then by type and id
     */
    public static List<DriftHint> hints(TerraformState state, List<LiveResource> live, ManagedTag tag) {
        Map<LiveKind, Map<String, LiveResource>> byId = new EnumMap<>(LiveKind.class);
        for (LiveResource r : live) {
            byId.computeIfAbsent(r.kind(), k -> new HashMap<>()).put(r.id(), r);
        }
        List<DriftHint> hints = new ArrayList<>();
        Map<LiveKind, Set<String>> inState = new EnumMap<>(LiveKind.class);
        for (StateResource r : state.resources()) {
            if (!r.managed() || r.id().isEmpty()) {
                continue;
            }
            LiveKind.ofType(r.type()).ifPresent(kind -> {
                inState.computeIfAbsent(kind, k -> new HashSet<>()).add(r.id());
                LiveResource there = byId.getOrDefault(kind, Map.of()).get(r.id());
                if (there == null || !there.exists()) {
                    hints.add(new DriftHint(DriftHint.Kind.MISSING_IN_AWS, r.type(), r.id(), r.address(),
                            there == null ? "" : there.state()));
                }
            });
        }
        for (LiveResource r : live) {
            if (r.exists() && tag.marks(r.tags()) && !inState.getOrDefault(r.kind(), Set.of()).contains(r.id())) {
                hints.add(new DriftHint(DriftHint.Kind.NOT_IN_STATE, r.kind().terraformTypes().getFirst(), r.id(),
                        "", tag.key() + "=" + r.tags().get(tag.key())));
            }
        }
        hints.sort(Comparator.comparing(DriftHint::kind).thenComparing(DriftHint::type).thenComparing(DriftHint::id));
        return hints;
    }
}
