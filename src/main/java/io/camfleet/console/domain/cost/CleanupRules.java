package io.camfleet.console.domain.cost;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds the cleanup hints in an account's inventory, each priced by the table. */
public final class CleanupRules {

    private CleanupRules() {
    }

    /**
     * @param cameraImages the image ids the fleet's cameras run (an image they use is never "unused")
     * @return the hints, the costliest first
     */
    public static List<CleanupHint> hints(String environment, Ec2Inventory inv, Set<String> cameraImages,
                                          PriceTable prices) {
        List<CleanupHint> hints = new ArrayList<>();
        Map<String, Ec2Inventory.Volume> volumes = new HashMap<>();
        for (Ec2Inventory.Volume v : inv.volumes()) {
            volumes.put(v.id(), v);
            if (!v.attached()) {
                hints.add(new CleanupHint(CleanupHint.Kind.UNATTACHED_VOLUME, environment, v.id(),
                        v.type() + " " + v.sizeGb() + " GB", v.sizeGb(), prices.volume(v.type(), v.sizeGb())));
            }
        }
        Set<String> images = new HashSet<>(inv.othersImages());
        inv.images().forEach(i -> images.add(i.id()));
        Map<String, Integer> snapshotSizes = new HashMap<>();
        for (Ec2Inventory.Snapshot s : inv.snapshots()) {
            snapshotSizes.put(s.id(), s.sizeGb());
            if (!s.imageId().isEmpty() && !images.contains(s.imageId())) {
                hints.add(new CleanupHint(CleanupHint.Kind.ORPHAN_SNAPSHOT, environment, s.id(), s.imageId(),
                        s.sizeGb(), prices.snapshot(s.sizeGb())));
            }
        }
        Set<String> run = new HashSet<>(cameraImages);
        for (Ec2Inventory.Instance i : inv.instances()) {
            run.add(i.imageId());
            if (i.state().equals("stopped")) {
                int size = 0;
                BigDecimal monthly = BigDecimal.ZERO;
                for (String id : i.volumeIds()) {
                    Ec2Inventory.Volume v = volumes.get(id);
                    if (v != null) {
                        size += v.sizeGb();
                        monthly = monthly.add(prices.volume(v.type(), v.sizeGb()));
                    }
                }
                hints.add(new CleanupHint(CleanupHint.Kind.STOPPED_INSTANCE, environment, i.id(), i.imageId(),
                        size, monthly));
            }
        }
        for (Ec2Inventory.Image image : inv.images()) {
            if (!run.contains(image.id())) {
                int size = image.snapshotIds().stream().mapToInt(id -> snapshotSizes.getOrDefault(id, 0)).sum();
                hints.add(new CleanupHint(CleanupHint.Kind.UNUSED_IMAGE, environment, image.id(), image.name(),
                        size, prices.snapshot(size)));
            }
        }
        hints.sort(Comparator.comparing(CleanupHint::monthly).reversed()
                .thenComparing(CleanupHint::resource));
        return hints;
    }
}
