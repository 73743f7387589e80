package io.camfleet.console.app;

import io.camfleet.console.app.features.SettingsFile;
import io.camfleet.console.adapter.aws.CborToJsonBridge;
import io.camfleet.console.adapter.aws.FleetSeeder;
import io.camfleet.console.adapter.aws.MotoServer;
import io.camfleet.console.cli.Commands;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.environments.SourceSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code camfleet sync} and {@code camfleet fleet} against a real moto_server, through the user's AWS config. */
class SyncCommandTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        ConsoleRuntime runtime = new ConsoleRuntime(Clock.systemUTC(),
                Map.of("AWS_CONFIG_FILE", MOTO.configFile().toString()), dir.resolve("home").toString(),
                new Operator("tester", ""), new Messages(Locale.ENGLISH));
        runtime.interceptAws(List.of(new CborToJsonBridge()));
        CommandLine cmd = Commands.commandLine(runtime, new Messages(Locale.ENGLISH));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void syncPrintsItsCountsAndFleetSummarizesTheCache() {
        Environment prod = MOTO.environment("prod-eu", "moto-a", "eu-west-1");
        try (FleetSeeder seed = new FleetSeeder(prod)) {
            seed.site("ams-01", null, FleetSeeder.siteAttributes("Amsterdam", "Northwind", "NL", "52.37", "4.89",
                            "Europe/Amsterdam", "GOLD"))
                    .site("lost", null, FleetSeeder.siteAttributes("Lost", "Acme", "NL", null, null, "UTC", "GOLD"))
                    .thing("cam-1", "ams-01", Map.of()).thing("cam-2", "lost", Map.of())
                    .metrics("cam-1", Instant.now().minusSeconds(20), Map.of("Heartbeat", 1.0));
        }
        String data = dir.resolve("data").toString();

        int code = run("sync", "--profile", "moto-a", "--region", "eu-west-1", "--endpoint",
                MOTO.endpoint().toString(), "--label", "prod-eu", "--data-dir", data);

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("prod-eu: 2 sites, 2 cameras, 1 unplaced, 0 removed (full sync");
        // Indexing is off: GetIndexingConfiguration 1, ListThingGroups 1, DescribeThingGroup 2, ListThingsInThingGroup
        // 2, ListMetrics 1, ListThings 1, and GetMetricData 4 for cam-1, the one camera reporting (one call per
        // metric: heartbeat, frames, disk, temperature): 12.
        assertThat(out.toString()).contains("AWS calls: 12 (GetMetricData 4, DescribeThingGroup 2, "
                + "ListThingsInThingGroup 2, GetIndexingConfiguration 1, ListMetrics 1, ListThingGroups 1, ListThings 1);"
                + " read through the registry listings, group by group (fleet indexing with thing groups is off)");

        out.getBuffer().setLength(0);
        assertThat(run("fleet", "--json", "--data-dir", data)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"source\" : \"AWS: prod-eu\"", "\"sites\" : 2", "\"cameras\" : 2",
                "\"unplaced\" : 1", "\"ONLINE\" : 1", "\"UNKNOWN\" : 1", "\"prod-eu\" : 2");
    }

    @Test
    void withAnEventsQueueTheSecondSyncAsksOnlyForTheThingAnEventNamesAndSaysSo() {
        Environment prod = MOTO.environment("prod-eu", "moto-a", "eu-west-1");
        try (FleetSeeder seed = new FleetSeeder(prod);
             software.amazon.awssdk.services.sqs.SqsClient sqs = software.amazon.awssdk.services.sqs.SqsClient
                     .builder().region(software.amazon.awssdk.regions.Region.EU_WEST_1)
                     .endpointOverride(MOTO.endpoint()).credentialsProvider(
                             software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                                     software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                                             "AKIAMOTOA000000000", "moto-secret-a"))).build()) {
            seed.site("ams-01", null, FleetSeeder.siteAttributes("Amsterdam", "Northwind", "NL", "52.37", "4.89",
                    "Europe/Amsterdam", "GOLD")).thing("cam-1", "ams-01", Map.of()).thing("cam-2", "ams-01", Map.of());
            String queue = sqs.createQueue(b -> b.queueName("camfleet-events")).queueUrl();
            assertThat(run("env", "add", "--label", "prod-eu", "--profile", "moto-a", "--region", "eu-west-1",
                    "--endpoint", MOTO.endpoint().toString(), "--events-queue", queue, "--data-dir", data()))
                    .as(err.toString()).isZero();
            assertThat(run("sync", "--env", "prod-eu", "--data-dir", data())).as(err.toString()).isZero();
            out.getBuffer().setLength(0);
            // cam-2 is updated: the event, as a topic rule forwards it, two minutes old.
            seed.updateThing("cam-2", Map.of("softwareVersion", "7.0.0"));
            sqs.sendMessage(b -> b.queueUrl(queue).messageBody("{\"eventType\":\"THING_EVENT\",\"eventId\":\"e-1\","
                    + "\"timestamp\":" + Instant.now().minusSeconds(120).toEpochMilli() + ",\"operation\":\"UPDATED\","
                    + "\"accountId\":\"123456789012\",\"thingId\":\"t-2\",\"thingName\":\"cam-2\",\"versionNumber\":2,"
                    + "\"thingTypeName\":null,\"attributes\":{\"softwareVersion\":\"7.0.0\"}}"));
        }

        assertThat(run("sync", "--env", "prod-eu", "--data-dir", data())).as(err.toString()).isZero();

        // Fleet indexing is off: the thing is asked for in the registry. Nothing per site or per other camera.
        assertThat(out.toString()).contains("prod-eu: 1 sites, 2 cameras, 0 unplaced, 0 removed (incremental sync, "
                        + "1 rows written",
                "AWS calls: 8 (ReceiveMessage 2, DeleteMessageBatch 1, DescribeThing 1, GetIndexingConfiguration 1, "
                        + "GetQueueAttributes 1, ListMetrics 1, ListThingGroupsForThing 1); incremental via registry "
                        + "events")
                .doesNotContain("read everything");
    }

    @Test
    void aProfileWithoutCredentialsFailsWithTheReasonAndLeavesTheCacheAlone() {
        String data = dir.resolve("data").toString();
        int code = run("sync", "--profile", "nobody", "--region", "eu-west-1", "--endpoint",
                MOTO.endpoint().toString(), "--data-dir", data);

        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).contains("no AWS credentials for profile nobody");
        // Nothing of the failed sync in the cache: what the window would show, the demo fleet (seeded on first use).
        assertThat(run("fleet", "--json", "--data-dir", data)).isZero();
        assertThat(out.toString()).contains("\"source\" : \"Demo fleet\"").containsPattern(
                "\"sitesByEnvironment\" : \\{\\s*\"\\(none\\)\" : 2500\\s*}");
    }

    /** Two environments on one moto: eu (three cameras) and us (two), in their own regions. */
    private void seedEuAndUs() {
        try (FleetSeeder eu = new FleetSeeder(MOTO.environment("eu", "moto-a", "eu-west-1"));
             FleetSeeder us = new FleetSeeder(MOTO.environment("us", "moto-b", "us-east-1"))) {
            eu.site("ams-01", null, FleetSeeder.siteAttributes("Amsterdam", "Northwind", "NL", "52.37", "4.89",
                    "Europe/Amsterdam", "GOLD")).thing("cam-1", "ams-01", Map.of()).thing("cam-2", "ams-01", Map.of())
                    .thing("cam-3", "ams-01", Map.of());
            us.site("nyc-01", null, FleetSeeder.siteAttributes("New_York", "Acme", "US", "40.71", "-74.0",
                    "America/New_York", "SILVER")).thing("cam-1", "nyc-01", Map.of()).thing("cam-2", "nyc-01", Map.of());
        }
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    private String[] syncArgs(String label, String profile, String region) {
        return new String[] {"sync", "--profile", profile, "--region", region, "--endpoint",
                MOTO.endpoint().toString(), "--label", label, "--data-dir", data()};
    }

    private String fleetJson() {
        out.getBuffer().setLength(0);
        assertThat(run("fleet", "--json", "--data-dir", data())).as(err.toString()).isZero();
        return out.toString();
    }

    @Test
    void syncingOneEnvironmentNeverRemovesAnothersRowsAndTheRemovedCountIsTheTruth() {
        seedEuAndUs();
        assertThat(run(syncArgs("eu", "moto-a", "eu-west-1"))).as(err.toString()).isZero();
        assertThat(run(syncArgs("us", "moto-b", "us-east-1"))).as(err.toString()).isZero();

        assertThat(out.toString()).contains("us: 1 sites, 2 cameras, 0 unplaced, 0 removed");
        assertThat(fleetJson()).contains("\"source\" : \"AWS: eu, us\"", "\"cameras\" : 5", "\"eu\" : 1",
                "\"us\" : 1");

        // A camera deleted in eu: syncing eu alone removes that one, and nothing of us.
        try (FleetSeeder eu = new FleetSeeder(MOTO.environment("eu", "moto-a", "eu-west-1"))) {
            eu.deleteThing("cam-2");
        }
        out.getBuffer().setLength(0);
        assertThat(run("sync", "--env", "eu", "--data-dir", data())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("eu: 1 sites, 2 cameras, 0 unplaced, 1 removed").doesNotContain("us:");
        assertThat(fleetJson()).contains("\"cameras\" : 4", "\"eu\" : 1", "\"us\" : 1");
    }

    @Test
    void syncWithNoOptionSyncsEveryConfiguredEnvironment() {
        seedEuAndUs();
        String endpoint = MOTO.endpoint().toString();
        assertThat(run("env", "add", "--label", "eu", "--profile", "moto-a", "--region", "eu-west-1", "--endpoint",
                endpoint, "--data-dir", data())).as(err.toString()).isZero();
        assertThat(run("env", "add", "--label", "us", "--profile", "moto-b", "--region", "us-east-1", "--endpoint",
                endpoint, "--data-dir", data())).as(err.toString()).isZero();
        out.getBuffer().setLength(0);

        assertThat(run("sync", "--data-dir", data())).as(err.toString()).isZero();

        assertThat(out.toString()).contains("eu: 1 sites, 3 cameras, 0 unplaced, 0 removed (full sync",
                "us: 1 sites, 2 cameras, 0 unplaced, 0 removed (full sync");
        assertThat(fleetJson()).contains("\"cameras\" : 5");
    }

    @Test
    void envAddListTestAndRemoveManageTheEnvironmentsOfTheSettings() {
        seedEuAndUs();
        String endpoint = MOTO.endpoint().toString();
        assertThat(run("env", "add", "--label", "eu", "--profile", "moto-a", "--region", "eu-west-1", "--endpoint",
                endpoint, "--data-dir", data())).as(err.toString()).isZero();
        assertThat(run("env", "add", "--label", "us", "--profile", "moto-b", "--region", "us-east-1", "--endpoint",
                endpoint, "--data-dir", data())).as(err.toString()).isZero();
        // The Settings form's checks: a label taken (in any case), a region that is none.
        assertThat(run("env", "add", "--label", "EU", "--profile", "moto-b", "--region", "us-east-1",
                "--data-dir", data())).isEqualTo(2);
        assertThat(err.toString()).contains("Two environments are labelled 'EU'");
        assertThat(run("env", "add", "--label", "mars", "--region", "Mars", "--data-dir", data())).isEqualTo(2);
        assertThat(err.toString()).contains("'Mars' is not an AWS region");

        out.getBuffer().setLength(0);
        assertThat(run("env", "list", "--data-dir", data())).isZero();
        assertThat(out.toString()).contains("eu: profile moto-a, region eu-west-1, endpoint " + endpoint,
                "us: profile moto-b, region us-east-1").doesNotContain("mars", "EU:");

        out.getBuffer().setLength(0);
        assertThat(run("env", "test", "eu", "--data-dir", data())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("eu: account 123456789012, arn:aws:");
        assertThat(run("env", "test", "nowhere", "--data-dir", data())).isEqualTo(2);
        assertThat(err.toString()).contains("no environment labelled 'nowhere'", "eu, us");

        // Both synced, then us removed: its rows leave at the next sync, which says so.
        assertThat(run("sync", "--data-dir", data())).as(err.toString()).isZero();
        assertThat(run("env", "remove", "us", "--data-dir", data())).as(err.toString()).isZero();
        out.getBuffer().setLength(0);
        assertThat(run("env", "list", "--data-dir", data())).isZero();
        assertThat(out.toString()).contains("eu:").doesNotContain("us:");
        assertThat(run("env", "remove", "us", "--data-dir", data())).isEqualTo(2);
        out.getBuffer().setLength(0);
        assertThat(run("sync", "--data-dir", data())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("us: 1 sites and 2 cameras removed from the cache");
        assertThat(fleetJson()).contains("\"cameras\" : 3").doesNotContain("\"us\"");
    }

    @Test
    void envTestOfAProfileWithoutCredentialsIsUnavailable() {
        assertThat(run("env", "add", "--label", "ghost", "--profile", "nobody", "--region", "eu-west-1",
                "--endpoint", MOTO.endpoint().toString(), "--data-dir", data())).as(err.toString()).isZero();

        assertThat(run("env", "test", "ghost", "--data-dir", data())).isEqualTo(3);
        assertThat(err.toString()).contains("no AWS credentials for profile nobody");
    }

    @Test
    void anEnvironmentIsNotChangedWhileAnotherConsoleHoldsTheFolder() throws Exception {
        ConsoleRuntime window = new ConsoleRuntime(Clock.systemUTC(), Map.of(), dir.resolve("home").toString(),
                new Operator("tester", ""), new Messages(Locale.ENGLISH));
        try (var open = window.openKeeping(dir.resolve("data"))) {
            // Another process, as H2's file lock only keeps other processes off: a window would save over it.
            String java = ProcessHandle.current().info().command().orElse("java");
            Process cli = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                    "-Dlogback.configurationFile=logback.xml", "-Dcamfleet.logdir=" + dir.resolve("logs"),
                    Main.class.getName(), "env", "add", "--label", "eu", "--region", "eu-west-1",
                    "--data-dir", data())).start();
            assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String cliErr = new String(cli.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(cli.exitValue()).as(cliErr).isEqualTo(3);
            assertThat(cliErr).contains("already open by another CamFleet Console");
        }
        out.getBuffer().setLength(0);
        assertThat(run("env", "list", "--data-dir", data())).isZero();
        assertThat(out.toString()).contains("No AWS environment is set up");
    }

    @Test
    void settingsThatCannotBeReadAreNeverOverwritten() throws Exception {
        Path settings = dir.resolve("data/settings.json");
        Files.createDirectories(settings.getParent());
        Files.writeString(settings, "{ \"source\": { \"kind\": \"AWS\", ");

        assertThat(run("env", "add", "--label", "eu", "--region", "eu-west-1", "--data-dir", data())).isEqualTo(3);
        assertThat(run(syncArgs("eu", "moto-a", "eu-west-1"))).isEqualTo(3);

        assertThat(err.toString()).contains("settings file " + settings + " cannot be read");
        assertThat(Files.readString(settings)).isEqualTo("{ \"source\": { \"kind\": \"AWS\", ");
    }

    @Test
    void afterACliSyncTheFolderOpensOnTheSyncedEnvironmentsNotTheDemo() {
        seedEuAndUs();
        assertThat(run(syncArgs("eu", "moto-a", "eu-west-1"))).as(err.toString()).isZero();

        // The window builds its source from the folder's settings, as openConfigured does.
        assertThat(SettingsFile.in(dir.resolve("data")).read().get(SourceSettings.SECTION).kind())
                .isEqualTo(SourceSettings.Kind.AWS);
        ConsoleRuntime runtime = new ConsoleRuntime(Clock.systemUTC(),
                Map.of("AWS_CONFIG_FILE", MOTO.configFile().toString()), dir.resolve("home").toString(),
                new Operator("tester", ""), new Messages(Locale.ENGLISH));
        runtime.interceptAws(List.of(new CborToJsonBridge()));
        try (var session = runtime.openConfigured(dir.resolve("data"))) {
            assertThat(session.fleet().sourceName()).isEqualTo("AWS: eu");
            FleetSnapshot fleet = session.fleet().start(Progress.NONE);
            assertThat(fleet.cameraCount()).isEqualTo(3);
            assertThat(fleet.sites()).allSatisfy(s -> assertThat(s.site().environment()).isEqualTo("eu"));
        }
    }

    @Test
    void afterACliImportTheFolderOpensOnTheImportedRegistry() throws Exception {
        Path registry = dir.resolve("sites.csv");
        Files.writeString(registry, """
                site_id,site_name,customer,country,region,latitude,longitude,timezone,sla_tier
                S1,Amsterdam,Northwind,NL,EU,52.37,4.89,Europe/Amsterdam,GOLD
                """);
        assertThat(run("import", registry.toString(), "--data-dir", data())).as(err.toString()).isZero();

        ConsoleRuntime runtime = new ConsoleRuntime(Clock.systemUTC(), Map.of(), dir.resolve("home").toString(),
                new Operator("tester", ""), new Messages(Locale.ENGLISH));
        try (var session = runtime.openConfigured(dir.resolve("data"))) {
            assertThat(session.fleet().sourceName()).isEqualTo("Import: sites.csv");
            assertThat(session.fleet().start(Progress.NONE).siteCount()).isEqualTo(1);
        }
    }

    @Test
    void aBadRegionIsBadInput() {
        assertThat(run("sync", "--region", "Mars", "--data-dir", dir.resolve("data").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("'Mars' is not an AWS region");
    }
}
