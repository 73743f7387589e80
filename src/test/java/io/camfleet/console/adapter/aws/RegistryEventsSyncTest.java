package io.camfleet.console.adapter.aws;

import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcFleetCache;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.environments.EnvironmentSync;
import io.camfleet.console.service.environments.MetricNames;
import io.camfleet.console.service.environments.SyncCache;
import io.camfleet.console.service.environments.SyncReport;
import io.camfleet.console.service.fleet.FleetData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * The incremental sync through the registry's events, against moto's IoT and SQS. Moto publishes no IoT events, so
 * each test changes the registry and puts the events AWS would have sent into the queue, in the JSON of the AWS IoT
 * developer guide's "Registry events" page, as a topic rule's SQS action delivers them.
 */
class RegistryEventsSyncTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();
    private static final String ACCOUNT = "123456789012";

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private CacheDatabase db;
    private JdbcFleetCache cache;
    private AwsClients clients;
    private SqsClient sqs;
    private FleetIndexInFront index;
    private Environment prod;
    private String queue;

    @BeforeEach
    void open() {
        db = CacheDatabase.open(dir.resolve("incremental"), clock);
        cache = new JdbcFleetCache(db.dataSource());
        clients = MOTO.clients(op -> { });
        sqs = SqsClient.builder().region(Region.EU_WEST_1).endpointOverride(MOTO.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIAMOTOA000000000", "moto-secret-a"))).build();
        queue = sqs.createQueue(b -> b.queueName("camfleet-events")).queueUrl();
        index = new FleetIndexInFront(MOTO.endpoint(), "eu-west-1", 500);
        prod = Environment.of("prod-eu", "moto-a", "eu-west-1", index.baseUrl(), queue.replace(
                MOTO.endpoint().getAuthority(), java.net.URI.create(index.baseUrl()).getAuthority()));
    }

    @AfterEach
    void close() {
        index.close();
        sqs.close();
        clients.close();
        db.close();
    }

    private EnvironmentSync sync(SyncCache into) {
        return new EnvironmentSync(new AwsEnvironmentReader(clients, MetricNames.DEFAULT, clock, Duration.ZERO,
                Duration.ofSeconds(1)), into, clock);
    }

    @Test
    void anIncrementalSyncAsksOnlyForWhatTheEventsNameAndMakesTheSameFleetAsAFullSync() {
        seed(true);
        EnvironmentSync sync = sync(cache);
        sync.sync(prod, true, "AWS", Progress.NONE);
        clock.advance(Duration.ofMinutes(5));
        changeSixThings();

        SyncReport r = sync.sync(prod, false, "AWS", Progress.NONE);

        assertThat(r.path()).isEqualTo(SyncReport.Path.REGISTRY_EVENTS);
        assertThat(r.readAllBecause()).isNull();
        // 10 events: ReceiveMessage 10 + 0 = 2 calls, DeleteMessageBatch 1; the 6 things in one index query, the
        // one group changed by DescribeThingGroup; GetQueueAttributes, GetIndexingConfiguration and ListMetrics
        // once each. Nothing per site or per unchanged camera.
        assertThat(r.calls()).containsOnly(entry("GetQueueAttributes", 1), entry("GetIndexingConfiguration", 1),
                entry("ReceiveMessage", 2), entry("DescribeThingGroup", 1), entry("SearchIndex", 1),
                entry("ListMetrics", 1), entry("DeleteMessageBatch", 1));
        assertThat(r.written()).isEqualTo(6); // 3 updated, 1 created, 1 moved, and the site renamed
        assertThat(r.removed()).isEqualTo(2); // cam-stray, now deleted, and the "(no site)" it was on
        assertThat(fleet(cache)).isEqualTo(fleetOfAFullSync());
        assertThat(cache.readEnvironment("prod-eu").cameras()).extracting(CameraSystem::id, CameraSystem::siteId,
                CameraSystem::softwareVersion).contains(
                org.assertj.core.groups.Tuple.tuple("prod-eu/cam-4", "prod-eu/rtm-01", "6.4.4"),
                org.assertj.core.groups.Tuple.tuple("prod-eu/cam-new", "prod-eu/rtm-01", "7.0.0"),
                org.assertj.core.groups.Tuple.tuple("prod-eu/cam-1", "prod-eu/ams-01", "7.0.0"));
        assertThat(waiting()).isZero();
    }

    @Test
    void withFleetIndexingOffTheThingsTheEventsNameAreAskedForInTheRegistryToTheSameFleet() {
        seed(false);
        EnvironmentSync sync = sync(cache);
        sync.sync(prod, true, "AWS", Progress.NONE);
        clock.advance(Duration.ofMinutes(5));
        changeSixThings();

        SyncReport r = sync.sync(prod, false, "AWS", Progress.NONE);

        assertThat(r.path()).isEqualTo(SyncReport.Path.REGISTRY_EVENTS);
        // DescribeThing for each of the 6 things, ListThingGroupsForThing for the 5 that are still there.
        assertThat(r.calls()).containsOnly(entry("GetQueueAttributes", 1), entry("GetIndexingConfiguration", 1),
                entry("ReceiveMessage", 2), entry("DescribeThingGroup", 1), entry("DescribeThing", 6),
                entry("ListThingGroupsForThing", 5), entry("ListMetrics", 1), entry("DeleteMessageBatch", 1));
        assertThat(r.written()).isEqualTo(6);
        assertThat(fleet(cache)).isEqualTo(fleetOfAFullSync());
        assertThat(waiting()).isZero();
    }

    @Test
    void aGroupThatBecomesASiteTakesTheThingsAlreadyInIt() {
        seed(true);
        try (FleetSeeder seed = new FleetSeeder(MOTO.environment("prod-eu", "moto-a", "eu-west-1"))) {
            seed.region("depot").join("cam-stray", "depot");
        }
        EnvironmentSync sync = sync(cache);
        sync.sync(prod, true, "AWS", Progress.NONE);
        assertThat(fleet(cache)).containsKey("site prod-eu/(no site)");
        clock.advance(Duration.ofMinutes(5));
        try (FleetSeeder seed = new FleetSeeder(MOTO.environment("prod-eu", "moto-a", "eu-west-1"))) {
            seed.updateGroup("depot", FleetSeeder.siteAttributes("Depot", "Acme", "NL", "52.0", "4.0",
                    "Europe/Amsterdam", "BRONZE"));
        }
        send(group("depot", null, clock.instant().minusSeconds(30).toEpochMilli()));

        SyncReport r = sync.sync(prod, false, "AWS", Progress.NONE);

        // DescribeThingGroup for the group; SearchIndex for its things, then for their documents.
        assertThat(r.calls()).containsEntry("DescribeThingGroup", 1).containsEntry("SearchIndex", 2);
        assertThat(cache.readEnvironment("prod-eu").cameras()).filteredOn(c -> c.id().equals("prod-eu/cam-stray"))
                .singleElement().extracting(CameraSystem::siteId).isEqualTo("prod-eu/depot");
        assertThat(fleet(cache)).isEqualTo(fleetOfAFullSync());
    }

    @Test
    void aCrashAfterTheCommitButBeforeTheEventsAreDeletedAppliesThemAgainToTheSameFleet() throws Exception {
        seed(true);
        sync(cache).sync(prod, true, "AWS", Progress.NONE);
        clock.advance(Duration.ofMinutes(5));
        changeSixThings();
        SyncCache crashing = crashAfterFinish(cache);

        assertThatThrownBy(() -> sync(crashing).sync(prod, false, "AWS", Progress.NONE)).hasMessage("power cut");
        assertThat(fleet(cache)).isEqualTo(fleetOfAFullSync());
        Thread.sleep(1_500); // the events come back once hidden no more

        clock.advance(Duration.ofMinutes(1));
        SyncReport again = sync(cache).sync(prod, false, "AWS", Progress.NONE);

        assertThat(again.path()).isEqualTo(SyncReport.Path.REGISTRY_EVENTS);
        assertThat(again.calls()).containsEntry("ReceiveMessage", 2).containsEntry("DeleteMessageBatch", 1);
        assertThat(again.written()).isZero();
        assertThat(fleet(cache)).isEqualTo(fleetOfAFullSync());
        assertThat(waiting()).isZero();
    }

    @Test
    void anEventThatCannotBeReadMakesTheSyncReadEverythingSayingWhichAndStaysInTheQueue() throws Exception {
        seed(true);
        EnvironmentSync sync = sync(cache);
        sync.sync(prod, true, "AWS", Progress.NONE);
        clock.advance(Duration.ofMinutes(5));
        changeSixThings();
        String bad = sqs.sendMessage(b -> b.queueUrl(queue).messageBody("{\"eventType\":\"THING_EVENT\"")).messageId();

        SyncReport r = sync.sync(prod, false, "AWS", Progress.NONE);

        assertThat(r.path()).isEqualTo(SyncReport.Path.FLEET_INDEX);
        assertThat(r.readAllBecause().key()).isEqualTo("sync.because.unreadableEvent");
        assertThat(r.readAllBecause().args()).containsExactly("prod-eu", bad, "not JSON");
        assertThat(fleet(cache)).isEqualTo(fleetOfAFullSync());
        Thread.sleep(1_500);
        // The readable events went once the full read was committed; the unreadable one is kept for inspection.
        List<String> left = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10)).messages().stream()
                .map(software.amazon.awssdk.services.sqs.model.Message::messageId).toList();
        assertThat(left).containsExactly(bad);
    }

    @Test
    void withoutAQueueTheSyncReadsThroughTheFleetIndexAndSaysWhy() {
        seed(true);
        Environment noQueue = prod.withEventsQueue("");
        EnvironmentSync sync = sync(cache);
        sync.sync(noQueue, true, "AWS", Progress.NONE);

        SyncReport r = sync.sync(noQueue, false, "AWS", Progress.NONE);

        assertThat(r.path()).isEqualTo(SyncReport.Path.FLEET_INDEX);
        assertThat(r.readAllBecause().key()).isEqualTo("sync.because.noQueue");
        assertThat(r.calls()).doesNotContainKeys("ReceiveMessage", "GetQueueAttributes");
    }

    @Test
    void aGapLongerThanTheQueueKeepsMessagesMakesTheSyncReadEverything() {
        seed(true);
        sqs.setQueueAttributes(b -> b.queueUrl(queue).attributes(Map.of(
                QueueAttributeName.MESSAGE_RETENTION_PERIOD, "3600")));
        EnvironmentSync sync = sync(cache);
        sync.sync(prod, true, "AWS", Progress.NONE);
        clock.advance(Duration.ofMinutes(30));
        SyncReport within = sync.sync(prod, false, "AWS", Progress.NONE);
        assertThat(within.path()).isEqualTo(SyncReport.Path.REGISTRY_EVENTS);
        // The retention is asked once: it is set when the queue is made.
        assertThat(within.calls()).containsEntry("GetQueueAttributes", 1);
        clock.advance(Duration.ofMinutes(56));
        changeSixThings();

        SyncReport r = sync.sync(prod, false, "AWS", Progress.NONE);

        assertThat(r.path()).isEqualTo(SyncReport.Path.FLEET_INDEX);
        assertThat(r.readAllBecause().key()).isEqualTo("sync.because.retention");
        assertThat(r.readAllBecause().args()).containsExactly("prod-eu", 56 / 60.0, 1.0); // 56 minutes since, 1 hour kept
        assertThat(r.calls()).doesNotContainKeys("GetQueueAttributes", "ReceiveMessage");
        assertThat(fleet(cache)).isEqualTo(fleetOfAFullSync());
    }

    /** A region group, two sites (one in the region), five cameras on them and one on none. */
    private void seed(boolean indexed) {
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

    /**
     * Three things updated (one into maintenance), one created into a site, one deleted, one moved to another site,
     * and a site renamed; with the ten events AWS would send, one per message.
     */
    private void changeSixThings() {
        try (FleetSeeder seed = new FleetSeeder(MOTO.environment("prod-eu", "moto-a", "eu-west-1"))) {
            seed.updateThing("cam-1", Map.of("softwareVersion", "7.0.0"))
                    .updateThing("cam-2", Map.of("softwareVersion", "7.0.0"))
                    .updateThing("cam-3", Map.of("softwareVersion", "6.4.3", "mode", "maintenance"))
                    .thing("cam-new", "rtm-01", Map.of("softwareVersion", "7.0.0"))
                    .deleteThing("cam-stray")
                    .move("cam-4", "ams-01", "rtm-01")
                    .updateGroup("ams-01", Map.of("name", "Amsterdam_Zuid"));
        }
        long t = clock.instant().minusSeconds(30).toEpochMilli();
        send(thing("UPDATED", "cam-1", 2, Map.of("softwareVersion", "7.0.0"), t));
        send(thing("UPDATED", "cam-2", 2, Map.of("softwareVersion", "7.0.0"), t + 1));
        send(thing("UPDATED", "cam-3", 2, Map.of("softwareVersion", "6.4.3", "mode", "maintenance"), t + 2));
        send(thing("CREATED", "cam-new", 1, Map.of("softwareVersion", "7.0.0"), t + 3));
        send(membership("ADDED", "cam-new", "rtm-01", t + 4));
        send(thing("DELETED", "cam-stray", 1, Map.of(), t + 5));
        send(membership("REMOVED", "cam-4", "ams-01", t + 6));
        send(membership("ADDED", "cam-4", "rtm-01", t + 7));
        send(group("ams-01", "EU", t + 8));
        send("{\"eventType\":\"THING_TYPE_EVENT\",\"eventId\":\"" + UUID.randomUUID() + "\",\"timestamp\":" + (t + 9)
                + ",\"operation\":\"CREATED\",\"accountId\":\"" + ACCOUNT + "\",\"thingTypeName\":\"camera\"}");
    }

    private void send(String body) {
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody(body));
    }

    private static String thing(String operation, String name, int version, Map<String, String> attributes, long at) {
        StringBuilder a = new StringBuilder();
        new TreeMap<>(attributes).forEach((k, v) -> a.append(a.isEmpty() ? "" : ",")
                .append('"').append(k).append("\":\"").append(v).append('"'));
        return "{\"eventType\":\"THING_EVENT\",\"eventId\":\"" + UUID.randomUUID() + "\",\"timestamp\":" + at
                + ",\"operation\":\"" + operation + "\",\"accountId\":\"" + ACCOUNT + "\",\"thingId\":\""
                + UUID.randomUUID() + "\",\"thingName\":\"" + name + "\",\"versionNumber\":" + version
                + ",\"thingTypeName\":null,\"attributes\":{" + a + "}}";
    }

    private static String membership(String operation, String thing, String group, long at) {
        return "{\"eventType\":\"THING_GROUP_MEMBERSHIP_EVENT\",\"eventId\":\"" + UUID.randomUUID()
                + "\",\"timestamp\":" + at + ",\"operation\":\"" + operation + "\",\"accountId\":\"" + ACCOUNT
                + "\",\"groupArn\":\"arn:aws:iot:eu-west-1:" + ACCOUNT + ":thinggroup/" + group
                + "\",\"groupId\":\"" + UUID.randomUUID() + "\",\"thingArn\":\"arn:aws:iot:eu-west-1:" + ACCOUNT
                + ":thing/" + thing + "\",\"thingId\":\"" + UUID.randomUUID() + "\",\"membershipId\":\""
                + UUID.randomUUID() + "\"}";
    }

    /** A group's UPDATED event; {@code parent} null for a top-level group. */
    private static String group(String name, String parent, long at) {
        String parents = parent == null ? "\"parentGroupName\":null,\"parentGroupId\":null,"
                + "\"rootToParentThingGroups\":[]"
                : "\"parentGroupName\":\"" + parent + "\",\"parentGroupId\":\"" + UUID.randomUUID() + "\","
                + "\"rootToParentThingGroups\":[{\"groupArn\":\"arn:aws:iot:eu-west-1:" + ACCOUNT + ":thinggroup/"
                + parent + "\",\"groupId\":\"" + UUID.randomUUID() + "\"}]";
        return "{\"eventType\":\"THING_GROUP_EVENT\",\"eventId\":\"" + UUID.randomUUID() + "\",\"timestamp\":" + at
                + ",\"operation\":\"UPDATED\",\"accountId\":\"" + ACCOUNT + "\",\"thingGroupId\":\""
                + UUID.randomUUID() + "\",\"thingGroupName\":\"" + name + "\",\"versionNumber\":2," + parents
                + ",\"description\":null,\"attributes\":{\"name\":\"Amsterdam_Zuid\"},\"dynamicGroupMappingId\":null}";
    }

    /** The messages in the queue, visible or not. */
    private int waiting() {
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /** What a full sync of the registry as it is now makes, into a cache of its own. */
    private Map<String, Object> fleetOfAFullSync() {
        try (CacheDatabase other = CacheDatabase.open(dir.resolve("full-" + UUID.randomUUID()), clock)) {
            JdbcFleetCache fresh = new JdbcFleetCache(other.dataSource());
            sync(fresh).sync(prod.withEventsQueue(""), true, "AWS", Progress.NONE);
            return fleet(fresh);
        }
    }

    /** An environment's sites, cameras and modes as the cache holds them, comparable across caches. */
    private static Map<String, Object> fleet(JdbcFleetCache cache) {
        FleetData f = cache.readEnvironment("prod-eu");
        Map<String, Object> out = new TreeMap<>();
        f.sites().forEach(s -> out.put("site " + s.id(), s));
        f.cameras().forEach(c -> out.put("camera " + c.id(), c));
        f.cameras().forEach(c -> out.put("mode " + c.id(), f.telemetryOf(c.id()).mode()));
        return out;
    }

    /** The cache, but every finishSync fails right after it has committed: the console crashing then. */
    private static SyncCache crashAfterFinish(SyncCache cache) {
        return (SyncCache) Proxy.newProxyInstance(SyncCache.class.getClassLoader(), new Class<?>[] {SyncCache.class},
                (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(cache, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("finishSync")) {
                        throw new IllegalStateException("power cut");
                    }
                    return result;
                });
    }
}
