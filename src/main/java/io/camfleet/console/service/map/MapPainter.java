package io.camfleet.console.service.map;

import io.camfleet.console.domain.fleet.HealthState;

import java.util.List;

/**
 * Paints the map on any {@link MapCanvas}: the basemap, then clusters and sites. Markers carry a shape per health
 * state as well as a colour, so that colour is never the only cue: online ●, degraded ▲, offline ■ with a cross,
 * maintenance ◆, updating ⬢, unknown ○. A cluster is a disc with its count, ringed by the share of each state; one
 * with offline sites also gets an outer glow and, above its ring and clear of it, a badge with how many.
 */
public final class MapPainter {

    /** Cluster cells are about this wide on screen. */
    public static final double CLUSTER_CELL_PX = 90;
    private static final double MARKER = 7;
    private static final double MIN_SEGMENT_PX = 0.75;
    private static final double BADGE_HEIGHT = 16;
    /** Wider than a bold 11 px digit in the common sans fonts, so that the count never spills out of its badge. */
    private static final double BADGE_CHAR_PX = 8;
    /** Between the ring (grown by 2 under the pointer) and the badge. */
    private static final double BADGE_GAP = 3;
    /** The legend box of images: its size, so that a fitted view keeps the sites clear of it. */
    public static final double LEGEND_WIDTH = 190;
    public static final double LEGEND_HEIGHT = HealthState.all().length * 20 + 14;
    public static final double LEGEND_INSET = 12;

    private final MapStyle style;
    private double[] xs = new double[4096];
    private double[] ys = new double[4096];

    public MapPainter(MapStyle style) {
        this.style = style;
    }

    public MapStyle style() {
        return style;
    }

    /** Water, land, and borders for what {@code view} shows; shapes off screen are skipped. */
    public void paintBasemap(MapCanvas c, Basemap basemap, MapView view) {
        c.fillAll(style.water());
        double minX = view.minWorldX();
        double maxX = view.maxWorldX();
        double minY = view.minWorldY();
        double maxY = view.maxWorldY();
        for (Basemap.Polygon p : basemap.land()) {
            if (p.maxX() < minX || p.minX() > maxX || p.maxY() < minY || p.minY() > maxY) {
                continue;
            }
            List<Basemap.Line> rings = p.rings();
            double[][] rx = new double[rings.size()][];
            double[][] ry = new double[rings.size()][];
            int[] counts = new int[rings.size()];
            int used = 0;
            for (Basemap.Line ring : rings) {
                int n = project(ring.xy(), view);
                if (n >= 3) {
                    rx[used] = java.util.Arrays.copyOf(xs, n);
                    ry[used] = java.util.Arrays.copyOf(ys, n);
                    counts[used++] = n;
                }
            }
            if (used > 0) {
                c.fillRings(java.util.Arrays.copyOf(rx, used), java.util.Arrays.copyOf(ry, used),
                        java.util.Arrays.copyOf(counts, used), style.land());
            }
        }
        double width = view.zoom() < 2 ? 0.5 : view.zoom() < 5 ? 0.75 : 1.0;
        for (Basemap.Line line : basemap.lines()) {
            if (line.maxX() < minX || line.minX() > maxX || line.maxY() < minY || line.minY() > maxY) {
                continue;
            }
            int n = project(line.xy(), view);
            if (n >= 2) {
                c.strokePolyline(xs, ys, n, style.border(), width);
            }
        }
    }

    /** Projects points to pixels, dropping those closer than a pixel to the last kept one. */
    private int project(double[] xy, MapView view) {
        int points = xy.length / 2;
        if (xs.length < points) {
            xs = new double[points * 2];
            ys = new double[points * 2];
        }
        double scale = view.scale();
        double ox = view.width() / 2 - view.centerX() * scale;
        double oy = view.height() / 2 - view.centerY() * scale;
        int n = 0;
        for (int i = 0; i < points; i++) {
            double px = xy[2 * i] * scale + ox;
            double py = xy[2 * i + 1] * scale + oy;
            if (n > 0 && i < points - 1
                    && Math.abs(px - xs[n - 1]) < MIN_SEGMENT_PX && Math.abs(py - ys[n - 1]) < MIN_SEGMENT_PX) {
                continue;
            }
            xs[n] = px;
            ys[n] = py;
            n++;
        }
        return n;
    }

