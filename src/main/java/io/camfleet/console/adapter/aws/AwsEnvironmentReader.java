package io.camfleet.console.adapter.aws;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.service.environments.ChangeRead;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.environments.EnvironmentReader;
import io.camfleet.console.service.environments.MetricNames;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.environments.SyncReport;
import io.camfleet.console.service.environments.SyncSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.RecentlyActive;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.DescribeThingGroupResponse;
import software.amazon.awssdk.services.iot.model.GetIndexingConfigurationResponse;
import software.amazon.awssdk.services.iot.model.GroupNameAndArn;
import software.amazon.awssdk.services.iot.model.ListThingGroupsResponse;
import software.amazon.awssdk.services.iot.model.ListThingsInThingGroupResponse;
import software.amazon.awssdk.services.iot.model.ListThingsResponse;
import software.amazon.awssdk.services.iot.model.SearchIndexResponse;
import software.amazon.awssdk.services.iot.model.ThingConnectivityIndexingMode;
import software.amazon.awssdk.services.iot.model.ThingDocument;
import software.amazon.awssdk.services.iot.model.ThingGroupDocument;
import software.amazon.awssdk.services.iot.model.ThingGroupIndexingMode;
import software.amazon.awssdk.services.iot.model.ThingIndexingConfiguration;
import software.amazon.awssdk.services.iot.model.ThingIndexingMode;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads an environment's fleet from AWS: sites from IoT thing groups, camera systems from IoT things, connectivity
 * from the IoT fleet index when it is on, and health metrics from CloudWatch {@code GetMetricData} in batches.
 * See {@link FleetAttributes} for the tagging it expects.
 */
public final class AwsEnvironmentReader implements EnvironmentReader {

    private static final Logger LOG = LoggerFactory.getLogger(AwsEnvironmentReader.class);
    /** Things per page: ListThings' own limit. */
    static final int THING_PAGE = 250;
    /** Documents per fleet-index page: SearchIndex's own limit. */
    static final int INDEX_PAGE = 500;
    static final String THING_INDEX = "AWS_Things";
    static final String GROUP_INDEX = "AWS_ThingGroups";
    /** GetMetricData takes at most 500 queries a call. */
    static final int QUERIES_PER_CALL = 500;
    /** How far back a heartbeat is looked for; a camera silent for longer has no last heartbeat. */
    static final Duration HEARTBEAT_LOOKBACK = Duration.ofHours(1);
    /** How far back the other metrics are looked for: their newest value is what counts. */
    static final Duration METRIC_LOOKBACK = Duration.ofMinutes(10);
    static final int PERIOD_SECONDS = 60;

    private final AwsClients clients;
    private final MetricNames metrics;
    private final Clock clock;
    /**
     * Events younger than this are applied but stay in the queue, to be asked for again at a later sync: the fleet
     * index may not yet have had the change they tell.
     */
    private final Duration settle;
    /** How long received events stay hidden from other reads of the queue before they come back undeleted. */
    private final Duration hidden;
    /** Each events queue's retention, asked once: it is set when the queue is made and seldom changed. */
    private final Map<String, Duration> retentions = new java.util.concurrent.ConcurrentHashMap<>();

    public AwsEnvironmentReader(AwsClients clients, MetricNames metrics, Clock clock) {
        this(clients, metrics, clock, Duration.ofSeconds(60), Duration.ofMinutes(10));
    }

    /**
     * @param settle events younger than this are applied but left in the queue (tests: zero)
     * @param hidden how long received events stay hidden before they come back undeleted (tests: a second)
     */
    AwsEnvironmentReader(AwsClients clients, MetricNames metrics, Clock clock, Duration settle, Duration hidden) {
        this.clients = clients;
        this.metrics = metrics;
        this.clock = clock;
        this.settle = settle;
        this.hidden = hidden;
    }

    @Override
    public List<AwsProfile> profiles() {
        List<AwsProfile> out = new ArrayList<>();
        for (Profile p : new TreeMap<>(clients.profileFile().profiles()).values()) {
            boolean sso = p.property("sso_session").isPresent() || p.property("sso_start_url").isPresent();
            out.add(new AwsProfile(p.name(), p.property("region").orElse(""), sso));
        }
        return out;
    }

    @Override
    public CallerIdentity identity(Environment environment) {
        GetCallerIdentityResponse r = call(environment, "sts:GetCallerIdentity",
                () -> clients.of(environment).sts().getCallerIdentity());
        return new CallerIdentity(r.account(), r.arn());
    }

