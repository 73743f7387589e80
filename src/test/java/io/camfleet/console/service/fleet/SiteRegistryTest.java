package io.camfleet.console.service.fleet;

import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** The registry's rules on rows already read as text: what makes a row bad, and what a good registry becomes. */
class SiteRegistryTest {

    private static final String HEADER = "site_id,site_name,customer,country,region,latitude,longitude,timezone,"
            + "sla_tier,maintenance_window,camera_id,hostname,software_version";
    private static final String GOOD_ROW =
            "NL-001,Amsterdam DC,Acme,NL,EU,52.37,4.89,Europe/Amsterdam,GOLD,Sun 02:00-04:00,NL-001-C01,cam1,6.4.2";

    /** Rows of comma-separated cells (no quoting: the file tests cover CSV itself). */
    private static RegistryTable table(String header, String... rows) {
        List<String> columns = List.of(header.split(",", -1));
        List<RegistryTable.Row> out = new ArrayList<>();
        for (String row : rows) {
            String[] cells = row.split(",", -1);
            Map<String, String> byColumn = new HashMap<>();
            for (int i = 0; i < cells.length; i++) {
                byColumn.put(columns.get(i), cells[i]);
            }
            out.add(new RegistryTable.Row(out.size() + 1, byColumn, 0));
        }
        return new RegistryTable(columns, out);
    }

    private static RegistryRejected rejected(RegistryTable table) {
        return catchThrowableOfType(RegistryRejected.class, () -> SiteRegistry.toFleet("sites.csv", table));
    }

    @Test
    void aGoodRegistryBecomesItsSitesWithTheirCamerasAndUnplacedSitesStayUnplaced() {
        FleetData fleet = SiteRegistry.toFleet("sites.csv", table(HEADER,
                GOOD_ROW,
                "NL-001,Amsterdam DC,Acme,NL,EU,52.37,4.89,Europe/Amsterdam,GOLD,Sun 02:00-04:00,NL-001-C02,,6.5.0",
                "US-007,Boston Depot,Initech,us,NA,42.36,-71.06,America/New_York,platinum,,US-007-C01,cam7,6.3.7",
                "BR-003,São Paulo Yard,Acme,BR,LATAM,,,America/Sao_Paulo,,,,,"));

        assertThat(fleet.sites()).extracting(Site::id).containsExactly("NL-001", "US-007", "BR-003");
        assertThat(fleet.sites().get(0)).isEqualTo(new Site("NL-001", "Amsterdam DC", "Acme", "NL", "EU", 52.37, 4.89,
                "Europe/Amsterdam", SlaTier.GOLD, "Sun 02:00-04:00", ""));
        Site boston = fleet.sites().get(1);
        assertThat(boston.countryCode()).isEqualTo("US");
        assertThat(boston.slaTier()).isEqualTo(SlaTier.PLATINUM);
        Site saoPaulo = fleet.sites().get(2);
        assertThat(saoPaulo.isPlaced()).isFalse();
        assertThat(saoPaulo.latitude()).isNull();
        assertThat(saoPaulo.slaTier()).isEqualTo(SlaTier.BRONZE);

        assertThat(fleet.cameras()).extracting(CameraSystem::id, CameraSystem::siteId, CameraSystem::hostname,
                        CameraSystem::softwareVersion)
                .containsExactly(tuple("NL-001-C01", "NL-001", "cam1", "6.4.2"),
                        tuple("NL-001-C02", "NL-001", "NL-001-C02", "6.5.0"),
                        tuple("US-007-C01", "US-007", "cam7", "6.3.7"));
        assertThat(fleet.telemetry()).isEmpty();
    }

    @Test
    void rowsOfOneSiteAgreeWhenTheirValuesAgreeHoweverTheyAreWritten() {
        FleetData fleet = SiteRegistry.toFleet("sites.csv", table(
                "site_id,site_name,latitude,longitude,sla_tier,camera_id",
                "S1,Alpha,52.370,4.9,gold,C1",
                " S1 ,Alpha,52.37,4.90,GOLD,C2"));

        assertThat(fleet.sites()).hasSize(1);
        assertThat(fleet.cameras()).extracting(CameraSystem::siteId).containsExactly("S1", "S1");
    }

