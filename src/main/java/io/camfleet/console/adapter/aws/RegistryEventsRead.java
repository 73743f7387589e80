package io.camfleet.console.adapter.aws;

import io.camfleet.console.adapter.aws.AwsEnvironmentReader.Connectivity;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.environments.ChangeRead;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.environments.SyncReport;
import io.camfleet.console.service.environments.SyncSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.DescribeThingGroupResponse;
import software.amazon.awssdk.services.iot.model.DescribeThingResponse;
import software.amazon.awssdk.services.iot.model.GroupNameAndArn;
import software.amazon.awssdk.services.iot.model.ListThingGroupsForThingResponse;
import software.amazon.awssdk.services.iot.model.ListThingsInThingGroupResponse;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.SearchIndexResponse;
import software.amazon.awssdk.services.iot.model.ThingDocument;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.camfleet.console.adapter.aws.AwsEnvironmentReader.INDEX_PAGE;
import static io.camfleet.console.adapter.aws.AwsEnvironmentReader.THING_INDEX;
import static io.camfleet.console.adapter.aws.AwsEnvironmentReader.THING_PAGE;
import static io.camfleet.console.adapter.aws.AwsEnvironmentReader.epoch;
import static io.camfleet.console.adapter.aws.AwsEnvironmentReader.pages;

/**
 * One incremental read of an environment through its registry events queue ({@link RegistryEvents}), on top of
 * what {@link AwsEnvironmentReader} reads a full sync with: its calls (counted), its health metrics and telemetry.
 */
final class RegistryEventsRead {

    private static final Logger LOG = LoggerFactory.getLogger(RegistryEventsRead.class);
    /** More events than this in the queue: reading everything costs fewer calls than asking for each. */
    static final int MOST_EVENTS = 5_000;
    /** Things named in one fleet-index query ({@code thingName:a OR thingName:b ...}), keeping queries short. */
    static final int NAMES_PER_QUERY = 40;
    /**
     * Events older than the last read of everything by more than this were already in it (the fleet index lags
     * the registry by seconds, not minutes).
     */
    static final Duration STALE_BEFORE_FULL = Duration.ofMinutes(5);

    private final AwsEnvironmentReader.Read read;
    private final SqsClient sqs;
    private final Map<String, Duration> retentions;
    private final Duration settle;
    private final Duration hidden;
    private final Environment env;
    private final SyncSink sink;
    private final Progress progress;
    private final IotClient iot;
    private final Instant now;

    /**
     * @param retentions each queue's retention, kept across reads: asked once
     * @param settle     events younger than this are applied but left in the queue, to be asked for again
     * @param hidden     how long received events stay hidden from other reads of the queue
     */
    RegistryEventsRead(AwsEnvironmentReader.Read read, SqsClient sqs, Map<String, Duration> retentions,
                       Duration settle, Duration hidden) {
        this.read = read;
        this.sqs = sqs;
        this.retentions = retentions;
        this.settle = settle;
        this.hidden = hidden;
        this.env = read.env;
        this.sink = read.sink;
        this.progress = read.progress;
        this.iot = read.iot;
        this.now = read.now;
    }

