package io.camfleet.console.adapter.aws;

import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcFleetCache;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.HealthRules;
import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.environments.EnvironmentSync;
import io.camfleet.console.service.environments.MetricNames;
import io.camfleet.console.service.environments.SyncReport;
import io.camfleet.console.service.fleet.FleetData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The fake AWS account the {@code sync-calls} benchmark syncs from: its rate limit refuses calls as AWS does, and
 * the console's real sync still reads the whole fleet through it, on either path, with the calls it should make.
 */
class AwsFleetFakeTest {

    @TempDir
    Path dir;
    private CacheDatabase db;
    private JdbcFleetCache cache;
    private AwsClients clients;
    private final Clock clock = Clock.systemUTC();

    @BeforeEach
    void open() throws Exception {
        db = CacheDatabase.open(dir, clock);
        cache = new JdbcFleetCache(db.dataSource());
        clients = AwsFleetFake.clients(op -> { });
    }

    @AfterEach
    void close() {
        clients.close();
        db.close();
    }

    @Test
    void callsOverAnOperationsRateAreRefusedWith429WhileAnotherOperationIsStillAnswered() throws Exception {
        try (AwsFleetFake fake = new AwsFleetFake(FakeFleet.of(2, 10), true, 1)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest config = HttpRequest.newBuilder(fake.endpoint().resolve("/indexing/config")).build();
            List<HttpResponse<String>> answers = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                answers.add(http.send(config, HttpResponse.BodyHandlers.ofString()));
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            HttpResponse<String> things = http.send(HttpRequest.newBuilder(fake.endpoint().resolve("/things"))
                    .build(), HttpResponse.BodyHandlers.ofString());

            long ok = answers.stream().filter(r -> r.statusCode() == 200).count();
            // One token to start with, one more a second.
            assertThat(ok).isBetween(1L, 1 + (long) seconds);
            assertThat(answers).filteredOn(r -> r.statusCode() != 200).hasSize(10 - (int) ok).allSatisfy(r -> {
                assertThat(r.statusCode()).isEqualTo(429);
                assertThat(r.headers().firstValue("x-amzn-ErrorType")).hasValue("ThrottlingException");
            });
            assertThat(things.statusCode()).isEqualTo(200);
            assertThat(fake.refused()).containsOnly(entry("GetIndexingConfiguration", 10 - (int) ok));
            assertThat(fake.answered()).containsOnly(entry("GetIndexingConfiguration", (int) ok),
                    entry("ListThings", 1));
        }
    }

    @Test
    void anIndexedSyncAtFiveCallsASecondIsThrottledAndStillReadsEveryThing() throws Exception {
        // Five calls a second, two in the bucket, and a clock that moves 100 ms at each call whatever the machine's
        // speed: a third call in a row to one operation empties its bucket, and each after it is refused once (half
        // a token a call), within the three attempts the SDK makes.
        AtomicLong clock = new AtomicLong();
        CallLimiter limiter = new CallLimiter(5, 2, () -> clock.addAndGet(100_000_000L));
        try (AwsFleetFake fake = new AwsFleetFake(FakeFleet.of(200, 1000), true, limiter)) {
            SyncReport report = sync(fake);

            assertWholeFleet(report);
            assertThat(report.path()).isEqualTo(SyncReport.Path.FLEET_INDEX);
            // Groups: 205 in one page; things: 1,000 in two; ListMetrics: 1,000 heartbeat metrics in 2 pages of 500;
            // GetMetricData: 4 metrics for each page of 500 things.
            assertThat(report.calls()).containsOnly(entry("GetIndexingConfiguration", 1), entry("SearchIndex", 3),
                    entry("ListMetrics", 2), entry("GetMetricData", 8));
            // GetMetricData's four a page outrun its bucket: refused as CloudWatch throttles (a large request body
            // read whole first), and retried by the SDK. ListMetrics' two calls fit in its bucket of two.
            assertThat(fake.refused()).containsOnlyKeys("GetMetricData");
            int refused = fake.refused().values().stream().mapToInt(Integer::intValue).sum();
            assertThat(report.throttled()).isEqualTo(refused);
            assertThat(fake.answered()).isEqualTo(Map.copyOf(report.calls()));
        }
    }

