package io.camfleet.console.service.findings;

import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.findings.Finding;
import io.camfleet.console.domain.findings.Severity;
import io.camfleet.console.domain.findings.SeverityCounts;
import io.camfleet.console.service.common.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Findings imported from both named file formats, tied to the fleet, on a real H2 cache file. */
class FindingImportTest {

    @TempDir
    Path dir;
    private FindingsRig rig;

    @BeforeEach
    void open() {
        rig = new FindingsRig(dir);
    }

    @AfterEach
    void close() {
        rig.close();
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    static final String CSV = """
            Host,CVE,Severity,Package,Title
            mi-0aaa,CVE-2024-6387,critical,openssh-server,regreSSHion
            gate-cam.lisbon.example,CVE-2023-4863,HIGH,libwebp7,
            10.0.1.13,CVE-2024-1,Medium,curl,
            10.9.9.9,CVE-2024-2,low,zlib,a host nobody knows
            """;

    @Test
    void aPlainCsvIsImportedAndEachFindingTiedToItsCameraAndImage() throws IOException {
        ImportReport report = rig.service.importFile(file("scan.csv", CSV), ImportFormat.CSV);

        assertThat(report.findings()).isEqualTo(4);
        assertThat(report.unknownHosts()).isEqualTo(1);
        List<FindingRow> rows = rig.service.rows(Optional.empty(), false);
        assertThat(rows).extracting(r -> r.finding().cve() + " " + r.cameraId() + " " + r.image()).containsExactly(
                "CVE-2024-6387 cam-1 ami-1", "CVE-2023-4863 cam-2 ami-1", "CVE-2024-1 cam-3 ami-2",
                "CVE-2024-2  ");
        assertThat(rows.get(3).knownHost()).isFalse();
        assertThat(rows.get(3).finding().host()).isEqualTo("10.9.9.9");
        assertThat(rows.get(0).finding().title()).isEqualTo("regreSSHion");
        assertThat(rig.audited(AuditActions.FINDINGS_IMPORT)).extracting(e -> e.outcome().name())
                .containsExactly("SUCCEEDED", "STARTED"); // newest first
    }

    @Test
    void countsBySeverityCountTheOpenFindings() throws IOException {
        rig.service.importFile(file("scan.csv", CSV + """
                cam-3,CVE-2024-3,HIGH,openssl,
                cam-3,CVE-2024-4,INFO,bash,
                """), ImportFormat.CSV);

        SeverityCounts counts = rig.service.openCounts();

        // CSV rows: critical 1 (6387), high 2 (4863, 2024-3), medium 1, low 1, informational 1 (INFO) = 6
        assertThat(counts.of(Severity.CRITICAL)).isEqualTo(1);
        assertThat(counts.of(Severity.HIGH)).isEqualTo(2);
        assertThat(counts.of(Severity.MEDIUM)).isEqualTo(1);
        assertThat(counts.of(Severity.LOW)).isEqualTo(1);
        assertThat(counts.of(Severity.INFORMATIONAL)).isEqualTo(1);
        assertThat(counts.total()).isEqualTo(6);
        assertThat(rig.service.rows(Optional.of(Severity.HIGH), false)).extracting(r -> r.finding().cve())
                .containsExactly("CVE-2024-6387", "CVE-2023-4863", "CVE-2024-3");
    }

    @Test
    void inspectorsExportIsImportedClosedFindingsLeftOut() throws IOException {
        String export = """
                {"findings": [
                 {"findingArn": "arn:aws:inspector2:eu-west-1:111122223333:finding/a1", "severity": "HIGH",
                  "status": "ACTIVE", "title": "CVE-2023-4863 - libwebp7", "firstObservedAt": "2026-11-30T08:00:00Z",
                  "packageVulnerabilityDetails": {"vulnerabilityId": "CVE-2023-4863",
                    "vulnerablePackages": [{"name": "libwebp7", "version": "0.6.1"}]},
                  "resources": [{"type": "AWS_EC2_INSTANCE", "id": "i-0bbb",
                    "details": {"awsEc2Instance": {"imageId": "ami-1"}}}]},
                 {"findingArn": "arn:aws:inspector2:eu-west-1:111122223333:finding/a2", "severity": "LOW",
                  "status": "CLOSED", "packageVulnerabilityDetails": {"vulnerabilityId": "CVE-2020-1"},
                  "resources": [{"id": "i-0bbb"}]},
                 {"findingArn": "arn:aws:inspector2:eu-west-1:111122223333:finding/a3", "severity": "CRITICAL",
                  "status": "SUPPRESSED", "packageVulnerabilityDetails": {"vulnerabilityId": "CVE-2024-6387",
                    "vulnerablePackages": [{"name": "openssh-server"}]},
                  "resources": [{"id": "i-0ffff", "details": {"awsEc2Instance": {"imageId": "ami-9"}}}]}
                ]}
                """;

        ImportReport report = rig.service.importFile(file("inspector.json", export), ImportFormat.INSPECTOR);

        assertThat(report.findings()).isEqualTo(2);
        assertThat(report.unknownHosts()).isEqualTo(1);
        List<FindingRow> rows = rig.service.rows(Optional.empty(), false);
        assertThat(rows).extracting(r -> r.finding().severity() + " " + r.finding().cve() + " " + r.cameraId()
                + " " + r.image()).containsExactly("CRITICAL CVE-2024-6387  ami-9", "HIGH CVE-2023-4863 cam-2 ami-1");
        Finding high = rows.get(1).finding();
        assertThat(high.id()).isEqualTo("arn:aws:inspector2:eu-west-1:111122223333:finding/a1");
        assertThat(high.seen()).isEqualTo(java.time.Instant.parse("2026-11-30T08:00:00Z"));
        assertThat(high.source()).isEqualTo("inspector-export");
    }

    @Test
    void aBadRowRefusesTheWholeFileNamingTheRowAndKeepsTheLastImport() throws IOException {
        rig.service.importFile(file("scan.csv", CSV), ImportFormat.CSV);
        Path bad = file("next.csv", """
                CVE,severity,package,host
                CVE-2025-1,HIGH,openssl,cam-1
                CVE-2025-2,SEVERE,openssl,cam-2
                """);

        assertThatThrownBy(() -> rig.service.importFile(bad, ImportFormat.CSV)).isInstanceOf(Problem.class)
                .hasMessageContaining("Finding 2 of next.csv").hasMessageContaining("SEVERE")
                .hasMessageContaining("nothing was imported")
                .satisfies(e -> assertThat(((Problem) e).kind()).isEqualTo(Problem.Kind.BAD_INPUT));

        assertThat(rig.service.rows(Optional.empty(), false)).extracting(r -> r.finding().cve())
                .containsExactlyInAnyOrder("CVE-2024-6387", "CVE-2023-4863", "CVE-2024-1", "CVE-2024-2");
    }

    @Test
    void aRowWithAnEmptyRequiredCellOrTooFewFieldsIsNamed() throws IOException {
        Path empty = file("a.csv", "CVE,severity,package,host\nCVE-1,HIGH,,cam-1\n");
        assertThatThrownBy(() -> rig.service.importFile(empty, ImportFormat.CSV))
                .hasMessageContaining("Finding 1 of a.csv has no package");
        Path short_ = file("b.csv", "CVE,severity,package,host\nCVE-1,HIGH,openssl,cam-1\nCVE-2,HIGH,openssl\n");
        assertThatThrownBy(() -> rig.service.importFile(short_, ImportFormat.CSV))
                .hasMessageContaining("Row 2 of b.csv has 3 fields where the header has 4");
        assertThat(rig.service.rows(Optional.empty(), true)).isEmpty();
    }

    @Test
    void aCsvWithoutTheRequiredHeaderIsRefused() throws IOException {
        Path headless = file("c.csv", "CVE-1,HIGH,openssl,cam-1\n");
        assertThatThrownBy(() -> rig.service.importFile(headless, ImportFormat.CSV))
                .hasMessageContaining("no column 'cve'");
    }

    @Test
    void aFileLargerThanTheBoundIsRefusedBeforeItIsRead() throws IOException {
        Path big = dir.resolve("big.csv");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(FindingFiles.MAX_BYTES + 1);
        }
        assertThatThrownBy(() -> rig.service.importFile(big, ImportFormat.CSV)).isInstanceOf(Problem.class)
                .extracting(e -> ((Problem) e).key()).isEqualTo("findings.import.tooBig");
    }