    /**
     * Clusters and sites; selected ones ringed. {@code highlighted} is the key of the item under the pointer, or -1.
     */
    public void paintItems(MapCanvas c, List<MapItem> items, long highlighted) {
        for (MapItem item : items) {
            if (item.isSite()) {
                paintSite(c, item, item.selected() > 0, item.key() == highlighted);
            } else {
                paintCluster(c, item, item.key() == highlighted);
            }
        }
    }

    /** How far from its centre an item reaches on screen, outline and offline badge included. */
    static double footprint(MapItem item) {
        if (item.isSite()) {
            return MARKER * 1.3 + 1.5;
        }
        double r = clusterRadius(item.count());
        int offline = item.count(HealthState.OFFLINE);
        return offline == 0 ? r + 2 : badgeReach(r, compact(offline));
    }

    /** The most any item reaches: the margin that keeps whatever is drawn inside a fitted view. */
    public static double maxFootprint() {
        return badgeReach(clusterRadius(Integer.MAX_VALUE), "9.9k");
    }

    /** The far corner of a badge above a cluster of radius r: the badge sits clear of the ring, not on it. */
    private static double badgeReach(double r, String count) {
        return Math.hypot(badgeWidth(count) / 2 + 1, r + BADGE_GAP + 2 + BADGE_HEIGHT + 1);
    }

    private static double badgeWidth(String count) {
        return BADGE_HEIGHT + 2 + BADGE_CHAR_PX * count.length() + 4;
    }

    public static double clusterRadius(int count) {
        return Math.min(26, 11 + 2.6 * Math.log(count) / Math.log(2));
    }

    private void paintCluster(MapCanvas c, MapItem item, boolean highlighted) {
        double x = item.x();
        double y = item.y();
        double r = clusterRadius(item.count()) + (highlighted ? 2 : 0);
        HealthState worst = item.worst();
        // Offline is what a NOC acts on first: it alone gets the glow and the badge; the ring shows the rest.
        boolean alarming = worst == HealthState.OFFLINE;
        if (alarming) {
            c.fillCircle(x, y, r + 5, withAlpha(HealthPalette.argb(worst), 0x55));
        }
        if (item.selected() > 0) {
            c.strokeCircle(x, y, r + (alarming ? 8 : 4), style.selection(), 2.5);
        }
        // The ring: pie slices per state, then the disc on top. Filled shapes draw much faster than stroked arcs.
        double start = 0;
        for (HealthState s : HealthState.all()) {
            int n = item.count(s);
            if (n == 0) {
                continue;
            }
            double extent = 360.0 * n / item.count();
            if (extent >= 359.99) {
                c.fillCircle(x, y, r, HealthPalette.argb(s));
            } else {
                c.fillPie(x, y, r, start, extent, HealthPalette.argb(s));
            }
            start += extent;
        }
        c.fillCircle(x, y, r - 5, style.clusterFill());
        c.text(compact(item.count()), x, y, r > 20 ? 13 : 11.5, true, style.text(),
                MapCanvas.Align.CENTER);
        if (alarming) {
            paintBadge(c, x, y - clusterRadius(item.count()) - BADGE_GAP - 2 - BADGE_HEIGHT / 2,
                    compact(item.count(worst)));
        }
    }

    /** How many sites are offline: a card centred at (x, y) above the ring, with the offline marker and the count. */
    private void paintBadge(MapCanvas c, double x, double y, String count) {
        double w = badgeWidth(count);
        double left = x - w / 2;
        c.fillRect(left, y - BADGE_HEIGHT / 2, w, BADGE_HEIGHT, style.clusterFill());
        c.strokeRect(left, y - BADGE_HEIGHT / 2, w, BADGE_HEIGHT, HealthPalette.argb(HealthState.OFFLINE), 1.5);
        marker(c, left + BADGE_HEIGHT / 2 + 1, y, HealthState.OFFLINE, 5);
        c.text(count, left + BADGE_HEIGHT + 2, y, 11, true, style.text(), MapCanvas.Align.LEFT);
    }

    private void paintSite(MapCanvas c, MapItem item, boolean selected, boolean highlighted) {
        double size = MARKER + (highlighted ? 2 : 0);
        if (selected) {
            c.strokeCircle(item.x(), item.y(), size + 5, style.selection(), 2.5);
        }
        marker(c, item.x(), item.y(), item.worst(), size);
    }

