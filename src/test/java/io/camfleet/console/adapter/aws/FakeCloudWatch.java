package io.camfleet.console.adapter.aws;

import io.camfleet.console.service.environments.MetricNames;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORFactory;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch's {@code ListMetrics} and {@code GetMetricData} over the wire protocol the SDK 2.57 speaks for it
 * (Smithy RPC v2 CBOR), with the documented limits: 500 metrics a {@code ListMetrics} page, at most 500 queries and
 * 100,800 data points a {@code GetMetricData} call (more points go to the next page). Every connected thing reports
 * the four metrics once a minute; a disconnected one has been silent for two hours.
 */
final class FakeCloudWatch {

    static final String PATH = "/service/GraniteServiceVersion20100801/operation/";
    static final int METRICS_PAGE = 500;
    static final int MAX_QUERIES = 500;
    static final int MAX_POINTS = 100_800;
    private static final CBORFactory CBOR = new CBORFactory();

    private static final MetricNames NAMES = MetricNames.DEFAULT;
    private final List<String> metrics = List.of(NAMES.heartbeat(), NAMES.frames(), NAMES.diskUsed(),
            NAMES.temperature());
    private final List<FakeFleet.Thing> things;
    private final Map<String, FakeFleet.Thing> byName = new LinkedHashMap<>();
    private final java.util.Set<String> asked = java.util.concurrent.ConcurrentHashMap.newKeySet();

    FakeCloudWatch(FakeFleet fleet) {
        this.things = fleet.things();
        things.forEach(t -> byName.put(t.name(), t));
    }

    /** The things GetMetricData has been asked about. */
    java.util.Set<String> asked() {
        return java.util.Set.copyOf(asked);
    }

    /** The answer's CBOR body; throws IllegalArgumentException for what AWS would refuse as invalid. */
    byte[] answer(String operation, InputStream body) throws IOException {
        Map<String, Object> request = read(body);
        return switch (operation) {
            case "ListMetrics" -> listMetrics(request);
            case "GetMetricData" -> getMetricData(request);
            default -> throw new IllegalArgumentException("unknown operation " + operation);
        };
    }

