package io.camfleet.console.adapter.aws;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcFleetCache;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.environments.EnvironmentSync;
import io.camfleet.console.service.environments.MetricNames;
import io.camfleet.console.service.environments.SyncReport;
import io.camfleet.console.service.fleet.FleetData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The full sync through the fleet index (moto's {@code SearchIndex}, paged by {@link FleetIndexInFront}) and the
 * fall-back to the registry listings where indexing is off; both into a real H2 cache, with the calls counted.
 */
class IndexedSyncTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();
    /** Things per index page in front of moto: six things make three pages. */
    private static final int PAGE = 2;

    @TempDir
    Path dir;
    private CacheDatabase db;
    private JdbcFleetCache cache;
    private AwsClients clients;
    private final Clock clock = Clock.systemUTC();

    @BeforeEach
    void open() {
        db = CacheDatabase.open(dir, clock);
        cache = new JdbcFleetCache(db.dataSource());
        clients = MOTO.clients(op -> { });
    }

    @AfterEach
    void close() {
        clients.close();
        db.close();
    }

    @Test
    void anIndexedAccountIsReadThroughPagedSearchIndexQueriesInAHandfulOfCalls() {
        seed(true);
        try (FleetIndexInFront index = new FleetIndexInFront(MOTO.endpoint(), "eu-west-1", PAGE)) {
            SyncReport report = sync(index.baseUrl());

            assertSameFleet(report);
            assertThat(report.path()).isEqualTo(SyncReport.Path.FLEET_INDEX);
            // GetIndexingConfiguration 1; SearchIndex: the groups in one page + 6 things / 2 a page = 1 + 3 = 4;
            // ListMetrics 1 (no camera reports a metric, so no GetMetricData): 6 calls, none per site.
            assertThat(report.calls()).containsOnly(entry("GetIndexingConfiguration", 1), entry("SearchIndex", 4),
                    entry("ListMetrics", 1));
            assertThat(report.totalCalls()).isEqualTo(6);
            assertThat(report.callsByOperation()).isEqualTo("SearchIndex 4, GetIndexingConfiguration 1, ListMetrics 1");
            index.server().verify(3, postRequestedFor(urlPathEqualTo(FleetIndexInFront.SEARCH))
                    .withRequestBody(containing(AwsEnvironmentReader.THING_INDEX))
                    .withRequestBody(containing("\"maxResults\":500")));
        }
    }

    @Test
    void withGroupIndexingOffTheSyncFallsBackToTheRegistryListingsAndSaysSo() {
        seed(false);

        SyncReport report = sync(MOTO.endpoint().toString());

        assertSameFleet(report);
        assertThat(report.path()).isEqualTo(SyncReport.Path.REGISTRY);
        // GetIndexingConfiguration 1; ListThingGroups 1 (3 groups); DescribeThingGroup 3 (EU, ams-01, rtm-01);
        // ListThingsInThingGroup 2 (the two sites, one page each); ListMetrics 1; ListThings 1 (6 things): 9.
        assertThat(report.calls()).containsOnly(entry("GetIndexingConfiguration", 1), entry("ListThingGroups", 1),
                entry("DescribeThingGroup", 3), entry("ListThingsInThingGroup", 2), entry("ListMetrics", 1),
                entry("ListThings", 1));
        assertThat(report.totalCalls()).isEqualTo(9);
    }

    @Test
    void throttlingOnTheSecondIndexPageResumesFromTheSameToken() {
        seed(true);
        try (FleetIndexInFront index = new FleetIndexInFront(MOTO.endpoint(), "eu-west-1", PAGE)) {
            // The second page of things (token "2": the offset of its first thing) is throttled once.
            index.server().stubFor(post(urlPathEqualTo(FleetIndexInFront.SEARCH)).atPriority(1)
                    .withRequestBody(containing(AwsEnvironmentReader.THING_INDEX))
                    .withRequestBody(containing("\"nextToken\":\"2\""))
                    .inScenario("throttle").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("thrown")
                    .willReturn(aResponse().withStatus(429).withHeader("x-amzn-ErrorType", "ThrottlingException")
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"message\":\"Rate exceeded\"}")));

            SyncReport report = sync(index.baseUrl());

            assertSameFleet(report);
            assertThat(report.throttled()).isEqualTo(1);
            assertThat(report.calls()).containsEntry("SearchIndex", 4);
            // The first page once (no restart from the top), the second twice (throttled, then retried with the
            // same token), the third once.
            index.server().verify(1, postRequestedFor(urlPathEqualTo(FleetIndexInFront.SEARCH))
                    .withRequestBody(containing(AwsEnvironmentReader.THING_INDEX))
                    .withRequestBody(notContaining("nextToken")));
            index.server().verify(2, postRequestedFor(urlPathEqualTo(FleetIndexInFront.SEARCH))
                    .withRequestBody(containing("\"nextToken\":\"2\"")));
            index.server().verify(1, postRequestedFor(urlPathEqualTo(FleetIndexInFront.SEARCH))
                    .withRequestBody(containing("\"nextToken\":\"4\"")));
        }
    }

    private SyncReport sync(String endpoint) {
        Environment prod = Environment.of("prod-eu", "moto-a", "eu-west-1", endpoint);
        return new EnvironmentSync(new AwsEnvironmentReader(clients, MetricNames.DEFAULT, clock), cache, clock)
                .sync(prod, true, "AWS", Progress.NONE);
    }

    /** A region group, two sites (one in the region), five cameras on them and one on none. */
    private static void seed(boolean indexed) {
        try (FleetSeeder seed = new FleetSeeder(MOTO.environment("prod-eu", "moto-a", "eu-west-1"))) {
            if (indexed) {
                seed.indexThingsAndGroups();
            }
            seed.region("EU")
                    .site("ams-01", "EU", FleetSeeder.siteAttributes("Amsterdam", "Northwind", "NL", "52.37", "4.89",
                            "Europe/Amsterdam", "GOLD"))
                    .site("rtm-01", null, FleetSeeder.siteAttributes("Rotterdam", "Acme", "NL", "51.92", "4.48",
                            "Europe/Amsterdam", "SILVER"));
            for (int i = 1; i <= 4; i++) {
                seed.thing("cam-" + i, "ams-01", Map.of("softwareVersion", "6.4." + i));
            }
            seed.thing("cam-5", "rtm-01", Map.of("softwareVersion", "6.5.0", "mode", "maintenance"))
                    .thing("cam-stray", null, Map.of());
        }
    }

    /** What either path must make of {@link #seed}. */
    private void assertSameFleet(SyncReport report) {
        assertThat(report.sites()).isEqualTo(3); // two sites and the stray camera's "no site"
        assertThat(report.cameras()).isEqualTo(6);
        FleetData back = cache.readEnvironment("prod-eu");
        assertThat(back.cameras()).extracting(CameraSystem::id, CameraSystem::siteId).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("prod-eu/cam-1", "prod-eu/ams-01"),
                org.assertj.core.groups.Tuple.tuple("prod-eu/cam-2", "prod-eu/ams-01"),
                org.assertj.core.groups.Tuple.tuple("prod-eu/cam-3", "prod-eu/ams-01"),
                org.assertj.core.groups.Tuple.tuple("prod-eu/cam-4", "prod-eu/ams-01"),
                org.assertj.core.groups.Tuple.tuple("prod-eu/cam-5", "prod-eu/rtm-01"),
                org.assertj.core.groups.Tuple.tuple("prod-eu/cam-stray", "prod-eu/(no site)"));
        assertThat(back.cameras()).filteredOn(c -> c.id().equals("prod-eu/cam-3")).singleElement()
                .extracting(CameraSystem::softwareVersion).isEqualTo("6.4.3");
        assertThat(back.telemetryOf("prod-eu/cam-5").mode())
                .isEqualTo(io.camfleet.console.domain.fleet.OperatingMode.MAINTENANCE);
        // Connectivity is not indexed: moto's "connected" is not taken as a heartbeat.
        assertThat(back.telemetryOf("prod-eu/cam-1").lastHeartbeat()).isNull();
        // The region is the site's top-level ancestor group.
        assertThat(back.sites()).extracting(Site::id, Site::region).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("prod-eu/ams-01", "EU"),
                org.assertj.core.groups.Tuple.tuple("prod-eu/rtm-01", ""),
                org.assertj.core.groups.Tuple.tuple("prod-eu/(no site)", ""));
    }
}