    /** A site's marker: the state's shape in its colour, outlined so it reads on land, water and tiles. */
    public void marker(MapCanvas c, double x, double y, HealthState state, double size) {
        int color = HealthPalette.argb(state);
        int halo = style.halo();
        switch (state) {
            case ONLINE -> {
                c.fillCircle(x, y, size + 1.5, halo);
                c.fillCircle(x, y, size, color);
            }
            case DEGRADED -> {
                double h = size * 1.25;
                polygon(c, new double[] {x, x + h, x - h}, new double[] {y - h, y + h * 0.8, y + h * 0.8}, color,
                        halo);
            }
            case OFFLINE -> {
                double h = size * 0.95;
                polygon(c, new double[] {x - h, x + h, x + h, x - h}, new double[] {y - h, y - h, y + h, y + h},
                        color, halo);
                double k = h * 0.5;
                c.strokeLine(x - k, y - k, x + k, y + k, 0xFFFFFFFF, 1.8);
                c.strokeLine(x - k, y + k, x + k, y - k, 0xFFFFFFFF, 1.8);
            }
            case MAINTENANCE -> {
                double h = size * 1.3;
                polygon(c, new double[] {x, x + h, x, x - h}, new double[] {y - h, y, y + h, y}, color, halo);
            }
            case UPDATING -> {
                double[] hx = new double[6];
                double[] hy = new double[6];
                for (int i = 0; i < 6; i++) {
                    double a = Math.PI / 3 * i + Math.PI / 6;
                    hx[i] = x + Math.cos(a) * size * 1.15;
                    hy[i] = y + Math.sin(a) * size * 1.15;
                }
                polygon(c, hx, hy, color, halo);
            }
            case UNKNOWN -> {
                c.fillCircle(x, y, size + 1.5, halo);
                c.strokeCircle(x, y, size - 1, color, 3);
            }
        }
    }

    private static void polygon(MapCanvas c, double[] px, double[] py, int fill, int halo) {
        c.strokePolygon(px, py, px.length, halo, 3);
        c.fillPolygon(px, py, px.length, fill);
    }

    /** An expanding ring around a site that just went offline; {@code phase} runs from 0 to 1 and repeats. */
    public void paintPulse(MapCanvas c, double x, double y, double phase) {
        double r = 8 + 26 * phase;
        int alpha = (int) (0xCC * (1 - phase));
        c.strokeCircle(x, y, r, withAlpha(HealthPalette.argb(HealthState.OFFLINE), alpha), 3);
    }

    /** A rectangle being dragged out to select the sites inside. */
    public void paintSelectionBox(MapCanvas c, double x, double y, double w, double h) {
        c.fillRect(x, y, w, h, withAlpha(style.selection(), 0x22));
        c.strokeRect(x, y, w, h, style.selection(), 1.5);
    }

    /**
     * A legend box in the bottom-left corner: each state's marker, name and count of sites; and the basemap's
     * attribution in the bottom-right. For images, where there is no overlay of controls.
     */
    public void paintLegend(MapCanvas c, int[] counts, String attribution) {
        HealthState[] states = HealthState.all();
        double row = 20;
        double w = LEGEND_WIDTH;
        double h = LEGEND_HEIGHT;
        double x = LEGEND_INSET;
        double y = c.height() - h - LEGEND_INSET;
        c.fillRect(x, y, w, h, withAlpha(style.clusterFill(), 0xE6));
        c.strokeRect(x, y, w, h, style.border(), 1);
        for (int i = 0; i < states.length; i++) {
            double cy = y + 7 + row * i + row / 2;
            marker(c, x + 16, cy, states[i], 5.5);
            String name = states[i].name().charAt(0) + states[i].name().substring(1).toLowerCase(java.util.Locale.ROOT);
            c.text(name, x + 32, cy, 12, false, style.text(), MapCanvas.Align.LEFT);
            c.text(String.format(java.util.Locale.ROOT, "%,d", counts[states[i].ordinal()]), x + w - 14, cy, 12, true,
                    style.text(), MapCanvas.Align.RIGHT);
        }
        c.text(attribution, c.width() - 8, c.height() - 10, 11, false, style.text(), MapCanvas.Align.RIGHT);
    }

    static int withAlpha(int argb, int alpha) {
        return (alpha & 0xFF) << 24 | (argb & 0xFFFFFF);
    }

    /** 1234 as "1.2k": counts on a cluster must fit in it. */
    static String compact(int n) {
        if (n < 1000) {
            return Integer.toString(n);
        }
        if (n < 9_950) {
            return String.format(java.util.Locale.ROOT, "%.1fk", n / 1000.0);
        }
        // Not "10.0k": one character wider than the badge room maxFootprint() keeps, and unlike 10,000's "10k".
        return Math.max(10, n / 1000) + "k";
    }
}