    @Override
    public void read(Environment environment, SyncSink sink, Progress progress) {
        Read read = new Read(environment, sink, progress);
        try (AutoCloseable told = clients.of(environment).throttles().listen(sink::throttled)) {
            read.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public ChangeRead readChanges(Environment environment, ChangeRead.Since since, SyncSink sink,
                                  Progress progress) {
        Read read = new Read(environment, sink, progress);
        try (AutoCloseable told = clients.of(environment).throttles().listen(sink::throttled)) {
            return new RegistryEventsRead(read, clients.sqs(environment), retentions, settle, hidden).run(since);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T call(Environment e, String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException error) {
            throw AwsProblems.of(e, operation, error);
        }
    }

    /**
     * Calls a paged operation until it has no next token. A token seen before ends the paging (some services
     * have returned the same token forever); it is logged, and what was read is kept.
     */
    static <R> void pages(String operation, Function<String, R> call, Function<R, String> nextToken,
                          Consumer<R> each) {
        Set<String> seen = new HashSet<>();
        String token = null;
        do {
            R page = call.apply(token);
            each.accept(page);
            token = nextToken.apply(page);
            if (token != null && token.isEmpty()) {
                token = null;
            }
            if (token != null && !seen.add(token)) {
                LOG.warn("{} returned a page token it had returned before; paging stops there", operation);
                token = null;
            }
        } while (token != null);
    }

    private record Group(String name, String description, List<String> ancestors, Map<String, String> attributes) {
    }

    record Connectivity(boolean connected, Instant at) {
    }

    /** A thing as read, with the site group it belongs to (null: none). */
    private record Thing(String name, String siteGroup, Map<String, String> attributes) {
    }

    /** One read of one environment. */
    final class Read {
        final Environment env;
        final SyncSink sink;
        final Progress progress;
        final IotClient iot;
        private final CloudWatchClient cloudWatch;
        final Instant now = clock.instant();

        Read(Environment env, SyncSink sink, Progress progress) {
            this.env = env;
            this.sink = sink;
            this.progress = progress;
            AwsClients.Clients c = clients.of(env);
            this.iot = c.iot();
            this.cloudWatch = c.cloudWatch();
        }

        <T> T call(String operation, Supplier<T> call) {
            progress.checkCancelled();
            sink.called(operation);
            return AwsEnvironmentReader.this.call(env, operation, call);
        }

        /** What the account's fleet index holds: things, their connectivity and shadows, thing groups. */
        record Indexing(boolean things, boolean connectivity, boolean shadows, boolean groups) {
        }

        Indexing indexing() {
            GetIndexingConfigurationResponse config = call("iot:GetIndexingConfiguration",
                    iot::getIndexingConfiguration);
            ThingIndexingConfiguration things = config.thingIndexingConfiguration();
            boolean thingsIndexed = things != null && things.thingIndexingMode() != null
                    && things.thingIndexingMode() != ThingIndexingMode.OFF
                    && things.thingIndexingMode() != ThingIndexingMode.UNKNOWN_TO_SDK_VERSION;
            boolean connectivityIndexed = thingsIndexed
                    && things.thingConnectivityIndexingMode() == ThingConnectivityIndexingMode.STATUS;
            boolean shadowsIndexed = thingsIndexed
                    && things.thingIndexingMode() == ThingIndexingMode.REGISTRY_AND_SHADOW;
            boolean groupsIndexed = config.thingGroupIndexingConfiguration() != null
                    && config.thingGroupIndexingConfiguration().thingGroupIndexingMode() == ThingGroupIndexingMode.ON;
            return new Indexing(thingsIndexed, connectivityIndexed, shadowsIndexed, groupsIndexed);
        }

        void run() {
            Indexing indexing = indexing();
            boolean connectivityIndexed = indexing.connectivity();
            if (indexing.things() && indexing.groups()) {
                sink.readThrough(SyncReport.Path.FLEET_INDEX);
                readIndexed(connectivityIndexed, indexing.shadows());
            } else {
                sink.readThrough(SyncReport.Path.REGISTRY);
                readListed(connectivityIndexed);
            }
        }

        /**
         * Sites and things from paged fleet-index queries: each thing document names its groups, so the calls
         * grow with the things over {@value #INDEX_PAGE}, not with the sites. With shadows indexed, a camera's health
         * comes from its document's shadow ({@link ShadowTelemetry}); CloudWatch is asked, page by page, only for
         * the cameras whose shadow has none, and {@code ListMetrics} not at all.
         */
        private void readIndexed(boolean connectivityIndexed, boolean shadowsIndexed) {
            Map<String, ThingGroupDocument> groups = new LinkedHashMap<>();
            pages("iot:SearchIndex",
                    token -> call("iot:SearchIndex", () -> iot.searchIndex(b -> b.indexName(GROUP_INDEX)
                            .queryString("thingGroupName:*").maxResults(INDEX_PAGE).nextToken(token))),
                    SearchIndexResponse::nextToken,
                    r -> r.thingGroups().forEach(g -> groups.putIfAbsent(g.thingGroupName(), g)));
            List<Group> sites = new ArrayList<>();
            for (ThingGroupDocument g : groups.values()) {
                Map<String, String> attributes = g.attributes() == null ? Map.of() : g.attributes();
                if (FleetAttributes.isSite(attributes)) {
                    sites.add(new Group(g.thingGroupName(), g.thingGroupDescription(), ancestors(g, groups),
                            attributes));
                }
            }
            progress.update(env.label() + ": " + sites.size() + " site groups read", sites.size(), sites.size());
            // A thing in two site groups belongs to the first, as in the registry path.
            Map<String, Integer> rank = new HashMap<>();
            for (Group g : sites) {
                rank.putIfAbsent(g.name(), rank.size());
            }
            deliverSites(sites);
            // Without shadows, ListMetrics first: only the cameras it lists are worth a query.
            CloudWatchHealth health = shadowsIndexed ? new CloudWatchHealth(null)
                    : new CloudWatchHealth(camerasWithMetricsIfAllowed());
            boolean[] homeless = {false};
            pages("iot:SearchIndex",
                    token -> call("iot:SearchIndex", () -> iot.searchIndex(b -> b.indexName(THING_INDEX)
                            .queryString("thingName:*").maxResults(INDEX_PAGE).nextToken(token))),
                    SearchIndexResponse::nextToken,
                    r -> {
                        List<Thing> page = new ArrayList<>(r.things().size());
                        Map<String, Connectivity> connectivity = new HashMap<>();
                        Map<String, ShadowTelemetry> shadows = new HashMap<>();
                        for (ThingDocument t : r.things()) {
                            ShadowTelemetry shadow = shadowsIndexed ? shadowOf(t) : null;
                            if (shadow != null) {
                                shadows.put(t.thingName(), shadow);
                            }
                            String group = t.thingGroupNames().stream().filter(rank::containsKey)
                                    .min(java.util.Comparator.comparing(rank::get)).orElse(null);
                            page.add(new Thing(t.thingName(), group, t.attributes()));
                            if (connectivityIndexed && t.connectivity() != null
                                    && t.connectivity().connected() != null) {
                                connectivity.put(t.thingName(), new Connectivity(t.connectivity().connected(),
                                        epoch(t.connectivity().timestamp())));
                            }
                        }
                        homeless[0] |= deliverCameras(page, connectivity, health, shadows);
                    });
            if (homeless[0]) {
                sink.sites(List.of(FleetAttributes.noSite(env.label())));
            }
        }

        /** The telemetry in a thing document's shadow; null (CloudWatch then) when it has none or is not JSON. */
        private ShadowTelemetry shadowOf(ThingDocument thing) {
            try {
                return ShadowTelemetry.of(thing.shadow(), now, METRIC_LOOKBACK);
            } catch (IllegalArgumentException e) {
                LOG.warn("{}: the shadow of {} in the fleet index cannot be read ({}); its health comes from "
                        + "CloudWatch", env.label(), thing.thingName(), e.getMessage());
                return null;
            }
        }

        /**
         * Who CloudWatch is asked about: those {@code ListMetrics} listed ({@code listed}), or, with shadows
         * indexed ({@code listed} null), every camera without shadow telemetry; in that case a refusal is warned
         * about once and CloudWatch is not asked again in this read, as when {@code ListMetrics} is refused.
         */
        private final class CloudWatchHealth {
            private final Set<String> listed;
            private boolean refused;

            CloudWatchHealth(Set<String> listed) {
                this.listed = listed;
            }

            Map<String, CameraTelemetry> telemetry(List<CameraSystem> cameras,
                                                   Map<String, Map<String, String>> attributes,
                                                   Map<String, Connectivity> connectivity,
                                                   Map<String, ShadowTelemetry> shadows) {
                if (listed != null) {
                    return Read.this.telemetry(cameras, attributes, connectivity, listed::contains, shadows);
                }
                if (!refused) {
                    try {
                        return Read.this.telemetry(cameras, attributes, connectivity, t -> true, shadows);
                    } catch (Problem p) {
                        LOG.warn("{}: no health metrics from CloudWatch: {}", env.label(), p.getMessage());
                        sink.warning(p);
                        refused = true;
                    }
                }
                return Read.this.telemetry(cameras, attributes, connectivity, t -> false, shadows);
            }
        }

        /** A group's ancestors, top-level first, by following its parents through the groups read. */
        private static List<String> ancestors(ThingGroupDocument group, Map<String, ThingGroupDocument> groups) {
            List<String> out = new ArrayList<>();
            Set<String> seen = new HashSet<>(Set.of(group.thingGroupName()));
            ThingGroupDocument at = group;
            while (at != null && !at.parentGroupNames().isEmpty() && seen.add(at.parentGroupNames().get(0))) {
                String parent = at.parentGroupNames().get(0);
                out.add(0, parent);
                at = groups.get(parent);
            }
            return out;
        }

        /** Today's registry listings: a ListThingsInThingGroup per site group, then every thing. */
        private void readListed(boolean connectivityIndexed) {
            List<Group> sites = siteGroups();
            Map<String, String> groupOfThing = new HashMap<>();
            for (Group g : sites) {
                pages("iot:ListThingsInThingGroup",
                        token -> call("iot:ListThingsInThingGroup", () -> iot.listThingsInThingGroup(b -> b
                                .thingGroupName(g.name()).recursive(false).maxResults(THING_PAGE).nextToken(token))),
                        ListThingsInThingGroupResponse::nextToken,
                        r -> r.things().forEach(thing -> groupOfThing.putIfAbsent(thing, g.name())));
            }
            deliverSites(sites);
            Map<String, Connectivity> connectivity = connectivityIndexed ? connectivity() : Map.of();
            Set<String> reporting = camerasWithMetricsIfAllowed();
            boolean[] homeless = {false};
            pages("iot:ListThings",
                    token -> call("iot:ListThings", () -> iot.listThings(b -> b.maxResults(THING_PAGE)
                            .nextToken(token))),
                    ListThingsResponse::nextToken,
                    r -> homeless[0] |= deliverCameras(r.things().stream()
                            .map(t -> new Thing(t.thingName(), groupOfThing.get(t.thingName()), t.attributes()))
                            .toList(), connectivity, new CloudWatchHealth(reporting), Map.of()));
            if (homeless[0]) {
                sink.sites(List.of(FleetAttributes.noSite(env.label())));
            }
        }

        /** The site groups as sites, {@value #THING_PAGE} to a page. */
        private void deliverSites(List<Group> sites) {
            String label = env.label();
            List<Site> page = new ArrayList<>();
            for (Group g : sites) {
                page.add(FleetAttributes.site(label, g.name(), g.description(), g.ancestors(), g.attributes()));
                if (page.size() == THING_PAGE) {
                    sink.sites(List.copyOf(page));
                    page.clear();
                }
            }
            if (!page.isEmpty()) {
                sink.sites(page);
            }
        }

        /** One page of things as cameras with their telemetry; true when one of them has no site. */
        private boolean deliverCameras(List<Thing> things, Map<String, Connectivity> connectivity,
                                       CloudWatchHealth health, Map<String, ShadowTelemetry> shadows) {
            String label = env.label();
            boolean homeless = false;
            List<CameraSystem> cameras = new ArrayList<>(things.size());
            Map<String, Map<String, String>> attributes = new HashMap<>();
            for (Thing t : things) {
                String siteId;
                if (t.siteGroup() == null) {
                    siteId = FleetAttributes.siteId(label, FleetAttributes.NO_SITE);
                    homeless = true;
                } else {
                    siteId = FleetAttributes.siteId(label, t.siteGroup());
                }
                cameras.add(FleetAttributes.camera(label, t.name(), siteId, t.attributes()));
                attributes.put(t.name(), t.attributes());
            }
            sink.cameras(cameras, health.telemetry(cameras, attributes, connectivity, shadows));
            return homeless;
        }

        /** Every thing group that is a site, with its attributes and ancestors. */
        private List<Group> siteGroups() {
            List<String> names = new ArrayList<>();
            pages("iot:ListThingGroups",
                    token -> call("iot:ListThingGroups", () -> iot.listThingGroups(b -> b.recursive(true)
                            .maxResults(THING_PAGE).nextToken(token))),
                    ListThingGroupsResponse::nextToken,
                    r -> r.thingGroups().forEach(g -> names.add(g.groupName())));
            List<Group> sites = new ArrayList<>();
            for (String name : names) {
                DescribeThingGroupResponse d = call("iot:DescribeThingGroup",
                        () -> iot.describeThingGroup(b -> b.thingGroupName(name)));
                Map<String, String> attributes = d.thingGroupProperties() == null
                        || d.thingGroupProperties().attributePayload() == null ? Map.of()
                        : d.thingGroupProperties().attributePayload().attributes();
                if (!FleetAttributes.isSite(attributes)) {
                    continue;
                }
                List<String> ancestors = d.thingGroupMetadata() == null ? List.of()
                        : d.thingGroupMetadata().rootToParentThingGroups().stream().map(GroupNameAndArn::groupName)
                        .toList();
                sites.add(new Group(name, d.thingGroupProperties().thingGroupDescription(), ancestors, attributes));
                progress.update(env.label() + ": " + sites.size() + " site groups read", sites.size(), names.size());
            }
            return sites;
        }

        /** Connected or not, and since when, from the fleet index (its connectivity is on). */
        private Map<String, Connectivity> connectivity() {
            Map<String, Connectivity> out = new HashMap<>();
            pages("iot:SearchIndex",
                    token -> call("iot:SearchIndex", () -> iot.searchIndex(b -> b.indexName(THING_INDEX)
                            .queryString("thingName:*").maxResults(INDEX_PAGE).nextToken(token))),
                    SearchIndexResponse::nextToken,
                    r -> {
                        for (ThingDocument t : r.things()) {
                            if (t.connectivity() != null && t.connectivity().connected() != null) {
                                out.put(t.thingName(), new Connectivity(t.connectivity().connected(),
                                        epoch(t.connectivity().timestamp())));
                            }
                        }
                    });
            return out;
        }

        /**
         * As {@link #camerasWithMetrics()}, but when CloudWatch cannot be read (refused, say) the inventory is still
         * worth having: the sink is warned and the read goes on without metrics.
         */
        Set<String> camerasWithMetricsIfAllowed() {
            try {
                return camerasWithMetrics();
            } catch (Problem p) {
                LOG.warn("{}: no health metrics from CloudWatch: {}", env.label(), p.getMessage());
                sink.warning(p);
                return Set.of();
            }
        }

        /**
         * The cameras that have sent a heartbeat in the last three hours: only they are worth a query (a camera
         * silent for longer has none within {@link #HEARTBEAT_LOOKBACK}). One metric listed per camera, not four.
         */
        private Set<String> camerasWithMetrics() {
            Set<String> out = new HashSet<>();
            pages("cloudwatch:ListMetrics",
                    token -> call("cloudwatch:ListMetrics", () -> cloudWatch.listMetrics(b -> b
                            .namespace(metrics.namespace()).metricName(metrics.heartbeat())
                            .dimensions(DimensionFilter.builder().name(metrics.dimension()).build())
                            .recentlyActive(RecentlyActive.PT3_H)
                            .nextToken(token))),
                    ListMetricsResponse::nextToken,
                    r -> {
                        for (Metric m : r.metrics()) {
                            for (Dimension d : m.dimensions()) {
                                if (d.name().equals(metrics.dimension())) {
                                    out.add(d.value());
                                }
                            }
                        }
                    });
            return out;
        }

        Map<String, CameraTelemetry> telemetry(List<CameraSystem> cameras,
                                                       Map<String, Map<String, String>> attributes,
                                                       Map<String, Connectivity> connectivity,
                                                       Set<String> reporting) {
            return telemetry(cameras, attributes, connectivity, reporting::contains, Map.of());
        }

        /**
         * The cameras' telemetry: from {@code shadows} where a camera has one, else from CloudWatch for those
         * {@code reporting} accepts; then the connectivity, as the newer of it and the heartbeat.
         */
        private Map<String, CameraTelemetry> telemetry(List<CameraSystem> cameras,
                                                       Map<String, Map<String, String>> attributes,
                                                       Map<String, Connectivity> connectivity,
                                                       java.util.function.Predicate<String> reporting,
                                                       Map<String, ShadowTelemetry> shadows) {
            List<String> things = cameras.stream().map(CameraSystem::iotThingName)
                    .filter(t -> !shadows.containsKey(t) && reporting.test(t)).toList();
            Map<String, Instant> beats = newestTimes(things, metrics.heartbeat(), "SampleCount", HEARTBEAT_LOOKBACK);
            Map<String, Double> frames = newestValues(things, metrics.frames(), "Sum");
            Map<String, Double> disk = newestValues(things, metrics.diskUsed(), "Maximum");
            Map<String, Double> temperature = newestValues(things, metrics.temperature(), "Maximum");
            Map<String, CameraTelemetry> out = new HashMap<>();
            for (CameraSystem c : cameras) {
                String thing = c.iotThingName();
                ShadowTelemetry shadow = shadows.get(thing);
                if (shadow != null) {
                    beats.put(thing, shadow.heartbeat());
                    putIfNotNull(frames, thing, shadow.frames());
                    putIfNotNull(disk, thing, shadow.disk());
                    putIfNotNull(temperature, thing, shadow.temperature());
                }
                Instant beat = beats.get(thing);
                Connectivity link = connectivity.get(thing);
                if (link != null) {
                    Instant seen = link.connected() ? now : link.at();
                    if (seen != null && (beat == null || seen.isAfter(beat))) {
                        beat = seen;
                    }
                }
                out.put(c.id(), new CameraTelemetry(beat, FleetAttributes.mode(attributes.get(thing)),
                        frames.get(thing), disk.get(thing), temperature.get(thing)));
            }
            return out;
        }

        private static void putIfNotNull(Map<String, Double> values, String thing, Double value) {
            if (value != null) {
                values.put(thing, value);
            }
        }

        /**
         * When each camera last reported {@code metric}: the end of the newest one-minute period with data (a
         * camera beating every 45 s has one in each), never later than now.
         */
        private Map<String, Instant> newestTimes(List<String> things, String metric, String stat, Duration back) {
            Map<String, Instant> out = new HashMap<>();
            query(things, metric, stat, back, (thing, r) -> {
                if (!r.timestamps().isEmpty()) {
                    Instant end = r.timestamps().get(0).plusSeconds(PERIOD_SECONDS);
                    out.put(thing, end.isAfter(now) ? now : end);
                }
            });
            return out;
        }

        private Map<String, Double> newestValues(List<String> things, String metric, String stat) {
            Map<String, Double> out = new HashMap<>();
            query(things, metric, stat, METRIC_LOOKBACK, (thing, r) -> {
                if (!r.values().isEmpty()) {
                    out.put(thing, r.values().get(0));
                }
            });
            return out;
        }

        /** One query per camera, {@value #QUERIES_PER_CALL} to a call, newest data point first. */
        private void query(List<String> things, String metric, String stat, Duration back,
                           BiConsumer<String, MetricDataResult> each) {
            for (int from = 0; from < things.size(); from += QUERIES_PER_CALL) {
                List<String> batch = things.subList(from, Math.min(things.size(), from + QUERIES_PER_CALL));
                List<MetricDataQuery> queries = new ArrayList<>(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    queries.add(MetricDataQuery.builder().id("q" + i).returnData(true)
                            .metricStat(MetricStat.builder().period(PERIOD_SECONDS).stat(stat)
                                    .metric(Metric.builder().namespace(metrics.namespace()).metricName(metric)
                                            .dimensions(Dimension.builder().name(metrics.dimension())
                                                    .value(batch.get(i)).build()).build()).build()).build());
                }
                Map<String, MetricDataResult> results = new HashMap<>();
                pages("cloudwatch:GetMetricData",
                        token -> call("cloudwatch:GetMetricData", () -> cloudWatch.getMetricData(b -> b
                                .metricDataQueries(queries).startTime(now.minus(back)).endTime(now)
                                .scanBy(ScanBy.TIMESTAMP_DESCENDING).nextToken(token))),
                        GetMetricDataResponse::nextToken,
                        r -> r.metricDataResults().forEach(m -> results.merge(m.id(), m, (a, b) -> a)));
                for (int i = 0; i < batch.size(); i++) {
                    MetricDataResult r = results.get("q" + i);
                    if (r != null) {
                        each.accept(batch.get(i), r);
                    }
                }
            }
        }
    }

    /**
     * The fleet index's connectivity time: epoch milliseconds. Emulators have sent epoch seconds; a value too small
     * to be milliseconds of this century is read as seconds.
     */
    static Instant epoch(Long value) {
        if (value == null || value <= 0) {
            return null;
        }
        return value < 100_000_000_000L ? Instant.ofEpochSecond(value) : Instant.ofEpochMilli(value);
    }
}
