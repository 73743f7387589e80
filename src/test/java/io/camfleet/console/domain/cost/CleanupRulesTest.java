package io.camfleet.console.domain.cost;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CleanupRulesTest {

    @Test
    void eachKindOfLeftoverIsFoundAndPricedAtTheTablesPrices() {
        Ec2Inventory inv = new Ec2Inventory(
                List.of(new Ec2Inventory.Volume("vol-free", "gp3", 100, false),
                        new Ec2Inventory.Volume("vol-root", "gp2", 8, true),
                        new Ec2Inventory.Volume("vol-data", "io1", 50, true),
                        new Ec2Inventory.Volume("vol-run", "gp2", 30, true)),
                List.of(new Ec2Inventory.Snapshot("snap-gone", 20, "ami-00000000dead"),
                        new Ec2Inventory.Snapshot("snap-old", 15, "ami-00000000a1d"),
                        new Ec2Inventory.Snapshot("snap-cam", 10, "ami-00000000ca3"),
                        new Ec2Inventory.Snapshot("snap-manual", 40, ""),
                        new Ec2Inventory.Snapshot("snap-public", 8, "ami-00000000f0b")),
                List.of(new Ec2Inventory.Image("ami-00000000a1d", "camos-2026.04", List.of("snap-old")),
                        new Ec2Inventory.Image("ami-00000000ca3", "camos-2026.10", List.of("snap-cam")),
                        new Ec2Inventory.Image("ami-00000000b0b", "bastion", List.of())),
                List.of(new Ec2Inventory.Instance("i-stopped", "stopped", "ami-amazon",
                                List.of("vol-root", "vol-data")),
                        new Ec2Inventory.Instance("i-run", "running", "ami-00000000b0b", List.of("vol-run"))),
                Set.of("ami-00000000f0b"));

        List<CleanupHint> hints = CleanupRules.hints("eu", inv, Set.of("ami-00000000ca3"), PriceTable.US_EAST_1);

        // vol-free: 100 GB gp3 x 0.08 = 8.00
        // i-stopped: 8 GB gp2 x 0.10 + 50 GB io1 x 0.125 = 0.80 + 6.25 = 7.05 (58 GB)
        // snap-gone: made for ami-00000000dead, which is gone: 20 GB x 0.05 = 1.00
        // ami-00000000a1d: no instance, no camera: its snap-old, 15 GB x 0.05 = 0.75
        // not hinted: ami-00000000ca3 (a camera runs it), the bastion image (i-run runs it), snap-manual (no image),
        // snap-public (its image is another owner's, and exists)
        assertThat(hints).containsExactly(
                new CleanupHint(CleanupHint.Kind.UNATTACHED_VOLUME, "eu", "vol-free", "gp3 100 GB", 100,
                        new BigDecimal("8.00")),
                new CleanupHint(CleanupHint.Kind.STOPPED_INSTANCE, "eu", "i-stopped", "ami-amazon", 58,
                        new BigDecimal("7.05")),
                new CleanupHint(CleanupHint.Kind.ORPHAN_SNAPSHOT, "eu", "snap-gone", "ami-00000000dead", 20,
                        new BigDecimal("1.00")),
                new CleanupHint(CleanupHint.Kind.UNUSED_IMAGE, "eu", "ami-00000000a1d", "camos-2026.04", 15,
                        new BigDecimal("0.75")));
    }

    @Test
    void overriddenPricesApplyAndAnUnknownVolumeTypeIsPricedAsGp2() {
        PriceTable eu = PriceTable.US_EAST_1.with(Map.of("gp3", new BigDecimal("0.088"),
                "snapshot", new BigDecimal("0.053")));

        // 100 GB x 0.088 = 8.8; 10 GB x 0.053 = 0.53; unknown "gp9": 10 GB x gp2's 0.10 = 1.0
        assertThat(eu.volume("gp3", 100)).isEqualByComparingTo("8.8");
        assertThat(eu.snapshot(10)).isEqualByComparingTo("0.53");
        assertThat(eu.volume("gp9", 10)).isEqualByComparingTo("1.0");
        assertThat(eu.volume("gp2", 10)).isEqualByComparingTo("1.0");
    }
}