    /**
     * One bad row after a good one: the bad row, and only it, is reported, with the reason for its fault. The bad row
     * is the good one with another camera and the changes given.
     */
    static Stream<Arguments> badRows() {
        return Stream.of(
                bad("missing site_id", "import.missingSiteId", "site_id", ""),
                bad("missing site name", "import.missingSiteName", "site_name", ""),
                bad("site name of spaces only", "import.missingSiteName", "site_name", "   "),
                bad("duplicate camera id", "import.duplicateCamera", "camera_id", "NL-001-C01"),
                bad("duplicate camera id at another site", "import.duplicateCamera", "site_id", "NL-002",
                        "camera_id", "NL-001-C01"),
                bad("site_id twice with another name", "import.siteDisagrees", "site_name", "Amsterdam West"),
                bad("site_id twice with other coordinates", "import.siteDisagrees", "latitude", "52.38"),
                bad("latitude not a number", "import.coordinateNotNumber", "latitude", "north"),
                bad("latitude with a decimal comma", "import.coordinateNotNumber", "latitude", "52;37"),
                bad("latitude NaN", "import.coordinateNotNumber", "latitude", "NaN"),
                bad("longitude as a hex float", "import.coordinateNotNumber", "longitude", "0x1p3"),
                bad("latitude out of range", "import.coordinateRange", "latitude", "90.5"),
                bad("longitude out of range", "import.coordinateRange", "longitude", "-181"),
                bad("only a latitude", "import.oneCoordinate", "longitude", ""),
                bad("only a longitude", "import.oneCoordinate", "latitude", ""),
                bad("null island", "import.nullIsland", "latitude", "0", "longitude", "0.0"),
                bad("null island with a minus zero", "import.nullIsland", "latitude", "-0", "longitude", "0"),
                bad("unknown SLA tier", "import.badSlaTier", "sla_tier", "Titanium"),
                bad("three-letter country", "import.badCountry", "country", "NLD"),
                bad("unassigned country", "import.badCountry", "country", "ZZ"),
                bad("offset instead of a zone", "import.badTimeZone", "timezone", "+01:00"),
                bad("made-up zone", "import.badTimeZone", "timezone", "Mars/Olympus_Mons"),
                bad("site name too long", "import.tooLong", "site_name", "x".repeat(201)),
                bad("site id too long", "import.tooLong", "site_id", "S".repeat(65)),
                bad("camera id too long", "import.tooLong", "camera_id", "C".repeat(65)),
                bad("camera details without a camera id", "import.cameraWithoutId", "camera_id", ""));
    }

