package io.camfleet.console.adapter.aws;

import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcFleetCache;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.OperatingMode;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.environments.EnvironmentSync;
import io.camfleet.console.service.environments.EnvironmentsFleetSource;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.environments.MetricNames;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.environments.SyncReport;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** Syncs environments seeded on a real moto_server into a real H2 cache. */
class AwsSyncTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @TempDir
    Path dir;
    private CacheDatabase db;
    private JdbcFleetCache cache;
    private AwsClients clients;
    private EnvironmentSync sync;
    private final Clock clock = Clock.systemUTC();

    @BeforeEach
    void open() {
        db = CacheDatabase.open(dir, clock);
        cache = new JdbcFleetCache(db.dataSource());
        clients = MOTO.clients(op -> { });
        sync = new EnvironmentSync(new AwsEnvironmentReader(clients, MetricNames.DEFAULT, clock), cache, clock);
    }

    @AfterEach
    void close() {
        clients.close();
        db.close();
    }

    @Test
    void sitesThingsConnectivityAndMetricsBecomeTheCachedFleet() {
        Environment prod = MOTO.environment("prod-eu", "moto-a", "eu-west-1");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (FleetSeeder seed = new FleetSeeder(prod)) {
            seed.region("EU")
                    .site("ams-01", "EU", FleetSeeder.siteAttributes("Amsterdam_Hub", "Northwind", "nl", "52.37",
                            "4.89", "Europe/Amsterdam", "platinum"))
                    .site("nowhere", "EU", FleetSeeder.siteAttributes("Nowhere", "Acme", "DE", null, null,
                            "Europe/Berlin", "gold"))
                    .site("broken", null, FleetSeeder.siteAttributes("Broken", "Acme", "FR", "north", "2.35",
                            "Not/AZone", "diamond"))
                    .thing("cam-ams-1", "ams-01", Map.of("softwareVersion", "6.4.2", "image", "ami-0abc",
                            "sshAddress", "10.1.0.5:22", "jumpHost", "bastion-eu", "ssmNodeId", "mi-0123456789abcdef0"))
                    .thing("cam-ams-2", "ams-01", Map.of("softwareVersion", "6.4.1", "mode", "maintenance"))
                    .thing("cam-now-1", "nowhere", Map.of())
                    .thing("cam-brk-1", "broken", Map.of())
                    .thing("cam-stray", null, Map.of("softwareVersion", "6.0.0"))
                    .metrics("cam-ams-1", now.minusSeconds(30), Map.of("Heartbeat", 1.0, "FramesCaptured", 590.0,
                            "DiskUsedPercent", 41.5, "TemperatureC", 81.0));
        }

        SyncReport report = sync.sync(prod, true, "AWS", Progress.NONE);

        assertThat(report.sites()).isEqualTo(4); // three site groups and the stray thing's "no site"
        assertThat(report.cameras()).isEqualTo(5);
        assertThat(report.unplaced()).isEqualTo(3);
        FleetData back = cache.readEnvironment("prod-eu");
        Site ams = back.sites().stream().filter(s -> s.id().equals("prod-eu/ams-01")).findFirst().orElseThrow();
        assertThat(ams).isEqualTo(new Site("prod-eu/ams-01", "Amsterdam Hub", "Northwind", "NL", "EU", 52.37, 4.89,
                "Europe/Amsterdam", SlaTier.PLATINUM, "Sun 02:00-04:00", "prod-eu"));
        Site broken = back.sites().stream().filter(s -> s.id().equals("prod-eu/broken")).findFirst().orElseThrow();
        assertThat(broken.isPlaced()).as("a latitude that is not a number is not 0").isFalse();
        assertThat(broken.latitude()).isNull();
        assertThat(broken.region()).isEmpty();
        assertThat(broken.timeZone()).isEmpty();
        assertThat(broken.slaTier()).isEqualTo(SlaTier.BRONZE);
        assertThat(back.sites()).filteredOn(s -> s.id().equals("prod-eu/(no site)")).singleElement()
                .satisfies(s -> assertThat(s.isPlaced()).isFalse());

        CameraSystem cam = back.cameras().stream().filter(c -> c.id().equals("prod-eu/cam-ams-1")).findFirst()
                .orElseThrow();
        assertThat(cam).isEqualTo(new CameraSystem("prod-eu/cam-ams-1", "prod-eu/ams-01", "cam-ams-1", "10.1.0.5:22",
                "bastion-eu", "mi-0123456789abcdef0", "cam-ams-1", "ami-0abc", "6.4.2"));
        CameraTelemetry t = back.telemetryOf("prod-eu/cam-ams-1");
        assertThat(t.framesPerMinute()).isEqualTo(590.0);
        assertThat(t.diskUsedPercent()).isEqualTo(41.5);
        assertThat(t.temperatureC()).isEqualTo(81.0);
        assertThat(t.lastHeartbeat()).isBetween(now.minusSeconds(90), Instant.now());
        assertThat(back.telemetryOf("prod-eu/cam-ams-2").mode()).isEqualTo(OperatingMode.MAINTENANCE);
        assertThat(back.telemetryOf("prod-eu/cam-now-1").lastHeartbeat()).as("no metrics, no index").isNull();
        assertThat(back.cameras()).filteredOn(c -> c.id().equals("prod-eu/cam-stray")).singleElement()
                .extracting(CameraSystem::siteId).isEqualTo("prod-eu/(no site)");
        assertThat(cache.environmentsAsOf()).containsKey("prod-eu");
    }

    @Test
    void aThingWithValuesAtAwsLimitsSyncsWithTheGoodRecordsAndKeepsItsValues() {
        Environment prod = MOTO.environment("prod-eu", "moto-a", "eu-west-1");
        String group = "g".repeat(128); // AWS's longest thing-group and thing names
        String thing = "t".repeat(128);
        String image = "ami-" + "i".repeat(796); // AWS's longest attribute value: 800 characters
        String ssh = "h".repeat(795) + ":2222";
        String customer = "c".repeat(800);
        String description = "A site with a long description ".repeat(60).substring(0, 1800);
        Map<String, String> longSite = new java.util.HashMap<>(FleetSeeder.siteAttributes(null, customer, "NL",
                "52.0", "4.0", "Europe/Amsterdam", "GOLD"));
        longSite.remove("name"); // its name is then its description
        longSite.put("maintenanceWindow", "w".repeat(800));
        longSite.put("region", "r".repeat(800));
        try (FleetSeeder seed = new FleetSeeder(prod)) {
            seed.site("ams-01", null, FleetSeeder.siteAttributes("Amsterdam", "Northwind", "NL", "52.37", "4.89",
                            "Europe/Amsterdam", "GOLD"))
                    .site(group, null, longSite, description)
                    .thing("cam-1", "ams-01", Map.of("softwareVersion", "6.4.2"))
                    .thing(thing, group, Map.of("image", image, "sshAddress", ssh, "jumpHost", "j".repeat(800),
                            "ssmNodeId", "m".repeat(800), "hostname", "n".repeat(800),
                            "softwareVersion", "v".repeat(800)))
                    .thing("cam-2", "ams-01", Map.of("softwareVersion", "6.4.2"));
        }

        SyncReport report = sync.sync(prod, true, "AWS", Progress.NONE);

        assertThat(report.warnings()).isEmpty();
        FleetData back = cache.readEnvironment("prod-eu");
        assertThat(back.cameras()).extracting(CameraSystem::id)
                .containsExactlyInAnyOrder("prod-eu/cam-1", "prod-eu/cam-2", "prod-eu/" + thing);
        assertThat(back.cameras()).filteredOn(c -> c.id().equals("prod-eu/" + thing)).singleElement()
                .isEqualTo(new CameraSystem("prod-eu/" + thing, "prod-eu/" + group, "n".repeat(800), ssh,
                        "j".repeat(800), "m".repeat(800), thing, image, "v".repeat(800)));
        assertThat(back.sites()).filteredOn(s -> s.id().equals("prod-eu/" + group)).singleElement()
                .satisfies(s -> {
                    assertThat(s.name()).isEqualTo(description.strip());
                    assertThat(s.customer()).isEqualTo(customer);
                    assertThat(s.region()).isEqualTo("r".repeat(800));
                    assertThat(s.maintenanceWindow()).isEqualTo("w".repeat(800));
                });
        assertThat(back.sites()).extracting(Site::id).contains("prod-eu/ams-01");
        assertThat(cache.environmentsAsOf()).containsKey("prod-eu");
    }

    @Test
    void aValueLongerThanAwsAllowsIsClippedWithANoteNamingTheRecordAndTheFieldAndTheSyncGoesOn() {
        Environment prod = MOTO.environment("prod-eu", "moto-a", "eu-west-1");
        try (FleetSeeder seed = new FleetSeeder(prod)) {
            // moto takes longer values than AWS does; an emulator or a future AWS might send one.
            seed.site("ams-01", null, FleetSeeder.siteAttributes("Amsterdam", "Northwind", "NL", "52.37", "4.89",
                            "Europe/Amsterdam", "GOLD"))
                    .thing("cam-1", "ams-01", Map.of("image", "i".repeat(1500)))
                    .thing("cam-2", "ams-01", Map.of("softwareVersion", "6.4.2"));
        }
        EnvironmentsFleetSource source = new EnvironmentsFleetSource(java.util.List.of(prod), sync, cache);

        FleetData fleet = source.load(Instant.now(), Progress.NONE);

        assertThat(fleet.cameras()).hasSize(2);
        assertThat(cache.readEnvironment("prod-eu").cameras()).filteredOn(c -> c.id().equals("prod-eu/cam-1"))
                .singleElement().satisfies(c -> assertThat(c.image()).hasSize(800).startsWith("iii").endsWith("…"));
        assertThat(source.problems()).singleElement().satisfies(p -> assertThat(p.getMessage())
                .contains("prod-eu/cam-1", "image", "1500", "800").doesNotContainIgnoringCase("disk"));
    }

    @Test
    void theFleetIndexGivesConnectivityWhenItIsOn() {
        Environment prod = MOTO.environment("prod-eu", "moto-a", "eu-west-1");
        try (FleetSeeder seed = new FleetSeeder(prod)) {
            seed.site("ams-01", null, FleetSeeder.siteAttributes("Amsterdam", "Northwind", "NL", "52.37", "4.89",
                    "Europe/Amsterdam", "GOLD")).thing("cam-1", "ams-01", Map.of()).indexConnectivity();
        }
        Instant before = Instant.now().minusSeconds(1);

        sync.sync(prod, true, "AWS", Progress.NONE);

        // moto reports every thing as connected: seen now, though it sent no metric.
        assertThat(cache.readEnvironment("prod-eu").telemetryOf("prod-eu/cam-1").lastHeartbeat())
                .isBetween(before, Instant.now());
    }

    @Test
    void deletedThingsDisappearAndAnIncrementalSyncWritesOnlyWhatChanged() {
        Environment prod = MOTO.environment("prod-eu", "moto-a", "eu-west-1");
        try (FleetSeeder seed = new FleetSeeder(prod)) {
            seed.site("ams-01", null, FleetSeeder.siteAttributes("Amsterdam", "Northwind", "NL", "52.37", "4.89",
                    "Europe/Amsterdam", "GOLD"));
            for (int i = 1; i <= 12; i++) {
                seed.thing("cam-" + i, "ams-01", Map.of("softwareVersion", "6.4.0"));
            }
        }
        SyncReport first = sync.sync(prod, true, "AWS", Progress.NONE);
        assertThat(first.written()).isEqualTo(13);
        Instant firstAsOf = cache.environmentsAsOf().get("prod-eu");

        try (FleetSeeder seed = new FleetSeeder(prod)) {
            seed.deleteThing("cam-3").deleteThing("cam-7").updateThing("cam-5", Map.of("softwareVersion", "6.5.0"));
        }
        SyncReport second = sync.sync(prod, false, "AWS", Progress.NONE);

        assertThat(second.removed()).isEqualTo(2);
        assertThat(second.written()).as("only cam-5 changed").isEqualTo(1);
        assertThat(cache.readEnvironment("prod-eu").cameras()).extracting(CameraSystem::id)
                .hasSize(10).doesNotContain("prod-eu/cam-3", "prod-eu/cam-7");
        assertThat(cache.readEnvironment("prod-eu").cameras()).filteredOn(c -> c.id().equals("prod-eu/cam-5"))
                .singleElement().extracting(CameraSystem::softwareVersion).isEqualTo("6.5.0");
        assertThat(cache.environmentsAsOf().get("prod-eu")).isAfterOrEqualTo(firstAsOf);
    }

    @Test
    void twoEnvironmentsMergeIntoOneFleetEachRecordCarryingItsEnvironment() {
        Environment prod = MOTO.environment("prod-eu", "moto-a", "eu-west-1");
        Environment staging = MOTO.environment("staging-us", "moto-b", "us-east-1");
        try (FleetSeeder eu = new FleetSeeder(prod); FleetSeeder us = new FleetSeeder(staging)) {
            eu.site("ams-01", null, FleetSeeder.siteAttributes("Amsterdam", "Northwind", "NL", "52.37", "4.89",
                    "Europe/Amsterdam", "GOLD")).thing("cam-1", "ams-01", Map.of());
            // The same names in the other environment: ids carry the environment, so nothing clashes.
            us.site("ams-01", null, FleetSeeder.siteAttributes("Amsterdam NY", "Acme", "US", "42.94", "-74.19",
                    "America/New_York", "SILVER")).thing("cam-1", "ams-01", Map.of()).thing("cam-2", "ams-01", Map.of());
        }
        EnvironmentsFleetSource source = new EnvironmentsFleetSource(java.util.List.of(prod, staging), sync, cache);

        FleetData fleet = source.load(Instant.now(), Progress.NONE);

        assertThat(source.name()).isEqualTo("AWS: prod-eu, staging-us");
        assertThat(fleet.sites()).extracting(Site::id, Site::environment).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("prod-eu/ams-01", "prod-eu"),
                org.assertj.core.groups.Tuple.tuple("staging-us/ams-01", "staging-us"));
        assertThat(fleet.cameras()).extracting(CameraSystem::id).containsExactlyInAnyOrder(
                "prod-eu/cam-1", "staging-us/cam-1", "staging-us/cam-2");
        assertThat(source.problems()).isEmpty();
        assertThat(source.storedAsOf()).isPresent();
    }

    @Test
    void throttledCallsAreRetriedAndCounted() {
        seedAmsterdam("cam-1");
        // A proxy in front of moto throttles the first two ListThings calls, as AWS does under load.
        WireMockServer proxy = proxyToMoto();
        try {
            proxy.stubFor(get(urlPathEqualTo("/things")).atPriority(1).inScenario("throttle")
                    .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("once").willReturn(throttled()));
            proxy.stubFor(get(urlPathEqualTo("/things")).atPriority(1).inScenario("throttle")
                    .whenScenarioStateIs("once").willSetStateTo("twice").willReturn(throttled()));
            java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (AwsClients viaProxy = MOTO.clients(seen::add)) {
                EnvironmentSync throttledSync = new EnvironmentSync(
                        new AwsEnvironmentReader(viaProxy, MetricNames.DEFAULT, clock), cache, clock);
                Environment prod = Environment.of("prod-eu", "moto-a", "eu-west-1", proxy.baseUrl());

                SyncReport report = throttledSync.sync(prod, true, "AWS", Progress.NONE);

                assertThat(report.cameras()).isEqualTo(1);
                assertThat(report.throttled()).isEqualTo(2);
                assertThat(seen).hasSize(2).allSatisfy(op -> assertThat(op).contains("ThrottlingException"));
            }
            proxy.verify(3, getRequestedFor(urlPathEqualTo("/things")));
        } finally {
            proxy.stop();
        }
    }

    @Test
    void whatAnotherSourceLeftInTheCacheStaysUntilAnEnvironmentHasSynced() {
        cache.replaceFleet(new FleetData(java.util.List.of(new Site("DEMO-1", "Demo site", "C", "NL", "EU", 52.0,
                4.0, "UTC", SlaTier.GOLD, "")), java.util.List.of(), Map.of()), java.util.List.of(), "Demo fleet",
                Instant.now());
        seedAmsterdam("cam-1");
        Environment unreachable = Environment.of("prod-eu", "moto-a", "eu-west-1", "http://127.0.0.1:9");
        EnvironmentsFleetSource offline = new EnvironmentsFleetSource(java.util.List.of(unreachable), sync, cache);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> offline.load(Instant.now(), Progress.NONE))
                .isInstanceOf(io.camfleet.console.service.common.Problem.class);
        assertThat(cache.read().fleet().sites()).extracting(Site::id).containsExactly("DEMO-1");

        Environment prod = MOTO.environment("prod-eu", "moto-a", "eu-west-1");
        new EnvironmentsFleetSource(java.util.List.of(prod), sync, cache).load(Instant.now(), Progress.NONE);
        assertThat(cache.read().fleet().sites()).extracting(Site::id).containsExactly("prod-eu/ams-01");
    }

    @Test
    void aListingThatRepeatsItsPageTokenEndsThereWithWhatItRead() {
        seedAmsterdam("cam-1", "cam-2");
        // ListThings answers with the same next token forever, as a broken service might.
        WireMockServer proxy = proxyToMoto();
        try (AwsClients viaProxy = MOTO.clients(op -> { })) {
            proxy.stubFor(get(urlPathEqualTo("/things")).atPriority(1).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"things\":[{\"thingName\":\"cam-1\",\"attributes\":{}},"
                            + "{\"thingName\":\"cam-2\",\"attributes\":{}}],\"nextToken\":\"again\"}")));
            Environment prod = Environment.of("prod-eu", "moto-a", "eu-west-1", proxy.baseUrl());

            SyncReport report = new EnvironmentSync(new AwsEnvironmentReader(viaProxy, MetricNames.DEFAULT, clock),
                    cache, clock).sync(prod, true, "AWS", Progress.NONE);

            assertThat(report.cameras()).isEqualTo(2);
            // The first page, then the page for "again", which says "again" once more: there it stops.
            proxy.verify(2, getRequestedFor(urlPathEqualTo("/things")));
        } finally {
            proxy.stop();
        }
    }

    @Test
    void withCloudWatchRefusedTheInventoryStillSyncsAndTheRefusalIsReported() {
        seedAmsterdam("cam-1");
        WireMockServer proxy = proxyToMoto();
        try (AwsClients viaProxy = MOTO.clients(op -> { })) {
            proxy.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/")).atPriority(1)
                    .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/x-amz-json-1.0")
                            .withBody("{\"__type\":\"AccessDenied\",\"message\":\"not authorized to perform "
                                    + "cloudwatch:ListMetrics\"}")));
            Environment prod = Environment.of("prod-eu", "moto-a", "eu-west-1", proxy.baseUrl());
            EnvironmentsFleetSource source = new EnvironmentsFleetSource(java.util.List.of(prod),
                    new EnvironmentSync(new AwsEnvironmentReader(viaProxy, MetricNames.DEFAULT, clock), cache, clock),
                    cache);

            FleetData fleet = source.load(Instant.now(), Progress.NONE);

            assertThat(fleet.cameras()).hasSize(1);
            assertThat(source.problems()).singleElement().satisfies(p -> {
                assertThat(p.key()).isEqualTo("sync.failed.environment");
                assertThat(p.getMessage()).contains("prod-eu", "cloudwatch:ListMetrics");
            });
        } finally {
            proxy.stop();
        }
    }

    /** WireMock on loopback in front of moto: every call passes through, unless a test's own stub answers it. */
    private static WireMockServer proxyToMoto() {
        WireMockServer proxy = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        proxy.start();
        proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(MOTO.endpoint().toString())));
        return proxy;
    }

    /** One site, Amsterdam, in prod-eu on moto, with these things. */
    private static void seedAmsterdam(String... things) {
        try (FleetSeeder seed = new FleetSeeder(MOTO.environment("prod-eu", "moto-a", "eu-west-1"))) {
            seed.site("ams-01", null, FleetSeeder.siteAttributes("Amsterdam", "Northwind", "NL", "52.37", "4.89",
                    "Europe/Amsterdam", "GOLD"));
            for (String thing : things) {
                seed.thing(thing, "ams-01", Map.of());
            }
        }
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder throttled() {
        return aResponse().withStatus(429).withHeader("x-amzn-ErrorType", "ThrottlingException")
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Rate exceeded\"}");
    }

    /** The cache, as the sync sees it; dies before writing page {@code dieAt} (counted from 1). */
    private static final class DyingCache implements io.camfleet.console.service.environments.SyncCache {
        private final JdbcFleetCache cache;
        private final int dieAt;
        private int pages;

        DyingCache(JdbcFleetCache cache, int dieAt) {
            this.cache = cache;
            this.dieAt = dieAt;
        }

        @Override
        public FleetData readEnvironment(String environment) {
            return cache.readEnvironment(environment);
        }

        @Override
        public java.util.List<Clipped> writePage(String environment, java.util.List<Site> sites,
                                                 java.util.List<CameraSystem> cameras,
                                                 Map<String, CameraTelemetry> telemetry) {
            if (++pages == dieAt) {
                throw new IllegalStateException("killed between pages");
            }
            return cache.writePage(environment, sites, cameras, telemetry);
        }

        @Override
        public void finishSync(String environment, java.util.Collection<String> goneSites,
                               java.util.Collection<String> goneCameras, String source, Instant asOf, boolean full) {
            cache.finishSync(environment, goneSites, goneCameras, source, asOf, full);
        }

        @Override
        public java.util.List<Removed> retainEnvironments(java.util.Set<String> environments) {
            return cache.retainEnvironments(environments);
        }

        @Override
        public Map<String, Instant> environmentsAsOf() {
            return cache.environmentsAsOf();
        }
    }

    @Test
    void aSyncStoppedBetweenPagesLeavesTheCacheConsistentAndItsAsOfUnchanged() {
        Environment prod = MOTO.environment("prod-eu", "moto-a", "eu-west-1");
        int things = AwsEnvironmentReader.THING_PAGE + 20;
        try (FleetSeeder seed = new FleetSeeder(prod)) {
            seed.site("ams-01", null, FleetSeeder.siteAttributes("Amsterdam", "Northwind", "NL", "52.37", "4.89",
                    "Europe/Amsterdam", "GOLD"));
            for (int i = 1; i <= things; i++) {
                seed.thing(String.format("cam-%03d", i), "ams-01", Map.of("softwareVersion", "6.4.0"));
            }
        }
        sync.sync(prod, true, "AWS", Progress.NONE);
        Instant asOf = cache.environmentsAsOf().get("prod-eu");
        Instant cacheAsOf = cache.read().asOf();
        try (FleetSeeder seed = new FleetSeeder(prod)) {
            for (int i = 1; i <= things; i++) {
                seed.updateThing(String.format("cam-%03d", i), Map.of("softwareVersion", "6.5.0"));
            }
            seed.deleteThing("cam-002");
        }

        // Pages: the sites, then the first page of cameras, then the second: the writer dies before that one.
        EnvironmentSync dying = new EnvironmentSync(new AwsEnvironmentReader(clients, MetricNames.DEFAULT, clock),
                new DyingCache(cache, 3), clock);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dying.sync(prod, true, "AWS", Progress.NONE))
                .hasMessageContaining("killed between pages");

        assertThat(cache.environmentsAsOf().get("prod-eu")).isEqualTo(asOf);
        assertThat(cache.read().asOf()).isEqualTo(cacheAsOf);
        FleetData half = cache.readEnvironment("prod-eu");
        // Whole pages only: the first page of cameras is new, the rest is as it was; nothing is removed yet.
        assertThat(half.cameras()).hasSize(things);
        assertThat(half.cameras()).filteredOn(c -> c.softwareVersion().equals("6.5.0"))
                .hasSize(AwsEnvironmentReader.THING_PAGE);
        // The next sync completes what the dead one began.
        sync.sync(prod, false, "AWS", Progress.NONE);
        assertThat(cache.readEnvironment("prod-eu").cameras()).hasSize(things - 1)
                .allSatisfy(c -> assertThat(c.softwareVersion()).isEqualTo("6.5.0"));
        assertThat(cache.environmentsAsOf().get("prod-eu")).isAfter(asOf);
    }
}