    /**
     * Only what the registry's events say changed since {@code since}: the things and groups they name are asked
     * for again (things from the fleet index, in queries of {@value #NAMES_PER_QUERY} names, or where it is
     * off from the registry, DescribeThing and ListThingGroupsForThing each; groups with DescribeThingGroup),
     * and the rest is {@code since}'s fleet. Asking again, rather than taking an event's payload,
     * makes applying an event twice, late or out of order come to the same: the fleet as it is now. Health is
     * read as by a full read: metrics change every minute for every camera that reports.
     */
    ChangeRead run(ChangeRead.Since since) {
        RegistryEvents events = new RegistryEvents(sqs, env.eventsQueue().toString(), read::call);
        Duration retention = retentions.computeIfAbsent(env.eventsQueue().toString(), q -> events.retention());
        Duration gap = Duration.between(since.lastSync(), now);
        if (gap.plus(STALE_BEFORE_FULL).compareTo(retention) > 0) {
            return ChangeRead.fullReadNeeded(new Problem("sync.because.retention", env.label(),
                    gap.toMinutes() / 60.0, retention.toMinutes() / 60.0));
        }
        AwsEnvironmentReader.Read.Indexing indexing = read.indexing();
        List<Message> received = events.receive(MOST_EVENTS, hidden);
        List<RegistryEvents.Event> told = new ArrayList<>(received.size());
        RegistryEvents.Unreadable unreadable = null;
        for (Message m : received) {
            try {
                told.add(RegistryEvents.event(m));
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
                    unreadable.messageId, unreadable.getMessage()), () -> events.delete(told));
        }
        if (told.size() > MOST_EVENTS) {
            return ChangeRead.fullReadNeeded(new Problem("sync.because.backlog", env.label(), MOST_EVENTS),
                    () -> events.delete(told));
        }
        sink.readThrough(SyncReport.Path.REGISTRY_EVENTS);
        Instant stale = since.lastFull().minus(STALE_BEFORE_FULL);
        Instant fresh = now.minus(settle);
        Set<String> things = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        List<RegistryEvents.Event> done = new ArrayList<>();
        for (RegistryEvents.Event e : told) {
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
        progress.update(env.label() + ": " + told.size() + " registry events read", -1, -1);
        applyAndDeliver(since, things, groups, indexing);
        return ChangeRead.delivered(() -> events.delete(done));
    }

    /** {@code since}'s fleet with the named groups and things as they are now, delivered as a full read would. */
    private void applyAndDeliver(ChangeRead.Since since, Set<String> things, Set<String> groups,
                                 AwsEnvironmentReader.Read.Indexing indexing) {
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
                    .min(Comparator.comparing((String id) -> was != null && id.equals(was.siteId())
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
        Set<String> reporting = read.camerasWithMetricsIfAllowed();
        List<CameraSystem> all = new ArrayList<>(cameras.values());
        for (int from = 0; from < all.size(); from += INDEX_PAGE) {
            List<CameraSystem> page = all.subList(from, Math.min(all.size(), from + INDEX_PAGE));
            Map<String, CameraTelemetry> telemetry = read.telemetry(page, attributes, connectivity, reporting);
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
            d = read.call("iot:DescribeThingGroup", () -> iot.describeThingGroup(b -> b.thingGroupName(name)));
        } catch (Problem p) {
            if (p.getCause() instanceof ResourceNotFoundException) {
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
                    token -> read.call("iot:SearchIndex", () -> iot.searchIndex(b -> b.indexName(THING_INDEX)
                            .queryString("thingGroupNames:" + name.replace(":", "\\:")).maxResults(INDEX_PAGE)
                            .nextToken(token))),
                    SearchIndexResponse::nextToken,
                    r -> r.things().forEach(t -> out.add(t.thingName())));
        } else {
            pages("iot:ListThingsInThingGroup",
                    token -> read.call("iot:ListThingsInThingGroup", () -> iot.listThingsInThingGroup(b -> b
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
                    token -> read.call("iot:SearchIndex", () -> iot.searchIndex(b -> b.indexName(THING_INDEX)
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
            DescribeThingResponse d;
            try {
                d = read.call("iot:DescribeThing", () -> iot.describeThing(b -> b.thingName(name)));
            } catch (Problem p) {
                if (p.getCause() instanceof ResourceNotFoundException) {
                    continue;
                }
                throw p;
            }
            List<String> groups = new ArrayList<>();
            pages("iot:ListThingGroupsForThing",
                    token -> read.call("iot:ListThingGroupsForThing", () -> iot.listThingGroupsForThing(b -> b
                            .thingName(name).maxResults(THING_PAGE).nextToken(token))),
                    ListThingGroupsForThingResponse::nextToken,
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
                token -> read.call("iot:SearchIndex", () -> iot.searchIndex(b -> b.indexName(THING_INDEX)
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
}
