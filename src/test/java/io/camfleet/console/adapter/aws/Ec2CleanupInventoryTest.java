package io.camfleet.console.adapter.aws;

import io.camfleet.console.domain.cost.CleanupHint;
import io.camfleet.console.domain.cost.CleanupRules;
import io.camfleet.console.domain.cost.Ec2Inventory;
import io.camfleet.console.domain.cost.PriceTable;
import io.camfleet.console.service.environments.Environment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The cleanup hints' inventory read from a real moto_server's EC2, seeded through the SDK. */
class Ec2CleanupInventoryTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private final AwsClients clients = MOTO.clients(op -> { });

    @AfterEach
    void close() {
        clients.close();
    }

    @Test
    void volumesSnapshotsImagesAndInstancesAreReadAndJudged() {
        Environment eu = MOTO.environment("eu", "moto-a", "eu-west-1");
        Ec2Leftovers s = Ec2Leftovers.seed(clients.ec2(eu));

        Ec2Inventory inv = new Ec2CleanupInventory(() -> clients).inventory(eu);
        List<CleanupHint> hints = CleanupRules.hints("eu", inv, Set.of(s.cameraImage()), PriceTable.US_EAST_1);

        // free volume: 100 GB gp3 x 0.08 = 8.00
        // stopped instance: 8 GB gp2 root x 0.10 + 50 GB io1 x 0.125 = 0.80 + 6.25 = 7.05
        // deregistered image's snapshot: 15 GB x 0.05 = 0.75; the image nothing runs: its 15 GB snapshot = 0.75
        assertThat(hints).extracting(CleanupHint::kind, CleanupHint::resource, CleanupHint::sizeGb,
                CleanupHint::monthly).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(CleanupHint.Kind.UNATTACHED_VOLUME, s.freeVolume(), 100,
                        new BigDecimal("8.00")),
                org.assertj.core.groups.Tuple.tuple(CleanupHint.Kind.STOPPED_INSTANCE, s.stopped(), 58,
                        new BigDecimal("7.05")),
                org.assertj.core.groups.Tuple.tuple(CleanupHint.Kind.ORPHAN_SNAPSHOT,
                        inv.snapshots().stream().filter(x -> x.imageId().equals(s.goneImage())).findFirst()
                                .orElseThrow().id(), 15, new BigDecimal("0.75")),
                org.assertj.core.groups.Tuple.tuple(CleanupHint.Kind.UNUSED_IMAGE, s.unusedImage(), 15,
                        new BigDecimal("0.75")));
        assertThat(hints.getFirst().resource()).isEqualTo(s.freeVolume());
    }

    @Test
    void anotherRegionOfTheSameAccountHasNothingToClean() {
        Ec2Leftovers.seed(clients.ec2(MOTO.environment("eu", "moto-a", "eu-west-1")));

        Ec2Inventory us = new Ec2CleanupInventory(() -> clients).inventory(MOTO.environment("us", "moto-a",
                "us-east-1"));

        assertThat(CleanupRules.hints("us", us, Set.of(), PriceTable.US_EAST_1)).isEmpty();
    }
}
