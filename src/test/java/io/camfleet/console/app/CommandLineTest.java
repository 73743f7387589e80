package io.camfleet.console.app;

import io.camfleet.console.adapter.sim.DemoFleetSource;
import io.camfleet.console.cli.Commands;
import io.camfleet.console.cli.ExitCodes;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.fleet.SiteSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code camfleet} as a script sees it: output, one-line errors and exit codes. */
class CommandLineTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private ConsoleRuntime runtime() {
        return new ConsoleRuntime(Clock.systemUTC(), Map.of(), dir.resolve("home").toString(),
                new Operator("tester", ""), new Messages(Locale.ENGLISH));
    }

    private int run(String... args) {
        CommandLine cmd = Commands.commandLine(runtime(), new Messages(Locale.ENGLISH));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void helpListsTheSubcommands() {
        assertThat(run("--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("audit", "demo", "--data-dir");
    }

    @Test
    void demoPrintsASummaryOfTheGeneratedFleet() {
        assertThat(run("demo", "--sites", "300", "--seed", "5")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Demo fleet, seed 5", "Sites      300", "Cameras", "Regions", "Health");
    }

    @Test
    void aDemoSizeThatIsNotAPositiveWholeNumberIsOneLineAndExitsTwo() {
        for (String bad : new String[] {"0", "-3", "abc", "2.5", "20001"}) {
            StringWriter e = new StringWriter();
            CommandLine cmd = Commands.commandLine(runtime(), new Messages(Locale.ENGLISH));
            cmd.setErr(new PrintWriter(e, true));
            cmd.setOut(new PrintWriter(new StringWriter(), true));
            assertThat(cmd.execute("demo", "--sites", bad)).as(bad).isEqualTo(ExitCodes.USAGE);
            assertThat(e.toString().strip()).as(bad).doesNotContain("\n").contains("--sites");
        }
    }

    @Test
    void theWindowRefusesABadDemoSizeBeforeOpening() {
        assertThat(run("--demo-sites", "0")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("--demo-sites", "from 1 to 20,000");
    }

    @Test
    void auditVerifyOnAFreshFolderSaysIntact() {
        Path data = dir.resolve("data");
        assertThat(run("audit", "verify", "--data-dir", data.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Audit chain intact", data.toString());
    }

    @Test
    void dataDirWorksBeforeOrAfterTheSubcommandName() {
        Path before = dir.resolve("before");
        Path after = dir.resolve("after");
        assertThat(run("--data-dir", before.toString(), "audit", "verify")).isEqualTo(ExitCodes.OK);
        assertThat(run("audit", "verify", "--data-dir", after.toString())).isEqualTo(ExitCodes.OK);
        assertThat(before.resolve("cache.mv.db")).exists();
        assertThat(after.resolve("cache.mv.db")).exists();
        assertThat(dir.resolve("home/.camfleet")).doesNotExist();
    }

    @Test
    void aBrokenChainIsNamedAndExitsOne() throws Exception {
        Path data = dir.resolve("data");
        try (ConsoleServices s = runtime().openServices(data, runtime().demoFleet(10, 1))) {
            for (int i = 0; i < 4; i++) {
                s.audit().record("test.action", "t" + i, Map.of(), AuditOutcome.SUCCEEDED);
            }
        }
        try (ConsoleServices s = runtime().openServices(data, runtime().demoFleet(10, 1));
             Connection c = databaseOf(data); Statement st = c.createStatement()) {
            st.execute("UPDATE audit_event SET target = 'forged' WHERE seq = 2");
        }
        assertThat(run("audit", "verify", "--data-dir", data.toString())).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).contains("broken at event 2");
    }

    private static Connection databaseOf(Path data) throws Exception {
        // The same URL as the console's, so it joins the already open database in this JVM.
        return java.sql.DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath().resolve("cache")
                + ";TRACE_LEVEL_FILE=4;AUTO_SERVER=TRUE", "camfleet", "");
    }

    @Test
    void aDataFolderThatCannotBeWrittenIsOneLineAndExitsThree() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "keep");
        assertThat(run("audit", "verify", "--data-dir", file.resolve("sub").toString()))
                .isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("cannot be written", "--data-dir");
        assertThat(Files.readString(file)).isEqualTo("keep");
    }

    @Test
    void mapSnapshotWritesAPngOfTheRequestedSize() throws Exception {
        Path data = dir.resolve("data");
        Path png = dir.resolve("out/eu.png");
        assertThat(run("map", "snapshot", "--region", "EU", "--out", png.toString(), "--width", "800", "--height",
                "450", "--health", "offline,degraded", "--data-dir", data.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Wrote", "800 x 450", "region EU");
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(800);
        assertThat(img.getHeight()).isEqualTo(450);
        try (var files = Files.list(png.getParent())) {
            assertThat(files).containsExactly(png);
        }
    }

    @Test
    void aMapSnapshotIsWrittenAsAnyNewFileIsAndCountsTheSitesOfItsRegion() throws Exception {
        Path png = dir.resolve("shared/eu.png");
        assertThat(run("map", "snapshot", "--region", "EU", "--out", png.toString(), "--width", "400", "--height",
                "300", "--data-dir", dir.resolve("data").toString())).isEqualTo(ExitCodes.OK);
        // Readable by whoever may read a file made here (the umask's choice), as any exported image: not owner-only.
        Path plain = Files.createFile(dir.resolve("shared/plain.txt"));
        assertThat(Files.getPosixFilePermissions(png)).isEqualTo(Files.getPosixFilePermissions(plain));
        long eu = new DemoFleetSource(DemoFleetSource.DEFAULT_SITES, DemoFleetSource.DEFAULT_SEED)
                .load(Instant.now(), Progress.NONE).sites().stream()
                .filter(s -> "EU".equals(s.region()) && s.isPlaced()).count();
        assertThat(out.toString()).contains(String.format(Locale.ROOT, "region EU, %,d sites.", eu));
    }

    @Test
    void aBadMapRequestIsOneLineAndWritesNothing() throws Exception {
        Path png = dir.resolve("x.png");
        assertThat(run("map", "snapshot", "--region", "ATLANTIS", "--out", png.toString(), "--data-dir",
                dir.resolve("data").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("'ATLANTIS' is not a map region");
        assertThat(run("map", "snapshot", "--width", "20", "--out", png.toString(), "--data-dir",
                dir.resolve("data").toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(png).doesNotExist();
        Path blocker = Files.writeString(dir.resolve("blocker"), "x");
        assertThat(run("map", "snapshot", "--out", blocker.resolve("y.png").toString(), "--data-dir",
                dir.resolve("data").toString())).isEqualTo(ExitCodes.UNAVAILABLE);
        assertThat(err.toString()).contains("cannot be written");
    }

    private static final String REGISTRY_HEADER = "site_id,site_name,customer,country,latitude,longitude,camera_id\n";

    @Test
    void importOfAGoodRegistryFillsTheCacheAndPrintsTheCounts() throws Exception {
        Path data = dir.resolve("data");
        Path registry = Files.writeString(dir.resolve("sites.csv"), REGISTRY_HEADER
                + "NL-001,Amsterdam DC,Acme,NL,52.37,4.89,NL-001-C01\n"
                + "NL-001,Amsterdam DC,Acme,NL,52.37,4.89,NL-001-C02\n"
                + "US-007,Boston Depot,Initech,US,42.36,-71.06,US-007-C01\n"
                + "BR-003,Sao Paulo Yard,Acme,BR,,,\n");

        assertThat(run("import", registry.toString(), "--data-dir", data.toString())).isEqualTo(ExitCodes.OK);

        assertThat(out.toString()).contains("Imported " + registry, "3 sites, 3 cameras, 1 unplaced");
        assertThat(err.toString()).isEmpty();
        FleetSnapshot cached = cachedFleet(data);
        assertThat(cached.source()).isEqualTo("Import: sites.csv");
        assertThat(cached.sites()).extracting(SiteSummary::id).containsExactlyInAnyOrder("NL-001", "US-007", "BR-003");
        assertThat(cached.cameraCount()).isEqualTo(3);
    }

    @Test
    void importOfARegistryWithBadRowsListsEveryOneExitsTwoAndLeavesTheCacheAsItWas() throws Exception {
        Path data = dir.resolve("data");
        Path good = Files.writeString(dir.resolve("good.csv"), REGISTRY_HEADER
                + "NL-001,Amsterdam DC,Acme,NL,52.37,4.89,NL-001-C01\n");
        Path bad = Files.writeString(dir.resolve("bad.csv"), REGISTRY_HEADER
                + "DE-001,Berlin Hub,Acme,DE,52.52,13.40,DE-001-C01\n"
                + "DE-002,,Acme,DE,52.52,13.40,DE-002-C01\n"
                + "DE-003,Hamburg Port,Acme,DE,0,0,DE-001-C01\n");
        assertThat(run("import", good.toString(), "--data-dir", data.toString())).isEqualTo(ExitCodes.OK);

        assertThat(run("import", bad.toString(), "--data-dir", data.toString())).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString().lines()).containsExactly(
                "camfleet: The site registry " + bad + " was not imported: 2 rows are wrong, each listed with its "
                        + "reason. Nothing was imported; fix those rows and import again.",
                "  Row 2: site_name is empty",
                "  Row 3: latitude and longitude are both 0, a placeholder rather than a place; leave both empty "
                        + "if the place is unknown",
                "  Row 3: camera_id DE-001-C01 is also on row 1");
        FleetSnapshot cached = cachedFleet(data);
        assertThat(cached.source()).isEqualTo("Import: good.csv");
        assertThat(cached.sites()).extracting(SiteSummary::id).containsExactly("NL-001");
    }

    @Test
    void importOfAFileThatIsNotThereIsOneLineAndExitsTwo() {
        Path missing = dir.resolve("missing.csv");

        assertThat(run("import", missing.toString(), "--data-dir", dir.resolve("data").toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().strip()).doesNotContain("\n").contains(missing.toString(), "cannot be read");
    }

    private FleetSnapshot cachedFleet(Path data) {
        try (ConsoleServices s = runtime().openServices(data, runtime().demoFleet(10, 1))) {
            return s.fleet().openCache();
        }
    }
}