    private static Arguments bad(String what, String key, String... changes) {
        return Arguments.of(what, key, Arrays.asList(changes));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRows")
    void eachKindOfBadRowRejectsTheImportNamingTheRowAndItsReason(String what, String key, List<String> changes) {
        List<String> columns = List.of(HEADER.split(","));
        String[] cells = GOOD_ROW.split(",", -1);
        cells[columns.indexOf("camera_id")] = "NL-001-C02";
        for (int i = 0; i < changes.size(); i += 2) {
            cells[columns.indexOf(changes.get(i))] = changes.get(i + 1);
        }
        RegistryRejected e = rejected(table(HEADER, GOOD_ROW, String.join(",", cells)));

        assertThat(e).as(what).isNotNull();
        assertThat(e.kind()).isEqualTo(Problem.Kind.BAD_INPUT);
        assertThat(e.errors()).extracting(RowError::row, RowError::key).containsExactly(tuple(2, key));
    }

    @Test
    void everyBadRowIsListedWithItsNumberNotJustTheFirst() {
        RegistryRejected e = rejected(table("site_id,site_name,latitude,longitude,camera_id",
                "S1,Alpha,52.1,4.3,C1",
                "S2,,52.2,4.4,C2",
                ",,,,",
                "S4,Delta,0,0,C4",
                ",Epsilon,95,4.5,C1"));

        // Row 3 is blank: skipped, but it keeps its number so that rows 4 and 5 match the file.
        assertThat(e.errors()).extracting(RowError::row, RowError::key).containsExactly(
                tuple(2, "import.missingSiteName"),
                tuple(4, "import.nullIsland"),
                tuple(5, "import.missingSiteId"),
                tuple(5, "import.coordinateRange"),
                tuple(5, "import.duplicateCamera"));
        Messages messages = new Messages(Locale.ENGLISH);
        assertThat(messages.text(e)).contains("sites.csv", "3 rows are wrong", "Nothing was imported");
        assertThat(e.errors()).extracting(row -> row.text(messages)).containsExactly(
                "Row 2: site_name is empty",
                "Row 4: latitude and longitude are both 0, a placeholder rather than a place; leave both empty if "
                        + "the place is unknown",
                "Row 5: site_id is empty",
                "Row 5: latitude 95 is outside -90 to 90",
                "Row 5: camera_id C1 is also on row 1");
    }

    @Test
    void aSiteGivenTwiceWithOtherValuesNamesTheColumnsThatDisagree() {
        RegistryRejected e = rejected(table("site_id,site_name,customer,region,camera_id",
                "S1,Alpha,Acme,EU,C1",
                "S1,Alpha,Initech,NA,C2"));

        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.key()).isEqualTo("import.siteDisagrees");
            assertThat(err.args()).containsExactly("S1", 1, "customer, region");
        });
    }

    @Test
    void textThatLooksLikeAFormulaStaysTheTextItIs() {
        FleetData fleet = SiteRegistry.toFleet("sites.csv", table("site_id,site_name,customer,region",
                "=1+1,+1,@SUM(A1:A9),-2+3"));

        Site site = fleet.sites().get(0);
        assertThat(site.id()).isEqualTo("=1+1");
        assertThat(site.name()).isEqualTo("+1");
        assertThat(site.customer()).isEqualTo("@SUM(A1:A9)");
        assertThat(site.region()).isEqualTo("-2+3");
    }

    @Test
    void anUnknownColumnRejectsTheWholeFileNamingIt() {
        RegistryTable typo = table("site_id,site_name,lattitude,longitude,Customer", "S1,Alpha,52.1,4.3,Acme");

        assertThatThrownBy(() -> SiteRegistry.toFleet("sites.csv", typo))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p).isNotInstanceOf(RegistryRejected.class);
                    assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_INPUT);
                    assertThat(p.key()).isEqualTo("problem.importUnknownColumns");
                    assertThat(p.getMessage()).contains("\"lattitude\", \"Customer\"", "latitude", "site_name");
                });
    }

    @Test
    void aRegistryWithoutASiteNameColumnIsRefusedAsAWhole() {
        assertThatThrownBy(() -> SiteRegistry.toFleet("sites.csv", table("site_id,customer", "S1,Acme")))
                .isInstanceOfSatisfying(Problem.class,
                        p -> assertThat(p.key()).isEqualTo("problem.importMissingColumn"));
    }

    @Test
    void aRegistryOfBlankRowsOnlyHoldsNoSites() {
        assertThatThrownBy(() -> SiteRegistry.toFleet("sites.csv", table("site_id,site_name", ",", " , ")))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("problem.importEmpty"));
        assertThatThrownBy(() -> SiteRegistry.toFleet("sites.csv", new RegistryTable(List.of(), List.of())))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("problem.importEmpty"));
    }

    @Test
    void cellsPastTheLastColumnMakeTheRowBad() {
        RegistryTable t = new RegistryTable(List.of("site_id", "site_name"),
                List.of(new RegistryTable.Row(1, Map.of("site_id", "S1", "site_name", "Alpha"), 2)));

        assertThat(rejected(t).errors()).extracting(RowError::row, RowError::key)
                .containsExactly(tuple(1, "import.extraCells"));
    }
}
