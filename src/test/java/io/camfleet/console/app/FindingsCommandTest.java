package io.camfleet.console.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcAuditTrail;
import io.camfleet.console.cli.ExitCodes;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.service.audit.AuditQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code camfleet findings} end to end on a real data folder holding the demo fleet. */
class FindingsCommandTest {

    @TempDir
    Path dir;
    private Cli cli;
    private String data;
    private CameraSystem camera;

    @BeforeEach
    void folder() {
        cli = new Cli(dir.resolve("home"));
        data = dir.resolve("data").toString();
        assertThat(cli.run("fleet", "--data-dir", data)).as(cli.err()).isZero();
        try (CacheDatabase db = CacheDatabase.open(Path.of(data), Clock.systemUTC())) {
            camera = db.fleet().read().fleet().cameras().getFirst();
        }
    }

    private List<String> audited() {
        try (CacheDatabase db = CacheDatabase.open(Path.of(data), Clock.systemUTC())) {
            return new JdbcAuditTrail(db.dataSource()).search(AuditQuery.latest(1000)).stream()
                    .map(e -> e.action() + " " + e.outcome()).toList();
        }
    }

    @Test
    void importListAcceptAndExportRunEndToEnd() throws Exception {
        Path csv = Files.writeString(dir.resolve("scan.csv"), """
                CVE,severity,package,host,title
                CVE-2024-6387,CRITICAL,openssh-server,%s,=HYPERLINK("http://evil")
                CVE-2023-4863,HIGH,libwebp7,unknown-box.example,
                CVE-2024-1,LOW,curl,%s,
                """.formatted(camera.hostname(), camera.id()));

        assertThat(cli.run("findings", "import", csv.toString(), "--data-dir", data)).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Imported 3 findings as csv; 1 on hosts the fleet does not know")
                .contains("Open: 1 critical, 1 high, 0 medium, 1 low, 0 informational (3 in all).");

        assertThat(cli.run("findings", "--severity", "high", "--data-dir", data)).as(cli.err()).isZero();
        assertThat(cli.out()).contains("CRITICAL  CVE-2024-6387  openssh-server  on " + camera.id())
                .contains("HIGH  CVE-2023-4863  libwebp7  on unknown host unknown-box.example")
                .doesNotContain("CVE-2024-1 ");

        assertThat(cli.run("findings", "--json", "--data-dir", data)).as(cli.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.get("findings")).hasSize(3);
        String critical = json.get("findings").get(0).get("id").asText();
        assertThat(json.get("findings").get(0).get("camera").asText()).isEqualTo(camera.id());
        assertThat(json.get("findings").get(1).get("knownHost").asBoolean()).isFalse();

        String until = LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
        assertThat(cli.run("findings", "accept", critical, "--reason", "isolated VLAN", "--until", until,
                "--data-dir", data)).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Accepted " + critical + " as a risk until " + until);
        assertThat(cli.run("findings", "--data-dir", data)).isZero();
        assertThat(cli.out()).contains("Open: 0 critical, 1 high");

        assertThat(cli.run("findings", "--csv", "--accepted", "--data-dir", data)).as(cli.err()).isZero();
        List<String> lines = cli.out().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("id,severity,cve,package,host,camera,site,image,accepted until,title");
        // the title a spreadsheet would run as a formula is defused
        assertThat(lines.get(1)).contains("," + until + ",").endsWith(",\"'=HYPERLINK(\"\"http://evil\"\")\"");

        assertThat(audited()).contains("findings.import SUCCEEDED", "finding.accept SUCCEEDED");
    }

    @Test
    void badInputIsOneSentenceAndExitsTwo() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "CVE,severity,package,host\nCVE-1,urgent,curl,x\n");

        assertThat(cli.run("findings", "import", bad.toString(), "--data-dir", data)).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("Finding 1 of bad.csv has the severity 'urgent'")
                .contains("nothing was imported");
        assertThat(cli.run("findings", "--severity", "urgent", "--data-dir", data)).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("'urgent' is no severity");
        assertThat(cli.run("findings", "accept", "csv-x", "--reason", "r", "--until", "next week", "--data-dir",
                data)).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("'next week' is not a date");
        assertThat(cli.run("findings", "import", bad.toString(), "--format", "xml", "--data-dir", data))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("findings", "--data-dir", data)).isZero();
        assertThat(cli.out()).contains("(0 in all)");
    }

    @Test
    void patchesListEachCameraOfTheFleet() {
        assertThat(cli.run("findings", "patches", "--data-dir", data)).as(cli.err()).isZero();
        assertThat(cli.out()).contains(camera.id() + ": no patch state (1 cameras)");
        assertThat(cli.run("findings", "patches", "--refresh", "nowhere", "--data-dir", data))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("There is no AWS environment 'nowhere'");
    }
}
