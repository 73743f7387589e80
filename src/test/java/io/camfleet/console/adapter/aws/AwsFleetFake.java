package io.camfleet.console.adapter.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.camfleet.console.service.environments.Environment;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The AWS endpoints a full sync calls, for one account holding a {@link FakeFleet}, on loopback: IoT's
 * {@code GetIndexingConfiguration}, {@code SearchIndex} (things, optionally with their shadows, and thing groups), {@code ListThingGroups},
 * {@code DescribeThingGroup}, {@code ListThingsInThingGroup} and {@code ListThings} in their documented REST JSON,
 * and CloudWatch's {@code ListMetrics} and {@code GetMetricData} ({@link FakeCloudWatch}). It holds its fleet in
 * memory from the start: seeding 100,000 things into moto would take a call per thing and per group membership. Each operation has its own token bucket ({@link CallLimiter}); a call
 * over it is refused as AWS refuses it: IoT with HTTP 429 {@code ThrottlingException}, CloudWatch with HTTP 400
 * {@code Throttling}. Signatures are not checked.
 *
 * <p>{@code GET /fake/stats} answers the calls answered and refused by operation and the fake's own CPU time; run
 * as a program ({@link #main}) it serves until its standard input closes.
 */
public final class AwsFleetFake implements AutoCloseable {

    /** Documents a SearchIndex page holds at most (its API reference: 1 to 500). */
    static final int INDEX_PAGE_MAX = 500;
    /** ListThings, ListThingGroups and ListThingsInThingGroup: at most 250 a page. */
    static final int REGISTRY_PAGE_MAX = 250;
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // Without TCP_NODELAY the JDK's server answers small requests about 40 ms late (Nagle and delayed ACKs).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final FakeFleet fleet;
    private final boolean indexed;
    /** Each thing's indexed shadow (null: none); null: shadows are not indexed. */
    private final java.util.function.Function<FakeFleet.Thing, String> shadows;
    private final CallLimiter limiter;
    private volatile boolean cloudWatchDenied;
    private final FakeCloudWatch cloudWatch;
    private final Map<String, FakeFleet.Group> groups = new LinkedHashMap<>();
    private final Map<String, List<String>> members = new HashMap<>();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    /**
     * @param indexed   fleet indexing of things (registry and connectivity) and of thing groups on; else all off
     * @param perSecond calls a second each operation is allowed (burst: as many); 0 for no limit
     */
    public AwsFleetFake(FakeFleet fleet, boolean indexed, double perSecond) throws IOException {
        this(fleet, indexed, new CallLimiter(perSecond, Math.max(1, perSecond), System::nanoTime));
    }

    AwsFleetFake(FakeFleet fleet, boolean indexed, CallLimiter limiter) throws IOException {
        this(fleet, indexed, null, limiter);
    }

    /**
     * @param shadows null: no shadow indexing; else the index includes shadows ({@code REGISTRY_AND_SHADOW}) and
     *                each thing document holds the shadow this gives (none for null), such as {@link #healthShadow}
     */
    AwsFleetFake(FakeFleet fleet, boolean indexed, java.util.function.Function<FakeFleet.Thing, String> shadows,
                 CallLimiter limiter) throws IOException {
        this.fleet = fleet;
        this.indexed = indexed;
        this.shadows = shadows;
        this.limiter = limiter;
        this.cloudWatch = new FakeCloudWatch(fleet);
        fleet.groups().forEach(g -> groups.put(g.name(), g));
        for (FakeFleet.Thing t : fleet.things()) {
            if (t.group() != null) {
                members.computeIfAbsent(t.group(), g -> new java.util.ArrayList<>()).add(t.name());
            }
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The thing's shadow reporting the health CloudWatch holds for it here, as the fleet index has it. */
    static String healthShadow(FakeFleet.Thing thing) {
        return FakeCloudWatch.shadow(thing).toString();
    }

    /** From now on CloudWatch refuses every call as a missing permission does (HTTP 403 {@code AccessDenied}). */
    void denyCloudWatch() {
        cloudWatchDenied = true;
    }

    /** The things {@code GetMetricData} has been asked about. */
    java.util.Set<String> askedCloudWatchAbout() {
        return cloudWatch.asked();
    }

    /** Calls answered, by operation. */
    public Map<String, Integer> answered() {
        return limiter.answered();
    }

    /** Calls refused as throttled, by operation. */
    public Map<String, Integer> refused() {
        return limiter.refused();
    }

    /**
     * The console's AWS clients as a desktop builds them, on a profile {@code fake} with made-up keys (the default
     * credential chain reads it; nothing reaches the instance metadata service).
     */
    public static AwsClients clients(java.util.function.Consumer<String> onThrottled) throws IOException {
        java.nio.file.Path config = java.nio.file.Files.createTempFile("aws-config", "");
        config.toFile().deleteOnExit();
        java.nio.file.Files.writeString(config, """
                [profile fake]
                aws_access_key_id = AKIAFAKE0000000000
                aws_secret_access_key = fake-secret
                region = eu-west-1
                """, StandardCharsets.UTF_8);
        return new AwsClients(() -> software.amazon.awssdk.profiles.ProfileFile.builder().content(config)
                .type(software.amazon.awssdk.profiles.ProfileFile.Type.CONFIGURATION).build(), onThrottled);
    }

    /** An environment of this account, through the endpoint override the console offers for emulators. */
    public Environment environment(String label) {
        return Environment.of(label, "fake", "eu-west-1", endpoint().toString());
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x; InputStream in = x.getRequestBody()) {
            // Read whole before any answer: a refusal sent while the client still writes breaks its connection.
            InputStream body = new java.io.ByteArrayInputStream(in.readAllBytes());
            String path = x.getRequestURI().getRawPath();
            if (path.equals("/fake/stats")) {
                ObjectNode stats = JSON.createObjectNode();
                stats.set("answered", JSON.valueToTree(answered()));
                stats.set("refused", JSON.valueToTree(refused()));
                stats.put("cpuSeconds", ((com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9);
                send(x, 200, "application/json", stats.toString().getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith(FakeCloudWatch.PATH)) {
                cloudWatch(x, path.substring(FakeCloudWatch.PATH.length()), body);
            } else {
                iot(x, x.getRequestMethod(), path, query(x.getRequestURI().getRawQuery()), body);
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private void cloudWatch(HttpExchange x, String operation, InputStream body) throws IOException {
        x.getResponseHeaders().add("smithy-protocol", "rpc-v2-cbor");
        if (cloudWatchDenied) {
            x.getResponseHeaders().add("x-amzn-query-error", "AccessDenied;Sender");
            send(x, 403, "application/cbor", FakeCloudWatch.error("AccessDenied",
                    "User is not authorized to perform cloudwatch:" + operation));
            return;
        }
        if (!limiter.admit(operation)) {
            x.getResponseHeaders().add("x-amzn-query-error", "Throttling;Sender");
            send(x, 400, "application/cbor", FakeCloudWatch.error("Throttling", "Rate exceeded"));
            return;
        }
        try {
            send(x, 200, "application/cbor", cloudWatch.answer(operation, body));
        } catch (IllegalArgumentException e) {
            x.getResponseHeaders().add("x-amzn-query-error", "InvalidParameterValue;Sender");
            send(x, 400, "application/cbor", FakeCloudWatch.error("InvalidParameterValueException", e.getMessage()));
        }
    }

    private void iot(HttpExchange x, String method, String path, Map<String, String> q, InputStream body)
            throws IOException {
        String[] parts = path.substring(1).split("/");
        String operation;
        if (method.equals("GET") && path.equals("/indexing/config")) {
            operation = "GetIndexingConfiguration";
        } else if (method.equals("POST") && path.equals("/indices/search")) {
            operation = "SearchIndex";
        } else if (method.equals("GET") && path.equals("/thing-groups")) {
            operation = "ListThingGroups";
        } else if (method.equals("GET") && parts.length == 2 && parts[0].equals("thing-groups")) {
            operation = "DescribeThingGroup";
        } else if (method.equals("GET") && parts.length == 3 && parts[0].equals("thing-groups")
                && parts[2].equals("things")) {
            operation = "ListThingsInThingGroup";
        } else if (method.equals("GET") && path.equals("/things")) {
            operation = "ListThings";
        } else {
            iotError(x, 404, "UnknownOperationException", method + " " + path + " is not faked");
            return;
        }
        if (!limiter.admit(operation)) {
            iotError(x, 429, "ThrottlingException", "Rate exceeded.");
            return;
        }
        String group = parts.length >= 2 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
        ObjectNode out = switch (operation) {
            case "GetIndexingConfiguration" -> indexingConfiguration();
            case "SearchIndex" -> search(JSON.readTree(body));
            case "ListThingGroups" -> page(q, groups.size(), "thingGroups", (a, i) -> {
                FakeFleet.Group g = fleet.groups().get(i);
                a.addObject().put("groupName", g.name()).put("groupArn", arn("thinggroup", g.name()));
            });
            case "DescribeThingGroup" -> describe(group);
            case "ListThingsInThingGroup" -> {
                List<String> names = members.getOrDefault(group, List.of());
                yield page(q, names.size(), "things", (a, i) -> a.add(names.get(i)));
            }
            default -> page(q, fleet.things().size(), "things", (a, i) -> {
                FakeFleet.Thing t = fleet.things().get(i);
                ObjectNode n = a.addObject().put("thingName", t.name()).put("thingArn", arn("thing", t.name()))
                        .put("version", 1);
                n.set("attributes", JSON.valueToTree(t.attributes()));
            });
        };
        if (out == null) {
            iotError(x, 404, "ResourceNotFoundException", operation + ": not found");
        } else {
            send(x, 200, "application/json", JSON.writeValueAsBytes(out));
        }
    }

    private ObjectNode indexingConfiguration() {
        ObjectNode out = JSON.createObjectNode();
        out.putObject("thingIndexingConfiguration").put("thingIndexingMode",
                        !indexed ? "OFF" : shadows != null ? "REGISTRY_AND_SHADOW" : "REGISTRY")
                .put("thingConnectivityIndexingMode", indexed ? "STATUS" : "OFF");
        out.putObject("thingGroupIndexingConfiguration").put("thingGroupIndexingMode", indexed ? "ON" : "OFF");
        return out;
    }

    /** Only the two queries a full sync makes: every thing, every group; pages as documented. */
    private ObjectNode search(JsonNode r) {
        String index = r.path("indexName").asText("AWS_Things");
        String query = r.path("queryString").asText();
        boolean things = index.equals("AWS_Things") && query.equals("thingName:*");
        if (!indexed || !(things || index.equals("AWS_ThingGroups") && query.equals("thingGroupName:*"))) {
            return null;
        }
        int size = Math.min(INDEX_PAGE_MAX, r.path("maxResults").asInt(INDEX_PAGE_MAX));
        int from = r.hasNonNull("nextToken") ? Integer.parseInt(r.get("nextToken").asText()) : 0;
        int total = things ? fleet.things().size() : fleet.groups().size();
        int to = Math.min(total, from + size);
        ObjectNode out = JSON.createObjectNode();
        ArrayNode thingDocs = out.putArray("things");
        ArrayNode groupDocs = out.putArray("thingGroups");
        for (int i = from; i < to; i++) {
            if (things) {
                FakeFleet.Thing t = fleet.things().get(i);
                ObjectNode d = thingDocs.addObject().put("thingName", t.name()).put("thingId", "id-" + t.name());
                ArrayNode in = d.putArray("thingGroupNames");
                if (t.group() != null) {
                    in.add(t.group());
                }
                d.set("attributes", JSON.valueToTree(t.attributes()));
                d.putObject("connectivity").put("connected", t.connected()).put("timestamp", t.since());
                String shadow = shadows == null ? null : shadows.apply(t);
                if (shadow != null) {
                    d.put("shadow", shadow);
                }
            } else {
                FakeFleet.Group g = fleet.groups().get(i);
                ObjectNode d = groupDocs.addObject().put("thingGroupName", g.name())
                        .put("thingGroupId", "id-" + g.name());
                if (g.description() != null) {
                    d.put("thingGroupDescription", g.description());
                }
                d.set("attributes", JSON.valueToTree(g.attributes()));
                ArrayNode parents = d.putArray("parentGroupNames");
                if (g.parent() != null) {
                    parents.add(g.parent());
                }
            }
        }
        if (to < total) {
            out.put("nextToken", String.valueOf(to));
        }
        return out;
    }

    private ObjectNode describe(String name) {
        FakeFleet.Group g = groups.get(name);
        if (g == null) {
            return null;
        }
        ObjectNode out = JSON.createObjectNode().put("thingGroupName", g.name()).put("thingGroupId", "id-" + g.name())
                .put("thingGroupArn", arn("thinggroup", g.name())).put("version", 1);
        ObjectNode properties = out.putObject("thingGroupProperties");
        if (g.description() != null) {
            properties.put("thingGroupDescription", g.description());
        }
        properties.putObject("attributePayload").set("attributes", JSON.valueToTree(g.attributes()));
        ObjectNode metadata = out.putObject("thingGroupMetadata").put("creationDate", 1.7e9);
        ArrayNode roots = metadata.putArray("rootToParentThingGroups");
        if (g.parent() != null) {
            metadata.put("parentGroupName", g.parent());
            roots.addObject().put("groupName", g.parent()).put("groupArn", arn("thinggroup", g.parent()));
        }
        return out;
    }

    private interface Item {
        void add(ArrayNode array, int index);
    }

    /** A registry listing's page: at most 250, the next token is the offset of the next page. */
    private static ObjectNode page(Map<String, String> q, int total, String field, Item item) {
        int size = Math.min(REGISTRY_PAGE_MAX, Integer.parseInt(q.getOrDefault("maxResults", "50")));
        int from = Integer.parseInt(q.getOrDefault("nextToken", "0"));
        int to = Math.min(total, from + size);
        ObjectNode out = JSON.createObjectNode();
        ArrayNode a = out.putArray(field);
        for (int i = from; i < to; i++) {
            item.add(a, i);
        }
        if (to < total) {
            out.put("nextToken", String.valueOf(to));
        }
        return out;
    }

    private static String arn(String kind, String name) {
        return "arn:aws:iot:eu-west-1:000000000000:" + kind + "/" + name;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static void iotError(HttpExchange x, int status, String code, String message) throws IOException {
        x.getResponseHeaders().add("x-amzn-ErrorType", code);
        send(x, status, "application/json", JSON.writeValueAsBytes(Map.of("message", message)));
    }

    private static void send(HttpExchange x, int status, String type, byte[] body) throws IOException {
        x.getResponseHeaders().add("Content-Type", type);
        x.sendResponseHeaders(status, body.length);
        x.getResponseBody().write(body);
    }

    /**
     * {@code AwsFleetFake SITES THINGS indexed|indexed-shadow|registry PER_SECOND}: serves until standard input closes, after
     * printing {@code listening <endpoint>}; so that its CPU and heap stay out of the console's.
     */
    public static void main(String[] args) throws Exception {
        FakeFleet fleet = FakeFleet.of(Integer.parseInt(args[0]), Integer.parseInt(args[1]));
        double rate = Double.parseDouble(args[3]);
        try (AwsFleetFake fake = new AwsFleetFake(fleet, args[2].startsWith("indexed"),
                args[2].equals("indexed-shadow") ? AwsFleetFake::healthShadow : null,
                new CallLimiter(rate, Math.max(1, rate), System::nanoTime))) {
            System.out.println("listening " + fake.endpoint());
            System.out.flush();
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }
}
