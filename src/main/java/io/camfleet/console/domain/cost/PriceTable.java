package io.camfleet.console.domain.cost;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What EBS storage costs a month, per GB, to estimate cleanup hints. The defaults are AWS's public on-demand prices
 * in us-east-1 (N. Virginia): gp2 0.10, gp3 0.08, io1 and io2 0.125, st1 0.045, sc1 0.015, standard (magnetic) 0.05;
 * snapshots 0.05 (standard tier). Other regions cost up to a third more: the settings may override any of them.
 * Provisioned IOPS and throughput are not counted, so an io1/io2 or tuned gp3 volume costs more than its estimate.
 *
 * @param volumePerGbMonth $ per GB-month per volume type ({@code gp3}, ...)
 * @param snapshotPerGbMonth $ per GB-month of snapshot storage
 */
public record PriceTable(Map<String, BigDecimal> volumePerGbMonth, BigDecimal snapshotPerGbMonth) {

    public static final PriceTable US_EAST_1 = new PriceTable(Map.of(
            "gp2", new BigDecimal("0.10"), "gp3", new BigDecimal("0.08"), "io1", new BigDecimal("0.125"),
            "io2", new BigDecimal("0.125"), "st1", new BigDecimal("0.045"), "sc1", new BigDecimal("0.015"),
            "standard", new BigDecimal("0.05")), new BigDecimal("0.05"));

    public PriceTable {
        volumePerGbMonth = Map.copyOf(volumePerGbMonth);
        Objects.requireNonNull(snapshotPerGbMonth, "snapshotPerGbMonth");
    }

    /** This table with {@code overrides} (volume type, or {@code snapshot}, to $ per GB-month) in place. */
    public PriceTable with(Map<String, BigDecimal> overrides) {
        Map<String, BigDecimal> volumes = new TreeMap<>(volumePerGbMonth);
        BigDecimal snapshot = snapshotPerGbMonth;
        for (Map.Entry<String, BigDecimal> e : overrides.entrySet()) {
            if (e.getKey().equals("snapshot")) {
                snapshot = e.getValue();
            } else {
                volumes.put(e.getKey(), e.getValue());
            }
        }
        return new PriceTable(volumes, snapshot);
    }

    /** A volume's monthly cost; an unknown type is priced as gp2, the most common older default. */
    public BigDecimal volume(String type, int sizeGb) {
        BigDecimal price = volumePerGbMonth.getOrDefault(type, volumePerGbMonth.getOrDefault("gp2", BigDecimal.ZERO));
        return price.multiply(BigDecimal.valueOf(sizeGb));
    }

    /** Snapshot storage of {@code sizeGb} a month. */
    public BigDecimal snapshot(int sizeGb) {
        return snapshotPerGbMonth.multiply(BigDecimal.valueOf(sizeGb));
    }
}
