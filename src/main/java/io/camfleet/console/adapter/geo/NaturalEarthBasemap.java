package io.camfleet.console.adapter.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camfleet.console.domain.map.WebMercator;
import io.camfleet.console.service.map.Basemap;
import io.camfleet.console.service.map.BasemapSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The offline basemap: Natural Earth land and countries at 1:110m and 1:50m, as TopoJSON from the {@code world-atlas}
 * package (ISC licence; the Natural Earth data is public domain), bundled with the console. Decoded once per level of
 * detail and kept.
 */
public final class NaturalEarthBasemap implements BasemapSource {

    public static final String ATTRIBUTION = "Natural Earth";

    private final ObjectMapper json = new ObjectMapper();
    private final Map<Basemap.Detail, Basemap> loaded = new EnumMap<>(Basemap.Detail.class);

    @Override
    public synchronized Basemap load(Basemap.Detail detail) {
        return loaded.computeIfAbsent(detail, d -> decode(d == Basemap.Detail.COARSE
                ? "countries-110m.json" : "countries-50m.json"));
    }

    private Basemap decode(String resource) {
        try (InputStream in = NaturalEarthBasemap.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            return decode(json.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes a TopoJSON topology with a "land" and a "countries" object. */
    static Basemap decode(JsonNode topology) {
        double[][] arcs = arcs(topology);
        List<Basemap.Polygon> land = new ArrayList<>();
        for (JsonNode geometry : topology.path("objects").path("land").path("geometries")) {
            polygons(geometry, arcs, land);
        }
        // Each arc of the countries once: shared borders are drawn once, coastlines too.
        BitSet used = new BitSet(arcs.length);
        for (JsonNode geometry : topology.path("objects").path("countries").path("geometries")) {
            markArcs(geometry.path("arcs"), used);
        }
        List<Basemap.Line> lines = new ArrayList<>();
        for (int i = used.nextSetBit(0); i >= 0; i = used.nextSetBit(i + 1)) {
            for (double[] piece : splitAtAntimeridian(arcs[i])) {
                if (piece.length >= 4) {
                    lines.add(Basemap.Line.of(piece));
                }
            }
        }
        return new Basemap(land, lines, ATTRIBUTION);
    }

    /** Every arc in world units: quantized, delta-encoded positions decoded with the topology's transform. */
    private static double[][] arcs(JsonNode topology) {
        JsonNode transform = topology.path("transform");
        double sx = transform.path("scale").path(0).asDouble(1);
        double sy = transform.path("scale").path(1).asDouble(1);
        double tx = transform.path("translate").path(0).asDouble(0);
        double ty = transform.path("translate").path(1).asDouble(0);
        boolean quantized = transform.isObject();
        JsonNode arcs = topology.path("arcs");
        double[][] out = new double[arcs.size()][];
        for (int a = 0; a < arcs.size(); a++) {
            JsonNode arc = arcs.get(a);
            double[] xy = new double[arc.size() * 2];
            long x = 0;
            long y = 0;
            for (int p = 0; p < arc.size(); p++) {
                JsonNode pos = arc.get(p);
                double lon;
                double lat;
                if (quantized) {
                    x += pos.get(0).asLong();
                    y += pos.get(1).asLong();
                    lon = x * sx + tx;
                    lat = y * sy + ty;
                } else {
                    lon = pos.get(0).asDouble();
                    lat = pos.get(1).asDouble();
                }
                xy[2 * p] = WebMercator.x(lon);
                xy[2 * p + 1] = WebMercator.y(lat);
            }
            out[a] = xy;
        }
        return out;
    }

    private static void polygons(JsonNode geometry, double[][] arcs, List<Basemap.Polygon> out) {
        String type = geometry.path("type").asText();
        if ("Polygon".equals(type)) {
            addPolygon(geometry.path("arcs"), arcs, out);
        } else if ("MultiPolygon".equals(type)) {
            for (JsonNode p : geometry.path("arcs")) {
                addPolygon(p, arcs, out);
            }
        } else if ("GeometryCollection".equals(type)) {
            for (JsonNode g : geometry.path("geometries")) {
                polygons(g, arcs, out);
            }
        }
    }

    /**
     * Adds a polygon. One that crosses the antimeridian is made continuous (x may leave [0, 1]) and added a second
     * time shifted by a whole world, so that both of its sides show; one around a pole (Antarctica) is closed along
     * the map's edge.
     */
    private static void addPolygon(JsonNode rings, double[][] arcs, List<Basemap.Polygon> out) {
        List<Basemap.Line> unwrapped = new ArrayList<>(rings.size());
        boolean crosses = false;
        for (JsonNode ring : rings) {
            double[] xy = unwrap(ring(ring, arcs));
            crosses |= xy.length > 0 && (min(xy) < -1e-6 || max(xy) > 1 + 1e-6);
            unwrapped.add(Basemap.Line.of(xy));
        }
        out.add(Basemap.Polygon.of(unwrapped));
        if (crosses) {
            double shift = unwrapped.get(0).maxX() > 1 ? -1 : 1;
            List<Basemap.Line> copy = new ArrayList<>(unwrapped.size());
            for (Basemap.Line l : unwrapped) {
                double[] xy = l.xy().clone();
                for (int i = 0; i < xy.length; i += 2) {
                    xy[i] += shift;
                }
                copy.add(Basemap.Line.of(xy));
            }
            out.add(Basemap.Polygon.of(copy));
        }
    }

    /**
     * Removes jumps across the antimeridian from a ring by shifting the points after a jump a whole world over. A
     * ring that goes once around a pole ends a world away from where it began: it is closed through the map's top
     * or bottom edge.
     */
    static double[] unwrap(double[] xy) {
        double[] out = xy.clone();
        double offset = 0;
        for (int i = 2; i < out.length; i += 2) {
            double dx = xy[i] - xy[i - 2];
            if (dx > 0.5) {
                offset -= 1;
            } else if (dx < -0.5) {
                offset += 1;
            }
            out[i] = xy[i] + offset;
        }
        if (Math.abs(offset) < 0.5) {
            return out;
        }
        // Around a pole: run along the edge of the world nearest to the ring, and back.
        double edge = 0;
        for (int i = 1; i < out.length; i += 2) {
            edge += out[i];
        }
        edge = edge / (out.length / 2.0) > 0.5 ? 1 : 0;
        double[] closed = java.util.Arrays.copyOf(out, out.length + 6);
        closed[out.length] = out[out.length - 2];
        closed[out.length + 1] = edge;
        closed[out.length + 2] = out[0];
        closed[out.length + 3] = edge;
        closed[out.length + 4] = out[0];
        closed[out.length + 5] = out[1];
        return closed;
    }

    /** A line cut where it jumps across the antimeridian, so that no stroke runs across the whole map. */
    static List<double[]> splitAtAntimeridian(double[] xy) {
        List<double[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 2; i < xy.length; i += 2) {
            if (Math.abs(xy[i] - xy[i - 2]) > 0.5) {
                out.add(java.util.Arrays.copyOfRange(xy, start, i));
                start = i;
            }
        }
        out.add(java.util.Arrays.copyOfRange(xy, start, xy.length));
        return out;
    }

    private static double min(double[] xy) {
        double m = Double.MAX_VALUE;
        for (int i = 0; i < xy.length; i += 2) {
            m = Math.min(m, xy[i]);
        }
        return m;
    }

    private static double max(double[] xy) {
        double m = -Double.MAX_VALUE;
        for (int i = 0; i < xy.length; i += 2) {
            m = Math.max(m, xy[i]);
        }
        return m;
    }

    /** Joins a ring's arcs; a negative index ~i means arc i backwards. Joined arcs share their end point. */
    static double[] ring(JsonNode arcIndexes, double[][] arcs) {
        int total = 0;
        for (JsonNode a : arcIndexes) {
            total += arcs[arcIndex(a.asInt())].length / 2;
        }
        double[] xy = new double[total * 2];
        int n = 0;
        boolean first = true;
        for (JsonNode a : arcIndexes) {
            int i = a.asInt();
            double[] arc = arcs[arcIndex(i)];
            int points = arc.length / 2;
            for (int k = first ? 0 : 1; k < points; k++) {
                int p = i >= 0 ? k : points - 1 - k;
                xy[n++] = arc[2 * p];
                xy[n++] = arc[2 * p + 1];
            }
            first = false;
        }
        return java.util.Arrays.copyOf(xy, n);
    }

    private static int arcIndex(int i) {
        return i >= 0 ? i : ~i;
    }

    private static void markArcs(JsonNode node, BitSet used) {
        if (node.isInt()) {
            used.set(arcIndex(node.asInt()));
        } else {
            for (JsonNode child : node) {
                markArcs(child, used);
            }
        }
    }
}