    @Test
    void withIndexingOffTheRegistryFallbackReadsTheSameFleetGroupByGroup() throws Exception {
        try (AwsFleetFake fake = new AwsFleetFake(FakeFleet.of(200, 1000), false, 0)) {
            SyncReport report = sync(fake);

            assertWholeFleet(report);
            assertThat(report.path()).isEqualTo(SyncReport.Path.REGISTRY);
            // 205 groups: one page and one DescribeThingGroup each; one member listing per site; 1,000 things in
            // 4 pages of 250, each with 4 GetMetricData.
            assertThat(report.calls()).containsOnly(entry("GetIndexingConfiguration", 1),
                    entry("ListThingGroups", 1), entry("DescribeThingGroup", 205),
                    entry("ListThingsInThingGroup", 200), entry("ListThings", 4), entry("ListMetrics", 2),
                    entry("GetMetricData", 16));
            assertThat(fake.refused()).isEmpty();
            assertThat(fake.answered()).isEqualTo(Map.copyOf(report.calls()));
        }
    }

    @Test
    void withEveryThingsHealthInItsIndexedShadowCloudWatchIsNotAskedAndTheHealthIsAsCloudWatchGivesIt()
            throws Exception {
        FakeFleet fleet = FakeFleet.of(200, 1000);
        try (AwsFleetFake fromCloudWatch = new AwsFleetFake(fleet, true, 0);
             AwsFleetFake fromShadows = new AwsFleetFake(fleet, true, AwsFleetFake::healthShadow, unlimited())) {
            sync(fromCloudWatch, "cw");
            SyncReport report = sync(fromShadows, "fake");
            Instant now = clock.instant();

            assertWholeFleet(report);
            assertThat(report.path()).isEqualTo(SyncReport.Path.FLEET_INDEX);
            assertThat(report.calls()).containsOnly(entry("GetIndexingConfiguration", 1), entry("SearchIndex", 3));
            assertThat(fromShadows.askedCloudWatchAbout()).isEmpty();
            FleetData cw = cache.readEnvironment("cw");
            FleetData shadow = cache.readEnvironment("fake");
            Map<HealthState, Integer> states = new EnumMap<>(HealthState.class);
            for (FakeFleet.Thing t : fleet.things()) {
                CameraTelemetry a = cw.telemetryOf("cw/" + t.name());
                CameraTelemetry b = shadow.telemetryOf("fake/" + t.name());
                assertThat(b.framesPerMinute()).as(t.name()).isEqualTo(a.framesPerMinute());
                assertThat(b.diskUsedPercent()).as(t.name()).isEqualTo(a.diskUsedPercent());
                assertThat(b.temperatureC()).as(t.name()).isEqualTo(a.temperatureC());
                assertThat(b.mode()).as(t.name()).isEqualTo(a.mode());
                if (!t.connected()) {
                    assertThat(b.lastHeartbeat()).as(t.name()).isEqualTo(a.lastHeartbeat());
                }
                HealthState state = HealthRules.DEFAULT.evaluate(b, now);
                assertThat(state).as(t.name()).isEqualTo(HealthRules.DEFAULT.evaluate(a, now));
                states.merge(state, 1, Integer::sum);
            }
            // Not a comparison of empty telemetry: the silent every 50th is offline (or in maintenance), the others
            // are not.
            assertThat(states).containsKeys(HealthState.ONLINE, HealthState.OFFLINE, HealthState.MAINTENANCE);
        }
    }

    @Test
    void withHalfTheThingsHealthInTheirShadowsCloudWatchIsAskedOnlyAboutTheOtherHalf() throws Exception {
        FakeFleet fleet = FakeFleet.of(200, 1000);
        try (AwsFleetFake fake = new AwsFleetFake(fleet, true,
                t -> number(t) % 2 == 0 ? AwsFleetFake.healthShadow(t) : null, unlimited())) {
            SyncReport report = sync(fake);

            assertWholeFleet(report);
            // No ListMetrics; GetMetricData: 4 metrics for the 250 odd things of each page of 500.
            assertThat(report.calls()).containsOnly(entry("GetIndexingConfiguration", 1), entry("SearchIndex", 3),
                    entry("GetMetricData", 8));
            assertThat(fake.askedCloudWatchAbout()).containsExactlyInAnyOrderElementsOf(fleet.things().stream()
                    .filter(t -> number(t) % 2 == 1).map(FakeFleet.Thing::name).toList());
            FleetData back = cache.readEnvironment("fake");
            for (FakeFleet.Thing t : fleet.things()) {
                CameraTelemetry telemetry = back.telemetryOf("fake/" + t.name());
                assertThat(telemetry.temperatureC() != null).as(t.name()).isEqualTo(t.connected());
                assertThat(telemetry.lastHeartbeat()).as(t.name()).isNotNull();
            }
        }
    }

