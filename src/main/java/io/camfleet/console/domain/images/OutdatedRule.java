package io.camfleet.console.domain.images;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * When an image is outdated: older than {@code maxAgeDays} whole days, or (when {@code newerInLineage}) another image
 * of its lineage was created after it. An image is judged against the images of the same catalogue and region.
 *
 * @param maxAgeDays     the most whole days an image may be old and still current; 0 turns the age rule off
 * @param newerInLineage whether a newer image of the same lineage makes it outdated
 */
public record OutdatedRule(int maxAgeDays, boolean newerInLineage) {

    public static final OutdatedRule DEFAULTS = new OutdatedRule(90, true);

    public OutdatedRule {
        if (maxAgeDays < 0) {
            throw new IllegalArgumentException("maxAgeDays " + maxAgeDays);
        }
    }

    /** Why an image is outdated; {@link #current()} when it is not. */
    public record Verdict(boolean tooOld, String newerImageId) {

        public static Verdict current() {
            return new Verdict(false, "");
        }

        public boolean outdated() {
            return tooOld || !newerImageId.isEmpty();
        }
    }

    /**
     * @param sameLineage the images of its lineage (it may be among them); a failed or deregistered one does not count
     *                    as newer
     */
    public Verdict judge(MachineImage image, Collection<MachineImage> sameLineage, Instant now) {
        boolean tooOld = maxAgeDays > 0 && image.ageDays(now) > maxAgeDays;
        String newer = "";
        if (newerInLineage) {
            Optional<MachineImage> newest = sameLineage.stream()
                    .filter(i -> !i.id().equals(image.id()))
                    .filter(i -> "available".equals(i.state()))
                    .filter(i -> i.created().isAfter(image.created()))
                    .max(Comparator.comparing(MachineImage::created));
            newer = newest.map(MachineImage::id).orElse("");
        }
        return new Verdict(tooOld, newer);
    }
}
