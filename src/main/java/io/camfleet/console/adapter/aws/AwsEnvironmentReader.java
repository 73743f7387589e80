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

    /** More events than this in the queue: reading everything costs fewer calls than asking for each. */
    static final int MOST_EVENTS = 5_000;
    /** Things named in one fleet-index query ({@code thingName:a OR thingName:b ...}), keeping queries short. */
    static final int NAMES_PER_QUERY = 40;
    /**
     * Events older than the last read of everything by more than this were already in it (the fleet index lags
     * the registry by seconds, not minutes).
     */
    static final Duration STALE_BEFORE_FULL = Duration.ofMinutes(5);

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
        this(clients, metrics, clock, Duration.ofSeconds(60), Duration.ofMinutes(5));
    }

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
            return read.changes(since);
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

    private record Connectivity(boolean connected, Instant at) {
    }

    /** A thing as read, with the site group it belongs to (null: none). */
    private record Thing(String name, String siteGroup, Map<String, String> attributes) {
    }

    /** One read of one environment. */
    private final class Read {
        private final Environment env;
        private final SyncSink sink;
        private final Progress progress;
        private final IotClient iot;
        private final CloudWatchClient cloudWatch;
        private final Instant now = clock.instant();

        Read(Environment env, SyncSink sink, Progress progress) {
            this.env = env;
            this.sink = sink;
            this.progress = progress;
            AwsClients.Clients c = clients.of(env);
            this.iot = c.iot();
            this.cloudWatch = c.cloudWatch();
        }

        private <T> T call(String operation, Supplier<T> call) {
            progress.checkCancelled();
            sink.called(operation);
            return AwsEnvironmentReader.this.call(env, operation, call);
        }

        /** What the account's fleet index holds: things, their connectivity, thing groups. */
        private record Indexing(boolean things, boolean connectivity, boolean groups) {
        }

        private Indexing indexing() {
            GetIndexingConfigurationResponse config = call("iot:GetIndexingConfiguration",
                    iot::getIndexingConfiguration);
            ThingIndexingConfiguration things = config.thingIndexingConfiguration();
            boolean thingsIndexed = things != null && things.thingIndexingMode() != null
                    && things.thingIndexingMode() != ThingIndexingMode.OFF
                    && things.thingIndexingMode() != ThingIndexingMode.UNKNOWN_TO_SDK_VERSION;
            boolean connectivityIndexed = thingsIndexed
                    && things.thingConnectivityIndexingMode() == ThingConnectivityIndexingMode.STATUS;
            boolean groupsIndexed = config.thingGroupIndexingConfiguration() != null
                    && config.thingGroupIndexingConfiguration().thingGroupIndexingMode() == ThingGroupIndexingMode.ON;
            return new Indexing(thingsIndexed, connectivityIndexed, groupsIndexed);
        }

        void run() {
            Indexing indexing = indexing();
            boolean connectivityIndexed = indexing.connectivity();
            if (indexing.things() && indexing.groups()) {
                sink.readThrough(SyncReport.Path.FLEET_INDEX);
                readIndexed(connectivityIndexed);
            } else {
                sink.readThrough(SyncReport.Path.REGISTRY);
                readListed(connectivityIndexed);
            }
        }

        /**
         * Only what the registry's events say changed since {@code since}: the things and groups they name are asked
         * for again (things from the fleet index, in queries of {@value #NAMES_PER_QUERY} names, or where it is
         * off from the registry, DescribeThing and ListThingGroupsForThing each; groups with DescribeThingGroup),
         * and the rest is {@code since}'s fleet. Asking again, rather than taking an event's payload,
         * makes applying an event twice, late or out of order come to the same: the fleet as it is now. Health is
         * read as by a full read: metrics change every minute for every camera that reports.
         */
        ChangeRead changes(ChangeRead.Since since) {
            RegistryEvents events = new RegistryEvents(clients.sqs(env), env.eventsQueue().toString(), this::call);
            Duration retention = retentions.computeIfAbsent(env.eventsQueue().toString(), q -> events.retention());
            Duration gap = Duration.between(since.lastSync(), now);
            if (gap.plus(STALE_BEFORE_FULL).compareTo(retention) > 0) {
                return ChangeRead.fullReadNeeded(new Problem("sync.because.retention", env.label(),
                        gap.toMinutes() / 60.0, retention.toMinutes() / 60.0));
            }
            Indexing indexing = indexing();
            List<software.amazon.awssdk.services.sqs.model.Message> received = events.receive(MOST_EVENTS, hidden);
            List<RegistryEvents.Event> read = new ArrayList<>(received.size());
            RegistryEvents.Unreadable unreadable = null;
            for (software.amazon.awssdk.services.sqs.model.Message m : received) {
                try {
                    read.add(RegistryEvents.event(m));
                } catch (RegistryEvents.Unreadable u) {
                    LOG.warn("{}: registry event message {} in {} cannot be read ({}); kept in the queue: {}",
                            env.label(), u.messageId, env.eventsQueue(), u.getMessage(), m.body());
                    unreadable = unreadable == null ? u : unreadable;
                }
            }
            // What was read goes from the queue once the read of everything that follows is committed; an
            // unreadable message stays, for someone to look at.
            if (unreadable != null) {
                return ChangeRead.fullReadNeeded(new Problem("sync.because.unreadableEvent", env.label(),
                        unreadable.messageId, unreadable.getMessage()), () -> events.delete(read));
            }
            if (read.size() > MOST_EVENTS) {
                return ChangeRead.fullReadNeeded(new Problem("sync.because.backlog", env.label(), MOST_EVENTS),
                        () -> events.delete(read));
            }
            sink.readThrough(SyncReport.Path.REGISTRY_EVENTS);
            Instant stale = since.lastFull().minus(STALE_BEFORE_FULL);
            Instant fresh = now.minus(settle);
            Set<String> things = new java.util.LinkedHashSet<>();
            Set<String> groups = new java.util.LinkedHashSet<>();
            List<RegistryEvents.Event> done = new ArrayList<>();
            for (RegistryEvents.Event e : read) {
                boolean old = e.at() != null && e.at().isBefore(stale);
                if (!old && e.kind() == RegistryEvents.Kind.THING) {
                    things.add(e.name());
                } else if (!old && e.kind() == RegistryEvents.Kind.GROUP) {
                    groups.add(e.name());
                }
                if (e.at() == null || !e.at().isAfter(fresh)) {
                    done.add(e);
                }
            }
            progress.update(env.label() + ": " + read.size() + " registry events read", -1, -1);
            applyAndDeliver(since, things, groups, indexing);
            return ChangeRead.delivered(() -> events.delete(done));
        }

        /** {@code since}'s fleet with the named groups and things as they are now, delivered as a full read would. */
        private void applyAndDeliver(ChangeRead.Since since, Set<String> things, Set<String> groups,
                                     Indexing indexing) {
            boolean connectivityIndexed = indexing.connectivity();
            String label = env.label();
            String noSite = FleetAttributes.siteId(label, FleetAttributes.NO_SITE);
            Map<String, Site> sites = new LinkedHashMap<>();
            since.fleet().sites().forEach(site -> sites.put(site.id(), site));
            sites.remove(noSite);
            boolean indexed = indexing.things() && indexing.groups();
            for (String name : groups) {
                Site site = siteNow(name);
                if (site == null) {
                    sites.remove(FleetAttributes.siteId(label, name));
                } else if (sites.put(site.id(), site) == null) {
                    // A group that has become a site (it was a plain group) may hold things already: they are
                    // asked for, as their site may now be this one.
                    things.addAll(membersOf(name, indexed));
                }
            }
            Map<String, CameraSystem> cameras = new LinkedHashMap<>();
            for (CameraSystem c : since.fleet().cameras()) {
                cameras.put(c.iotThingName(), c);
                // A camera whose site is gone (or is a site no more) goes where its thing's groups say now.
                if (!c.siteId().equals(noSite) && !sites.containsKey(c.siteId())) {
                    things.add(c.iotThingName());
                }
            }
            Map<String, Map<String, String>> attributes = new HashMap<>();
            Map<String, Connectivity> connectivity = new HashMap<>();
            Map<String, ThingNow> docs = indexed ? indexedThingsNow(things) : registeredThingsNow(things);
            // A thing in two site groups stays on its site while it is still in it, else goes to the first.
            Map<String, Integer> rank = new HashMap<>();
            sites.keySet().forEach(id -> rank.put(id, rank.size()));
            for (String name : things) {
                ThingNow doc = docs.get(name);
                CameraSystem was = cameras.remove(name);
                if (doc == null) {
                    continue;
                }
                Map<String, String> a = doc.attributes();
                String site = doc.groups().stream().map(g -> FleetAttributes.siteId(label, g))
                        .filter(sites::containsKey)
                        .min(java.util.Comparator.comparing((String id) -> was != null && id.equals(was.siteId())
                                ? -1 : rank.get(id)))
                        .orElse(noSite);
                cameras.put(name, FleetAttributes.camera(label, name, site, a));
                attributes.put(name, a);
                if (connectivityIndexed && doc.connectivity() != null) {
                    connectivity.put(name, doc.connectivity());
                }
            }
            for (CameraSystem c : cameras.values()) {
                // The cameras not asked for keep the mode they had.
                attributes.computeIfAbsent(c.iotThingName(), t -> Map.of(FleetAttributes.MODE,
                        since.fleet().telemetryOf(c.id()).mode().name()));
            }
            if (connectivityIndexed) {
                connectivity.putAll(connectivityChangedOrOn(since.lastSync()));
            }
            List<Site> sitesNow = new ArrayList<>(sites.values());
            if (cameras.values().stream().anyMatch(c -> c.siteId().equals(noSite))) {
                sitesNow.add(FleetAttributes.noSite(label));
            }
            for (int from = 0; from < sitesNow.size(); from += THING_PAGE) {
                sink.sites(List.copyOf(sitesNow.subList(from, Math.min(sitesNow.size(), from + THING_PAGE))));
            }
            Set<String> reporting = camerasWithMetricsIfAllowed();
            List<CameraSystem> all = new ArrayList<>(cameras.values());
            for (int from = 0; from < all.size(); from += INDEX_PAGE) {
                List<CameraSystem> page = all.subList(from, Math.min(all.size(), from + INDEX_PAGE));
                Map<String, CameraTelemetry> telemetry = telemetry(page, attributes, connectivity, reporting);
                if (connectivityIndexed) {
                    // Disconnected before the last sync and silent since: the last heartbeat known still holds.
                    for (CameraSystem c : page) {
                        CameraTelemetry t = telemetry.get(c.id());
                        Instant before = since.fleet().telemetryOf(c.id()).lastHeartbeat();
                        if (t.lastHeartbeat() == null && before != null
                                && !connectivity.containsKey(c.iotThingName())) {
                            telemetry.put(c.id(), new CameraTelemetry(before, t.mode(), t.framesPerMinute(),
                                    t.diskUsedPercent(), t.temperatureC()));
                        }
                    }
                }
                sink.cameras(List.copyOf(page), telemetry);
            }
        }

        /** A group as a site now; null when it is gone or is not a site. */
        private Site siteNow(String name) {
            DescribeThingGroupResponse d;
            try {
                d = call("iot:DescribeThingGroup", () -> iot.describeThingGroup(b -> b.thingGroupName(name)));
            } catch (Problem p) {
                if (p.getCause() instanceof software.amazon.awssdk.services.iot.model.ResourceNotFoundException) {
                    return null;
                }
                throw p;
            }
            Map<String, String> a = d.thingGroupProperties() == null
                    || d.thingGroupProperties().attributePayload() == null ? Map.of()
                    : d.thingGroupProperties().attributePayload().attributes();
            if (!FleetAttributes.isSite(a)) {
                return null;
            }
            List<String> ancestors = d.thingGroupMetadata() == null ? List.of()
                    : d.thingGroupMetadata().rootToParentThingGroups().stream().map(GroupNameAndArn::groupName)
                    .toList();
            return FleetAttributes.site(env.label(), name, d.thingGroupProperties().thingGroupDescription(),
                    ancestors, a);
        }

        /** The names of the things directly in group {@code name}, from the fleet index or the registry. */
        private List<String> membersOf(String name, boolean indexed) {
            List<String> out = new ArrayList<>();
            if (indexed) {
                pages("iot:SearchIndex",
                        token -> call("iot:SearchIndex", () -> iot.searchIndex(b -> b.indexName(THING_INDEX)
                                .queryString("thingGroupNames:" + name.replace(":", "\\:")).maxResults(INDEX_PAGE)
                                .nextToken(token))),
                        SearchIndexResponse::nextToken,
                        r -> r.things().forEach(t -> out.add(t.thingName())));
            } else {
                pages("iot:ListThingsInThingGroup",
                        token -> call("iot:ListThingsInThingGroup", () -> iot.listThingsInThingGroup(b -> b
                                .thingGroupName(name).recursive(false).maxResults(THING_PAGE).nextToken(token))),
                        ListThingsInThingGroupResponse::nextToken,
                        r -> out.addAll(r.things()));
            }
            return out;
        }

        /** A thing as it is now: its attributes, its groups, and its connectivity where the index has it. */
        private record ThingNow(Map<String, String> attributes, List<String> groups, Connectivity connectivity) {
        }

        /** The fleet index's documents of {@code names}, by name; a name with none is a thing that is gone. */
        private Map<String, ThingNow> indexedThingsNow(Set<String> names) {
            Map<String, ThingNow> out = new HashMap<>();
            List<String> all = new ArrayList<>(names);
            for (int from = 0; from < all.size(); from += NAMES_PER_QUERY) {
                List<String> batch = all.subList(from, Math.min(all.size(), from + NAMES_PER_QUERY));
                String query = String.join(" OR ", batch.stream().map(n -> "thingName:" + n.replace(":", "\\:"))
                        .toList());
                pages("iot:SearchIndex",
                        token -> call("iot:SearchIndex", () -> iot.searchIndex(b -> b.indexName(THING_INDEX)
                                .queryString(query).maxResults(INDEX_PAGE).nextToken(token))),
                        SearchIndexResponse::nextToken,
                        r -> r.things().stream().filter(t -> batch.contains(t.thingName()))
                                .forEach(t -> out.put(t.thingName(), new ThingNow(
                                        t.attributes() == null ? Map.of() : t.attributes(), t.thingGroupNames(),
                                        t.connectivity() == null || t.connectivity().connected() == null ? null
                                                : new Connectivity(t.connectivity().connected(),
                                                epoch(t.connectivity().timestamp()))))));
            }
            return out;
        }

        /**
         * The registry's things of {@code names}, where the fleet index does not cover them: DescribeThing and
         * ListThingGroupsForThing each; a name the registry does not know is a thing that is gone.
         */
        private Map<String, ThingNow> registeredThingsNow(Set<String> names) {
            Map<String, ThingNow> out = new HashMap<>();
            for (String name : names) {
                software.amazon.awssdk.services.iot.model.DescribeThingResponse d;
                try {
                    d = call("iot:DescribeThing", () -> iot.describeThing(b -> b.thingName(name)));
                } catch (Problem p) {
                    if (p.getCause() instanceof software.amazon.awssdk.services.iot.model.ResourceNotFoundException) {
                        continue;
                    }
                    throw p;
                }
                List<String> groups = new ArrayList<>();
                pages("iot:ListThingGroupsForThing",
                        token -> call("iot:ListThingGroupsForThing", () -> iot.listThingGroupsForThing(b -> b
                                .thingName(name).maxResults(THING_PAGE).nextToken(token))),
                        software.amazon.awssdk.services.iot.model.ListThingGroupsForThingResponse::nextToken,
                        r -> r.thingGroups().forEach(g -> groups.add(g.groupName())));
                out.put(name, new ThingNow(d.attributes() == null ? Map.of() : d.attributes(), groups, null));
            }
            return out;
        }

        /** The things connected now, and those whose connectivity changed since {@code since}. */
        private Map<String, Connectivity> connectivityChangedOrOn(Instant since) {
            Map<String, Connectivity> out = new HashMap<>();
            String query = "connectivity.connected:true OR connectivity.timestamp>" + since.toEpochMilli();
            pages("iot:SearchIndex",
                    token -> call("iot:SearchIndex", () -> iot.searchIndex(b -> b.indexName(THING_INDEX)
                            .queryString(query).maxResults(INDEX_PAGE).nextToken(token))),
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
         * Sites and things from paged fleet-index queries: each thing document names its groups, so the calls
         * grow with the things over {@value #INDEX_PAGE}, not with the sites.
         */
        private void readIndexed(boolean connectivityIndexed) {
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
            Set<String> reporting = camerasWithMetricsIfAllowed();
            boolean[] homeless = {false};
            pages("iot:SearchIndex",
                    token -> call("iot:SearchIndex", () -> iot.searchIndex(b -> b.indexName(THING_INDEX)
                            .queryString("thingName:*").maxResults(INDEX_PAGE).nextToken(token))),
                    SearchIndexResponse::nextToken,
                    r -> {
                        List<Thing> page = new ArrayList<>(r.things().size());
                        Map<String, Connectivity> connectivity = new HashMap<>();
                        for (ThingDocument t : r.things()) {
                            String group = t.thingGroupNames().stream().filter(rank::containsKey)
                                    .min(java.util.Comparator.comparing(rank::get)).orElse(null);
                            page.add(new Thing(t.thingName(), group, t.attributes()));
                            if (connectivityIndexed && t.connectivity() != null
                                    && t.connectivity().connected() != null) {
                                connectivity.put(t.thingName(), new Connectivity(t.connectivity().connected(),
                                        epoch(t.connectivity().timestamp())));
                            }
                        }
                        homeless[0] |= deliverCameras(page, connectivity, reporting);
                    });
            if (homeless[0]) {
                sink.sites(List.of(FleetAttributes.noSite(env.label())));
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
                            .toList(), connectivity, reporting));
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
                                       Set<String> reporting) {
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
            sink.cameras(cameras, telemetry(cameras, attributes, connectivity, reporting));
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
        private Set<String> camerasWithMetricsIfAllowed() {
            try {
                return camerasWithMetrics();
            } catch (Problem p) {
                LOG.warn("{}: no health metrics from CloudWatch: {}", env.label(), p.getMessage());
                sink.warning(p);
                return Set.of();
            }
        }

        /** The cameras that report any metric at all: only they are worth a query. */
        private Set<String> camerasWithMetrics() {
            Set<String> out = new HashSet<>();
            pages("cloudwatch:ListMetrics",
                    token -> call("cloudwatch:ListMetrics", () -> cloudWatch.listMetrics(b -> b
                            .namespace(metrics.namespace())
                            .dimensions(DimensionFilter.builder().name(metrics.dimension()).build())
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

        private Map<String, CameraTelemetry> telemetry(List<CameraSystem> cameras,
                                                       Map<String, Map<String, String>> attributes,
                                                       Map<String, Connectivity> connectivity,
                                                       Set<String> reporting) {
            List<String> things = cameras.stream().map(CameraSystem::iotThingName).filter(reporting::contains)
                    .toList();
            Map<String, Instant> beats = newestTimes(things, metrics.heartbeat(), "SampleCount", HEARTBEAT_LOOKBACK);
            Map<String, Double> frames = newestValues(things, metrics.frames(), "Sum");
            Map<String, Double> disk = newestValues(things, metrics.diskUsed(), "Maximum");
            Map<String, Double> temperature = newestValues(things, metrics.temperature(), "Maximum");
            Map<String, CameraTelemetry> out = new HashMap<>();
            for (CameraSystem c : cameras) {
                String thing = c.iotThingName();
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
