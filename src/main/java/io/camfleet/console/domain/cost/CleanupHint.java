package io.camfleet.console.domain.cost;

import java.math.BigDecimal;

/**
 * Something that costs money each month and may be left over, with what it costs.
 *
 * @param environment the environments reading the account and region it is in
 * @param resource    the volume, snapshot, instance or image id
 * @param detail      what it is, e.g. {@code gp3 100 GB} or the image it was made for
 * @param sizeGb      the storage it holds
 * @param monthly     its monthly cost at the price table's prices, in USD, to the cent (an estimate)
 */
public record CleanupHint(Kind kind, String environment, String resource, String detail, int sizeGb,
                          BigDecimal monthly) {

    public CleanupHint {
        monthly = monthly.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    public enum Kind {
        /** An EBS volume attached to nothing. */
        UNATTACHED_VOLUME("unattached-volume"),
        /** A snapshot made for an image that no longer exists. */
        ORPHAN_SNAPSHOT("orphan-snapshot"),
        /** A stopped instance: its volumes are still billed. */
        STOPPED_INSTANCE("stopped-instance"),
        /** An image no instance runs and no camera uses: its snapshots are billed. */
        UNUSED_IMAGE("unused-image");

        private final String cliName;

        Kind(String cliName) {
            this.cliName = cliName;
        }

        public String cliName() {
            return cliName;
        }
    }
}
