package io.camfleet.console.service.devices;

import io.camfleet.console.app.SmallDisk;
import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static io.camfleet.console.service.devices.TestDevices.NOW;
import static io.camfleet.console.service.devices.TestDevices.chromebook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComplianceExportTest {

    @TempDir
    Path dir;

    private DevicesRig synced() {
        ReviewDevice fine = chromebook("cb-1", "SN1", "ACTIVE", "ana@example.com");
        // A location typed by someone who hoped a spreadsheet would run it; an old OS; silent for 20 days.
        ReviewDevice hostile = new ReviewDevice("cb-2", DeviceType.CHROMEOS, "SN2", "Chromebook", "ACTIVE",
                "", "=HYPERLINK(\"http://x.example\",\"click\")", "+A-2", "/Review", "120.0.1.1",
                NOW.minus(Duration.ofDays(20)), LocalDate.of(2031, 1, 1), NOW.minus(Duration.ofDays(400)), List.of(),
                "");
        DevicesRig rig = new DevicesRig(List.of(fine, hostile));
        rig.service.sync(Progress.NONE);
        return rig;
    }

    @Test
    void oneRowPerDeviceWithItsRulesAndFormulasNeutralised() throws IOException {
        DevicesRig rig = synced();
        Path out = dir.resolve("compliance.csv");

        int rows = rig.service.exportCompliance(out);

        assertThat(rows).isEqualTo(2);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).containsExactly(
                "serial,type,model,status,reviewer,location,assetId,orgUnit,osVersion,lastSync,autoUpdateEnd,"
                        + "compliant,rules",
                "SN1,CHROMEOS,HP Chromebook 14,ACTIVE,ana@example.com,Lisbon,A-SN1,/Review/Lisbon,126.0.6478.132,"
                        + "2026-12-06T09:00:00Z,2031-06-01,yes,",
                // 126 - 120 = 6 milestones behind (> 2); 20 days unsynced (>= 14); active without a reviewer.
                "SN2,CHROMEOS,Chromebook,ACTIVE,,\"'=HYPERLINK(\"\"http://x.example\"\",\"\"click\"\")\",'+A-2,"
                        + "/Review,120.0.1.1,2026-11-16T10:00:00Z,2031-01-01,no,os-behind not-synced no-reviewer");
        assertThat(rig.audited(AuditActions.DEVICES_EXPORT)).extracting(e -> e.outcome())
                .containsExactly(AuditOutcome.STARTED, AuditOutcome.SUCCEEDED);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void anExportThatCannotBeWrittenLeavesTheTargetAsItWasAndNoTemporaryFile() throws IOException {
        DevicesRig rig = synced();
        // A folder in the target's place: the move into place fails after the rows were written aside.
        Path out = dir.resolve("compliance.csv");
        Files.createDirectory(out);
        Files.writeString(out.resolve("keep.txt"), "kept");

        assertThatThrownBy(() -> rig.service.exportCompliance(out)).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.key()).isEqualTo("devices.exportFailed");
            assertThat(p.args()[0]).isEqualTo(out.toString());
        });
        assertThat(Files.readString(out.resolve("keep.txt"))).isEqualTo("kept");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
        assertThat(rig.audited(AuditActions.DEVICES_EXPORT, AuditOutcome.FAILED)).hasSize(1);
    }

    @Test
    void aFullDiskLeavesTheEarlierExportWholeAndNoTemporaryFile() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir.resolve("small"), 5)) {
            Path out = disk.path().resolve("compliance.csv");
            Files.writeString(out, "the earlier export\n");
            // 20,000 rows of about 170 bytes are some 3.4 MB: more than the 512 KB left free.
            List<ReviewDevice> many = new java.util.ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                many.add(chromebook("cb-" + i, "SN" + i, "ACTIVE", "reviewer" + i + "@example.com"));
            }
            DevicesRig rig = new DevicesRig(many);
            rig.service.sync(Progress.NONE);
            disk.fill(512);

            assertThatThrownBy(() -> rig.service.exportCompliance(out)).isInstanceOfSatisfying(Problem.class, p -> {
                assertThat(p.key()).isEqualTo("devices.exportFailed");
                assertThat(p.getMessage()).contains("No space left on device");
            });
            assertThat(Files.readString(out)).isEqualTo("the earlier export\n");
            try (var files = Files.list(disk.path())) {
                assertThat(files).containsExactlyInAnyOrder(out, disk.filler());
            }

            disk.free();
            assertThat(rig.service.exportCompliance(out)).isEqualTo(20_000);
            assertThat(Files.readAllLines(out)).hasSize(20_001);
        }
    }

    @Test
    void anExportIntoAFolderThatDoesNotExistSaysSo() {
        DevicesRig rig = synced();
        Path out = dir.resolve("no/such/folder/compliance.csv");

        assertThatThrownBy(() -> rig.service.exportCompliance(out)).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.key()).isEqualTo("devices.exportFailed"));
        assertThat(Files.exists(out)).isFalse();
    }
}