    @Test
    void aMissingFileOrBrokenJsonIsBadInput() throws IOException {
        assertThatThrownBy(() -> rig.service.importFile(dir.resolve("none.json"), ImportFormat.INSPECTOR))
                .extracting(e -> ((Problem) e).key()).isEqualTo("findings.import.noFile");
        Path other = file("other.json", "{\"items\": []}");
        assertThatThrownBy(() -> rig.service.importFile(other, ImportFormat.INSPECTOR))
                .hasMessageContaining("no findings array (Inspector's export is {\"findings\": [...]} or a bare "
                        + "array)");
        Path broken = file("broken.json", "{\"findings\": [ {\"findingArn\": ");
        assertThatThrownBy(() -> rig.service.importFile(broken, ImportFormat.INSPECTOR))
                .extracting(e -> ((Problem) e).key()).isEqualTo("findings.import.malformed");
    }

    @Test
    void theSameCveOnTheSameHostKeepsItsIdAcrossImports() throws IOException {
        rig.service.importFile(file("scan.csv", CSV), ImportFormat.CSV);
        String before = rig.service.rows(Optional.empty(), false).getFirst().finding().id();
        rig.service.importFile(file("scan2.csv", "cve,severity,package,host\nCVE-2024-6387,HIGH,openssh-server,"
                + "MI-0AAA\n"), ImportFormat.CSV);

        List<FindingRow> rows = rig.service.rows(Optional.empty(), false);
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().finding().id()).isEqualTo(before);
        assertThat(rows.getFirst().finding().severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void inspectorIsReadOnlyForTheEnvironmentsTheSettingsTurnItOnFor() {
        rig.environments.add(io.camfleet.console.service.environments.Environment.of("prod", "", "eu-west-1",
                null));
        rig.environments.add(io.camfleet.console.service.environments.Environment.of("lab", "", "eu-west-1",
                null));
        rig.inspector = e -> List.of(new Finding("arn:x", "inspector:" + e.label(), "CVE-9", Severity.LOW, "p",
                "i-0bbb", "", "", FindingsRig.T0));
        assertThatThrownBy(() -> rig.service.importInspector("prod"))
                .extracting(e -> ((Problem) e).key()).isEqualTo("findings.inspectorOff");
        assertThat(rig.service.importInspectorEverywhere()).isEmpty();
        rig.settings = new FindingsSettings(List.of("prod"));

        assertThat(rig.service.importInspectorEverywhere()).extracting(ImportReport::source)
                .containsExactly("inspector:prod");
        ImportReport r = rig.service.importInspector("PROD");

        assertThat(r.source()).isEqualTo("inspector:prod");
        assertThat(rig.service.rows(Optional.empty(), false)).extracting(FindingRow::cameraId)
                .containsExactly("cam-2");
        assertThatThrownBy(() -> rig.service.importInspector("staging")).hasMessageContaining("prod")
                .extracting(e -> ((Problem) e).key()).isEqualTo("findings.noEnvironment");
    }
}
