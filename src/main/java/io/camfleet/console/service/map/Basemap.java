package io.camfleet.console.service.map;

import java.util.List;

/**
 * Land and borders to draw under the fleet, already in world units (see {@link io.camfleet.console.domain.map.WebMercator}).
 *
 * @param land  land polygons, each made of rings (outer rings and holes), filled even-odd
 * @param lines country borders and coastlines, each line once
 */
public record Basemap(List<Polygon> land, List<Line> lines, String attribution) {

    public Basemap {
        land = List.copyOf(land);
        lines = List.copyOf(lines);
    }

    /** Points as x0, y0, x1, y1, ...; with its bounds, for skipping what is off screen. */
    public record Line(double[] xy, double minX, double minY, double maxX, double maxY) {

        public static Line of(double[] xy) {
            double minX = Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (int i = 0; i < xy.length; i += 2) {
                minX = Math.min(minX, xy[i]);
                maxX = Math.max(maxX, xy[i]);
                minY = Math.min(minY, xy[i + 1]);
                maxY = Math.max(maxY, xy[i + 1]);
            }
            return new Line(xy, minX, minY, maxX, maxY);
        }

        public int points() {
            return xy.length / 2;
        }
    }

    /** Rings of one polygon: the first is the outline, the others holes. */
    public record Polygon(List<Line> rings, double minX, double minY, double maxX, double maxY) {

        public static Polygon of(List<Line> rings) {
            double minX = Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (Line r : rings) {
                minX = Math.min(minX, r.minX());
                minY = Math.min(minY, r.minY());
                maxX = Math.max(maxX, r.maxX());
                maxY = Math.max(maxY, r.maxY());
            }
            return new Polygon(List.copyOf(rings), minX, minY, maxX, maxY);
        }
    }

    /** How much detail: 1:110m for the world, 1:50m for closer looks. */
    public enum Detail {
        COARSE,
        FINE;

        /** The detail worth drawing at a zoom. */
        public static Detail forZoom(double zoom) {
            return zoom < 3.5 ? COARSE : FINE;
        }
    }
}