    @Test
    void aShadowThatIsNotJsonLeavesThatCamerasHealthToCloudWatchAndTheSyncGoesOn() throws Exception {
        FakeFleet fleet = FakeFleet.of(200, 1000);
        try (AwsFleetFake fake = new AwsFleetFake(fleet, true,
                t -> t.name().equals("cam-000201") ? "{\"reported\": {\"temperatureC\": 4"
                        : AwsFleetFake.healthShadow(t), unlimited())) {
            SyncReport report = sync(fake);

            assertWholeFleet(report); // cam-000201's temperature included, from CloudWatch
            assertThat(fake.askedCloudWatchAbout()).containsExactly("cam-000201");
            assertThat(report.calls()).containsOnly(entry("GetIndexingConfiguration", 1), entry("SearchIndex", 3),
                    entry("GetMetricData", 4));
        }
    }

    @Test
    void withCloudWatchRefusedTheShadowsHealthIsStillReadAndCloudWatchIsAskedOnceWithAWarning() throws Exception {
        FakeFleet fleet = FakeFleet.of(200, 1000);
        try (AwsFleetFake fake = new AwsFleetFake(fleet, true,
                t -> number(t) % 2 == 0 ? AwsFleetFake.healthShadow(t) : null, unlimited())) {
            fake.denyCloudWatch();
            SyncReport report = sync(fake);

            assertThat(report.cameras()).isEqualTo(1000);
            assertThat(report.warnings()).singleElement().satisfies(p -> assertThat(p.getMessage())
                    .contains("GetMetricData"));
            assertThat(report.calls()).containsOnly(entry("GetIndexingConfiguration", 1), entry("SearchIndex", 3),
                    entry("GetMetricData", 1));
            FleetData back = cache.readEnvironment("fake");
            for (FakeFleet.Thing t : fleet.things()) {
                boolean fromShadow = number(t) % 2 == 0 && t.connected();
                assertThat(back.telemetryOf("fake/" + t.name()).temperatureC() != null).as(t.name())
                        .isEqualTo(fromShadow);
            }
        }
    }

    private static int number(FakeFleet.Thing t) {
        return Integer.parseInt(t.name().substring("cam-".length()));
    }

    private static CallLimiter unlimited() {
        return new CallLimiter(0, 1, System::nanoTime);
    }

    private SyncReport sync(AwsFleetFake fake) {
        return sync(fake, "fake");
    }

    private SyncReport sync(AwsFleetFake fake, String label) {
        return new EnvironmentSync(new AwsEnvironmentReader(clients, MetricNames.DEFAULT, clock), cache, clock)
                .sync(fake.environment(label), true, "AWS", Progress.NONE);
    }

    private void assertWholeFleet(SyncReport report) {
        assertThat(report.sites()).isEqualTo(200);
        assertThat(report.cameras()).isEqualTo(1000);
        assertThat(report.warnings()).isEmpty();
        FleetData back = cache.readEnvironment("fake");
        assertThat(back.cameras()).hasSize(1000);
        CameraSystem cam = back.cameras().stream().filter(c -> c.id().equals("fake/cam-000201")).findFirst()
                .orElseThrow();
        assertThat(cam.siteId()).isEqualTo("fake/site-00001");
        assertThat(cam.softwareVersion()).isEqualTo("6.4.5");
        assertThat(cam.ssmNodeId()).isEqualTo("mi-000000000010000c9");
        assertThat(back.telemetryOf("fake/cam-000201").temperatureC()).isNotNull();
        assertThat(back.telemetryOf("fake/cam-000201").lastHeartbeat()).isNotNull();
        assertThat(back.sites()).filteredOn(s -> s.id().equals("fake/site-00001")).singleElement()
                .satisfies(s -> {
                    assertThat(s.region()).isEqualTo("EU");
                    assertThat(s.name()).isEqualTo("Site 00001");
                    assertThat(s.isPlaced()).isTrue();
                });
    }
}
