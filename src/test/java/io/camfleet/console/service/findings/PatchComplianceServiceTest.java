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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        service = new PatchComplianceService(rig.db.findings(), () -> rig.cameras, () -> rig.environments, ssm,
                rig.clock);
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
                }, rig.clock);

        assertThat(offline.perCamera().getFirst().compliancePercent()).isEqualTo(96);
    }

    @Test
    void aScannersPatchReportCoversTheCamerasSsmDoesNotManage() throws Exception {
        service.refresh("prod");
        rig.clock.advance(java.time.Duration.ofHours(1));
        Path report = java.nio.file.Files.writeString(dir.resolve("patches.csv"), """
                Host,Patch_Level,Installed,Missing,Missing Security
                cam-3.porto.example,2026.11,180,20,5
                box.elsewhere,2026.10,1,1,1
                """);

        assertThat(service.importFile(report)).isEqualTo(2);

        // cam-3: 180 / (180 + 20) = 90 %
        PatchCompliance cam3 = service.perCamera().get(2);
        assertThat(cam3.compliancePercent()).isEqualTo(90);
        assertThat(cam3.missingSecurity()).isEqualTo(5);
        assertThat(cam3.patchLevels()).containsExactly("2026.11");
        assertThat(service.perImage().get(1).compliancePercent()).isEqualTo(90);
        // SSM's states are still there
        assertThat(service.perCamera().getFirst().compliancePercent()).isEqualTo(96);
    }

    @Test
    void aBadRowInAPatchReportRefusesItWholeNamingTheRow() throws Exception {
        Path good = java.nio.file.Files.writeString(dir.resolve("good.csv"),
                "host,patch level,installed,missing,missing security\ncam-3,2026.11,180,20,5\n");
        service.importFile(good);
        Path bad = java.nio.file.Files.writeString(dir.resolve("bad.csv"), """
                host,patch level,installed,missing,missing security
                cam-3,2026.12,200,0,0
                cam-1,2026.12,ten,0,0
                """);

        assertThatThrownBy(() -> service.importFile(bad)).hasMessageContaining("Row 2 of bad.csv has 'ten' as "
                + "installed");
        assertThat(service.perCamera().get(2).patchLevels()).containsExactly("2026.11");
        Path over = java.nio.file.Files.writeString(dir.resolve("over.csv"),
                "host,patch level,installed,missing,missing security\ncam-3,x,1,2,3\n");
        assertThatThrownBy(() -> service.importFile(over)).hasMessageContaining("3 security patches missing out "
                + "of 2");
    }
}