    private byte[] listMetrics(Map<String, Object> r) throws IOException {
        String metric = (String) r.get("MetricName");
        int per = metric == null ? metrics.size() : 1;
        boolean ours = NAMES.namespace().equals(r.getOrDefault("Namespace", NAMES.namespace()))
                && ((List<?>) r.getOrDefault("Dimensions", List.of())).stream()
                .allMatch(d -> NAMES.dimension().equals(((Map<?, ?>) d).get("Name")));
        int total = ours ? things.size() * per : 0;
        int from = r.get("NextToken") == null ? 0 : Integer.parseInt((String) r.get("NextToken"));
        int to = Math.min(total, from + METRICS_PAGE);
        return write(g -> {
            g.writeArrayFieldStart("Metrics");
            for (int i = from; i < to; i++) {
                g.writeStartObject();
                g.writeStringField("Namespace", NAMES.namespace());
                g.writeStringField("MetricName", metric != null ? metric : metrics.get(i % per));
                g.writeArrayFieldStart("Dimensions");
                g.writeStartObject();
                g.writeStringField("Name", NAMES.dimension());
                g.writeStringField("Value", things.get(i / per).name());
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            if (to < total) {
                g.writeStringField("NextToken", String.valueOf(to));
            }
        });
    }

    private byte[] getMetricData(Map<String, Object> r) throws IOException {
        List<?> queries = (List<?>) r.getOrDefault("MetricDataQueries", List.of());
        if (queries.size() > MAX_QUERIES) {
            throw new IllegalArgumentException("The collection MetricDataQueries must not have a size greater than "
                    + MAX_QUERIES + ".");
        }
        long start = ((Number) r.get("StartTime")).longValue();
        long end = ((Number) r.get("EndTime")).longValue();
        int from = r.get("NextToken") == null ? 0 : Integer.parseInt((String) r.get("NextToken"));
        return write(g -> {
            int points = 0;
            int next = -1;
            g.writeArrayFieldStart("MetricDataResults");
            for (int i = from; i < queries.size(); i++) {
                Map<?, ?> q = (Map<?, ?>) queries.get(i);
                Map<?, ?> stat = (Map<?, ?>) q.get("MetricStat");
                Map<?, ?> metric = (Map<?, ?>) stat.get("Metric");
                long period = ((Number) stat.get("Period")).longValue();
                if (metricThing(metric) != null) {
                    asked.add((String) metricThing(metric));
                }
                List<Long> times = times(thing(metric), start, end, period);
                if (points + times.size() > MAX_POINTS) {
                    next = i;
                    break;
                }
                points += times.size();
                String name = (String) metric.get("MetricName");
                g.writeStartObject();
                g.writeStringField("Id", (String) q.get("Id"));
                g.writeStringField("Label", name);
                g.writeArrayFieldStart("Timestamps");
                for (long t : times) {
                    g.writeTag(1);
                    g.writeNumber(t);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("Values");
                for (long t : times) {
                    g.writeNumber(value(name, (String) metricThing(metric), t));
                }
                g.writeEndArray();
                g.writeStringField("StatusCode", "Complete");
                g.writeEndObject();
            }
            g.writeEndArray();
            if (next >= 0) {
                g.writeStringField("NextToken", String.valueOf(next));
            }
        });
    }

    private static Object metricThing(Map<?, ?> metric) {
        for (Object d : (List<?>) metric.get("Dimensions")) {
            Map<?, ?> dim = (Map<?, ?>) d;
            if ("CameraId".equals(dim.get("Name"))) {
                return dim.get("Value");
            }
        }
        return null;
    }

    private FakeFleet.Thing thing(Map<?, ?> metric) {
        if (!NAMES.namespace().equals(metric.get("Namespace")) || !metrics.contains(metric.get("MetricName"))) {
            return null;
        }
        Object name = metricThing(metric);
        return name == null ? null : byName.get(name);
    }

    /** The period starts with data, newest first: every whole period up to the thing's last report. */
    private static List<Long> times(FakeFleet.Thing thing, long start, long end, long period) {
        List<Long> out = new ArrayList<>();
        if (thing == null) {
            return out;
        }
        long last = Math.min(end, thing.connected() ? end : thing.since() / 1000);
        for (long t = last / period * period - period; t >= start; t -= period) {
            out.add(t);
        }
        return out;
    }

    private static double value(String metric, String thing, long time) {
        int h = Math.floorMod(thing.hashCode(), 1000);
        if (metric.equals(NAMES.heartbeat())) {
            return time / 60 % 4 == 0 ? 2 : 1; // a beat every 45 s: one or two a minute
        }
        if (metric.equals(NAMES.frames())) {
            return 1500 + h % 100;
        }
        return metric.equals(NAMES.diskUsed()) ? 20 + h % 70 : 35 + h % 25;
    }

    /**
     * The thing's classic shadow as the fleet index holds it, with the values it reports here: {@code
     * framesCaptured}, {@code diskUsedPercent}, {@code temperatureC}, each with the time of its last report (now
     * for a connected thing, when it went silent for the others).
     */
    static com.fasterxml.jackson.databind.node.ObjectNode shadow(FakeFleet.Thing thing) {
        var json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        long at = (thing.connected() ? System.currentTimeMillis() : thing.since()) / 1000;
        var out = json.objectNode();
        var reported = out.putObject("reported");
        var times = out.putObject("metadata").putObject("reported");
        String[][] fields = {{ShadowTelemetry.FRAMES, NAMES.frames()}, {ShadowTelemetry.DISK, NAMES.diskUsed()},
            {ShadowTelemetry.TEMPERATURE, NAMES.temperature()}};
        for (String[] f : fields) {
            reported.put(f[0], value(f[1], thing.name(), at));
            times.putObject(f[0]).put("timestamp", at);
        }
        return out.put("version", 1).put("hasDelta", false);
    }

    /** A CloudWatch error body: {@code __type} is the code the SDK reads. */
    static byte[] error(String code, String message) throws IOException {
        return write(g -> {
            g.writeStringField("__type", code);
            g.writeStringField("message", message);
        });
    }

    private interface Body {
        void write(CBORGenerator g) throws IOException;
    }

    private static byte[] write(Body body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator g = CBOR.createGenerator(out)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(InputStream in) throws IOException {
        try (JsonParser p = CBOR.createParser(in)) {
            return p.nextToken() == null ? Map.of() : (Map<String, Object>) value(p);
        }
    }

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    String key = p.currentName();
                    p.nextToken();
                    m.put(key, value(p));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(value(p));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return p.getNumberValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return p.getBooleanValue();
            }
            default -> {
                return null;
            }
        }
    }
}
