package io.camfleet.console.service.findings;

import io.camfleet.console.domain.findings.PatchCompliance;
import io.camfleet.console.domain.findings.PatchState;
import io.camfleet.console.service.environments.Environment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Patch compliance per camera and per image from the SSM patch states kept in a real H2 cache file. */
class PatchComplianceServiceTest {

    @TempDir
    Path dir;
    private FindingsRig rig;
    private final List<List<String>> asked = new ArrayList<>();
    private PatchComplianceService service;

    @BeforeEach
    void open() {
        rig = new FindingsRig(dir);
        rig.environments.add(Environment.of("prod", "", "eu-west-1", null));
        // what SSM reports: cam-1 (mi-0aaa) 96 installed, 4 missing of which 2 security; cam-2 (i-0bbb) all 50
        PatchStateSource ssm = (e, nodes) -> {
            asked.add(nodes);
            return List.of(new PatchState("mi-0aaa", "ssm:" + e.label(), "pb-0cam @ 2026-12-01", 96, 4, 2,
                            FindingsRig.T0),
                    new PatchState("i-0bbb", "ssm:" + e.label(), "pb-0cam @ 2026-12-02", 50, 0, 0, FindingsRig.T0));
        };
        service = new PatchComplianceService(rig.db.findings(), () -> rig.cameras, () -> rig.environments, ssm);
    }

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void eachCameraAndEachImageGetsItsComplianceFromTheCamerasSsmNodes() {
        assertThat(service.refresh("prod")).isEqualTo(2);
        assertThat(asked).containsExactly(List.of("mi-0aaa", "i-0bbb"));

        List<PatchCompliance> cameras = service.perCamera();
        assertThat(cameras).extracting(PatchCompliance::subject).containsExactly("cam-1", "cam-2", "cam-3");
        // cam-1: 96 / (96 + 4) = 96 %
        assertThat(cameras.get(0).compliancePercent()).isEqualTo(96);
        assertThat(cameras.get(0).missingSecurity()).isEqualTo(2);
        assertThat(cameras.get(2).reported()).isZero();

        List<PatchCompliance> images = service.perImage();
        assertThat(images).extracting(PatchCompliance::subject).containsExactly("ami-1", "ami-2");
        PatchCompliance ami1 = images.getFirst();
        // ami-1 runs on cam-1 and cam-2: (96 + 50) / (96 + 50 + 4) = 146 / 150 = 97.3 %, rounded down to 97
        assertThat(ami1.compliancePercent()).isEqualTo(97);
        assertThat(ami1.cameras()).isEqualTo(2);
        assertThat(ami1.reported()).isEqualTo(2);
        assertThat(ami1.missingSecurity()).isEqualTo(2);
        assertThat(ami1.patchLevels()).containsExactly("pb-0cam @ 2026-12-01", "pb-0cam @ 2026-12-02");
        assertThat(images.get(1).reported()).isZero();
    }

    @Test
    void patchStatesAreKeptSoTheyAreShownWithoutAwsAtHand() {
        service.refresh("prod");
        PatchComplianceService offline = new PatchComplianceService(rig.db.findings(), () -> rig.cameras,
                () -> rig.environments, (e, n) -> {
                    throw new AssertionError("not asked");
                });

        assertThat(offline.perCamera().getFirst().compliancePercent()).isEqualTo(96);
    }
}
