package io.camfleet.console.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as a new user meets it: on a fresh folder, with the README in hand. */
class NewUserCommandsTest {

    @TempDir
    Path dir;

    @Test
    void helpAndVersionCreateNothingAnywhere() throws Exception {
        ChildConsole camfleet = new ChildConsole(dir);
        for (String[] args : new String[][]{{"--help"}, {"--version"}, {"fleet", "--help"}, {"deploy", "-h"}}) {
            ChildConsole.Result r = camfleet.run(args);
            assertThat(r.exit()).as(String.join(" ", args) + ": " + r.errText()).isZero();
            assertThat(r.outText()).isNotBlank();
        }
        assertThat(camfleet.home().resolve(".camfleet")).as("the default data folder").doesNotExist();
        try (var left = Files.list(camfleet.home())) {
            assertThat(left).as("the home folder").isEmpty();
        }
    }

    @Test
    void onAFreshFolderFleetAndMapSnapshotSeeTheSameDemoFleet() throws Exception {
        Cli cli = new Cli(dir.resolve("home"));
        String data = dir.resolve("data").toString();

        assertThat(cli.run("fleet", "--json", "--data-dir", data)).as(cli.err()).isZero();
        assertThat(cli.out()).contains("\"sites\" : 2500", "\"unplaced\" : 6", "\"source\" : \"Demo");

        assertThat(cli.run("map", "snapshot", "--out", dir.resolve("w.png").toString(), "--width", "400",
                "--height", "300", "--data-dir", data)).as(cli.err()).isZero();
        assertThat(cli.out()).as("the 2,500 less the 6 without coordinates").contains("2,494 sites");

        // And the other way round: the map first, then the fleet.
        String other = dir.resolve("other").toString();
        assertThat(cli.run("map", "snapshot", "--out", dir.resolve("o.png").toString(), "--width", "400",
                "--height", "300", "--data-dir", other)).as(cli.err()).isZero();
        assertThat(cli.out()).as("the 2,500 less the 6 without coordinates").contains("2,494 sites");
        assertThat(cli.run("fleet", "--json", "--data-dir", other)).isZero();
        assertThat(cli.out()).contains("\"sites\" : 2500", "\"unplaced\" : 6");
    }

    @Test
    void fleetPrintsASummaryToReadAndJsonOnlyWhenAsked() {
        Cli cli = new Cli(dir.resolve("home"));
        String data = dir.resolve("data").toString();

        assertThat(cli.run("fleet", "--data-dir", data)).as(cli.err()).isZero();
        assertThat(cli.out()).doesNotContain("{", "}", "\"")
                .contains("Sites         2,500 (", "Cameras       ", "Environments  (none) 2,500");
        assertThat(cli.out()).containsPattern("Site health   Offline [\\d,]+ · Degraded [\\d,]+ · .* Online [\\d,]+"
                + " \\(A site is down when all its cameras are offline\\)").containsPattern("Camera health Offline [\\d,]+ · ");

        assertThat(cli.run("fleet", "--json", "--data-dir", data)).isZero();
        assertThat(cli.out().strip()).startsWith("{").endsWith("}").contains("\"sitesByHealth\"",
                "\"camerasByHealth\"");
    }

    @Test
    void demoCountsHealthInSitesAsTheWindowsChipsDoAndSaysSo() {
        Cli cli = new Cli(dir.resolve("home"));
        assertThat(cli.run("demo", "--sites", "300", "--seed", "5")).isZero();
        String health = cli.out().lines().filter(l -> l.strip().startsWith("Health")).findFirst().orElseThrow();
        assertThat(health).endsWith("(sites: A site is down when all its cameras are offline)");
        Matcher counts = Pattern.compile("([A-Z][a-z]+) ([\\d,]+)").matcher(health);
        int sum = 0;
        while (counts.find()) {
            sum += Integer.parseInt(counts.group(2).replace(",", ""));
        }
        assertThat(sum).as("the health counts of 300 sites: " + health).isEqualTo(300);
    }

    @Test
    void aReleaseFileThatIsNotThereIsSaidToBeMissing() throws Exception {
        Cli cli = new Cli(dir.resolve("home"));
        Path plan = Files.writeString(dir.resolve("plan.json"), "{\"waves\": \"50%\"}");
        Path release = dir.resolve("release.json");

        int code = cli.run("deploy", "--release", release.toString(), "--targets", "all", "--plan",
                plan.toString(), "--dry-run", "--data-dir", dir.resolve("data").toString());

        assertThat(code).isEqualTo(3);
        assertThat(cli.err().strip()).isEqualTo("camfleet: The release file " + release
                + " does not exist: check its path.");

        Files.writeString(dir.resolve("agent.tar.gz"), "agent");
        Files.writeString(release, """
                {"name": "camos-agent", "version": "7.0.0", "kind": "release", "artifact": "agent.tar.gz",
                 "sha256": "%s", "install": "install.sh", "healthCheck": "selftest", "rollback": "rollback.sh"}
                """.formatted("0".repeat(64)));
        Path noPlan = dir.resolve("nowhere.json");
        assertThat(cli.run("deploy", "--release", release.toString(), "--targets", "all", "--plan",
                noPlan.toString(), "--dry-run", "--data-dir", dir.resolve("data").toString())).isEqualTo(3);
        assertThat(cli.err().strip())
                .isEqualTo("camfleet: The plan file " + noPlan + " does not exist: check its path.");
    }
}
