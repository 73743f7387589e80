package io.camfleet.console.service.map;

import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.map.WebMercator;
import io.camfleet.console.service.fleet.FleetInventory;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.SiteSummary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The spatial index behind the fleet map: every placed site sorted along a Z-order (Morton) curve, so that any cell of
 * a quadtree over the world is one contiguous run of sites. Prefix sums over that order, per health state and over
 * the coordinates of the sites that pass the filter, then give a cell's counts, worst state and centre of mass in
 * constant time. Clusters are the cells of the level whose size on screen is closest to the cluster size: they depend
 * only on the zoom, never on where the map is panned, so they stay put while it moves. Two cells' clusters can still
 * land close together across a cell border; {@link #separated} folds the smaller into the larger so that nothing
 * drawn hides another, looking only a few cells around, so that too is the same wherever the map is panned.
 *
 * <p>The geometry is built once per inventory; health and filter changes only refresh the prefix sums, which is what
 * makes a live update cheap. Not thread-safe: one thread builds, updates and queries it (the UI's).
 */
public final class FleetMapIndex {

    /** Bits per axis of the Morton code: cells down to about 2.4 m at the equator. */
    static final int BITS = 24;
    private static final int STATES = HealthState.count();

    private final FleetInventory inventory;
    private final long[] codes;
    private final int[] siteAt;
    private final int[] positionOf;
    private final double[] xs;
    private final double[] ys;
    private final int[] unplaced;

    private final byte[] state;
    private final boolean[] visible;
    private final int[] prefixVisible;
    private final int[][] prefixState;
    private final double[] prefixX;
    private final double[] prefixY;
    private final boolean[] selected;
    private final int[] prefixSelected;

    private FleetMapIndex(FleetInventory inventory, long[] codes, int[] siteAt, double[] xs, double[] ys,
                          int[] unplaced) {
        this.inventory = inventory;
        this.codes = codes;
        this.siteAt = siteAt;
        this.xs = xs;
        this.ys = ys;
        this.unplaced = unplaced;
        int n = codes.length;
        this.positionOf = new int[inventory.siteCount()];
        Arrays.fill(positionOf, -1);
        for (int p = 0; p < n; p++) {
            positionOf[siteAt[p]] = p;
        }
        this.state = new byte[n];
        this.visible = new boolean[n];
        this.prefixVisible = new int[n + 1];
        this.prefixState = new int[STATES][n + 1];
        this.prefixX = new double[n + 1];
        this.prefixY = new double[n + 1];
        this.selected = new boolean[n];
        this.prefixSelected = new int[n + 1];
    }

    /** Builds the index over the snapshot's sites, all visible. */
    public static FleetMapIndex build(FleetSnapshot snapshot) {
        FleetInventory inv = snapshot.inventory();
        List<Site> placed = new ArrayList<>();
        int total = inv.siteCount();
        int[] keyed = new int[total];
        int n = 0;
        int[] unplacedTmp = new int[total];
        int u = 0;
        for (int i = 0; i < total; i++) {
            Site s = inv.profiles().get(i).site();
            if (!s.isPlaced()) {
                unplacedTmp[u++] = i;
                continue;
            }
            placed.add(s);
            keyed[n++] = i;
        }
        // Sort site indexes by Morton code.
        long[] codeOf = new long[n];
        Integer[] order = new Integer[n];
        double[] wx = new double[n];
        double[] wy = new double[n];
        for (int k = 0; k < n; k++) {
            Site s = placed.get(k);
            wx[k] = WebMercator.x(s.longitude());
            wy[k] = WebMercator.y(s.latitude());
            codeOf[k] = morton(cell(wx[k]), cell(wy[k]));
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Long.compare(codeOf[a], codeOf[b]));
        long[] codes = new long[n];
        int[] siteAt = new int[n];
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int p = 0; p < n; p++) {
            int k = order[p];
            codes[p] = codeOf[k];
            siteAt[p] = keyed[k];
            xs[p] = wx[k];
            ys[p] = wy[k];
        }
        FleetMapIndex index = new FleetMapIndex(inv, codes, siteAt, xs, ys, Arrays.copyOf(unplacedTmp, u));
        int[] all = new int[total];
        for (int i = 0; i < total; i++) {
            all[i] = i;
        }
        index.update(snapshot, all);
        return index;
    }

    /** Whether this index was built for the snapshot's inventory (otherwise build a new one). */
    public boolean fits(FleetSnapshot snapshot) {
        return snapshot.inventory() == inventory;
    }

    /**
     * Takes the snapshot's health and the sites that pass the filter (indexes into {@code snapshot.sites()}); a pass
     * over the sites, no rebuild.
     */
    public void update(FleetSnapshot snapshot, int[] visibleSiteIndexes) {
        if (!fits(snapshot)) {
            throw new IllegalArgumentException("the snapshot's inventory is not the one this index was built for");
        }
        List<SiteSummary> sites = snapshot.sites();
        Arrays.fill(visible, false);
        for (int siteIndex : visibleSiteIndexes) {
            int p = positionOf[siteIndex];
            if (p >= 0) {
                visible[p] = true;
            }
        }
        int n = codes.length;
        for (int p = 0; p < n; p++) {
            state[p] = (byte) sites.get(siteAt[p]).health().state().ordinal();
        }
        for (int p = 0; p < n; p++) {
            boolean v = visible[p];
            prefixVisible[p + 1] = prefixVisible[p] + (v ? 1 : 0);
            prefixX[p + 1] = prefixX[p] + (v ? xs[p] : 0);
            prefixY[p + 1] = prefixY[p] + (v ? ys[p] : 0);
            for (int s = 0; s < STATES; s++) {
                prefixState[s][p + 1] = prefixState[s][p] + (v && state[p] == s ? 1 : 0);
            }
            prefixSelected[p + 1] = prefixSelected[p] + (v && selected[p] ? 1 : 0);
        }
    }

    /** Marks the selected sites (snapshot indexes), so that a cluster can show it holds some. */
    public void select(java.util.Collection<Integer> siteIndexes) {
        Arrays.fill(selected, false);
        for (int siteIndex : siteIndexes) {
            int p = siteIndex >= 0 && siteIndex < positionOf.length ? positionOf[siteIndex] : -1;
            if (p >= 0) {
                selected[p] = true;
            }
        }
        for (int p = 0; p < codes.length; p++) {
            prefixSelected[p + 1] = prefixSelected[p] + (selected[p] && visible[p] ? 1 : 0);
        }
    }

    /** The quadtree level whose cells are about {@code cellPx} pixels wide in {@code view}. */
    static int level(MapView view, double cellPx) {
        double cells = view.scale() / cellPx;
        int l = (int) Math.floor(Math.log(Math.max(1, cells)) / Math.log(2));
        return Math.max(0, Math.min(BITS, l));
    }

    /**
     * The clusters and single sites to draw in {@code view}: the sites that pass the filter, grouped into cells about
     * {@code cellPx} pixels wide. Their counts add up to the visible sites in view.
     */
    public List<MapItem> query(MapView view, double cellPx) {
        int level = level(view, cellPx);
        int cellsPerAxis = 1 << level;
        double margin = (double) MERGE_MARGIN_CELLS / cellsPerAxis;
        int cx0 = clampCell(view.minWorldX() - margin, cellsPerAxis);
        int cx1 = clampCell(view.maxWorldX() + margin, cellsPerAxis);
        int cy0 = clampCell(view.minWorldY() - margin, cellsPerAxis);
        int cy1 = clampCell(view.maxWorldY() + margin, cellsPerAxis);
        int shift = 2 * (BITS - level);
        List<MapItem> out = new ArrayList<>();
        for (int cy = cy0; cy <= cy1; cy++) {
            for (int cx = cx0; cx <= cx1; cx++) {
                long prefix = morton(cx, cy);
                int from = lowerBound(prefix << shift);
                int to = lowerBound((prefix + 1) << shift);
                int count = prefixVisible[to] - prefixVisible[from];
                if (count == 0) {
                    continue;
                }
                int[] counts = new int[STATES];
                HealthState worst = null;
                for (int s = 0; s < STATES; s++) {
                    counts[s] = prefixState[s][to] - prefixState[s][from];
                    if (worst == null && counts[s] > 0) {
                        worst = HealthState.ofOrdinal(s);
                    }
                }
                double wx = (prefixX[to] - prefixX[from]) / count;
                double wy = (prefixY[to] - prefixY[from]) / count;
                int site = count == 1 ? siteAt[firstVisible(from)] : -1;
                long key = ((long) level << 56) | prefix;
                int picked = prefixSelected[to] - prefixSelected[from];
                out.add(new MapItem(view.screenX(wx), view.screenY(wy), site, count, counts, worst, key, picked));
            }
        }
        return separated(out, cellPx, view);
    }

    /**
     * Cells queried beyond each edge of the view. Whether an item is folded into a neighbour depends on items up to
     * three cells away (its neighbours, whether they are folded themselves, and theirs); with four cells of margin,
     * what shows on screen does not depend on where the view's edges are.
     */
    private static final int MERGE_MARGIN_CELLS = 4;
    /** Pixels kept between two things drawn side by side. */
    private static final double GAP_PX = 3;

    /**
     * Folds items that would overlap on screen into their largest neighbour. An item is kept ("a root") when no larger
     * one is too close; any other item goes into the largest root too close to it, or stays as it is when every
     * larger neighbour went elsewhere (then nothing it overlapped is drawn). Each decision looks at most two
     * neighbours away, and items are at least a cell ({@code >= cellPx}) apart from anything they could overlap,
     * so a screen grid of {@code cellPx} buckets finds the candidates. Items entirely off screen are dropped.
     */
    static List<MapItem> separated(List<MapItem> items, double cellPx, MapView view) {
        int n = items.size();
        java.util.Map<Long, List<Integer>> buckets = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            buckets.computeIfAbsent(bucket(items.get(i), cellPx, 0, 0), k -> new ArrayList<>()).add(i);
        }
        boolean[] root = new boolean[n];
        for (int i = 0; i < n; i++) {
            root[i] = true;
            for (int j : near(items, i, buckets, cellPx)) {
                if (larger(items.get(j), items.get(i))) {
                    root[i] = false;
                    break;
                }
            }
        }
        int[] into = new int[n];
        for (int i = 0; i < n; i++) {
            into[i] = i;
            if (!root[i]) {
                for (int j : near(items, i, buckets, cellPx)) {
                    if (root[j] && (into[i] == i || larger(items.get(j), items.get(into[i])))) {
                        into[i] = j;
                    }
                }
            }
        }
        List<MapItem> out = new ArrayList<>(n);
        double pad = cellPx;
        for (int i = 0; i < n; i++) {
            if (into[i] != i) {
                continue;
            }
            MapItem it = items.get(i);
            if (root[i]) {
                for (int j = 0; j < n; j++) {
                    if (j != i && into[j] == i) {
                        it = fold(it, items.get(j));
                    }
                }
            }
            if (it.x() >= -pad && it.x() <= view.width() + pad && it.y() >= -pad && it.y() <= view.height() + pad) {
                out.add(it);
            }
        }
        return out;
    }

    private static List<Integer> near(List<MapItem> items, int i, java.util.Map<Long, List<Integer>> buckets,
                                      double cellPx) {
        MapItem a = items.get(i);
        List<Integer> out = new ArrayList<>(4);
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                for (int j : buckets.getOrDefault(bucket(a, cellPx, dx, dy), List.of())) {
                    MapItem b = items.get(j);
                    double reach = MapPainter.footprint(a) + MapPainter.footprint(b) + GAP_PX;
                    if (j != i && Math.hypot(a.x() - b.x(), a.y() - b.y()) < reach) {
                        out.add(j);
                    }
                }
            }
        }
        return out;
    }

    private static long bucket(MapItem item, double cellPx, int dx, int dy) {
        long bx = (long) Math.floor(item.x() / cellPx) + dx;
        long by = (long) Math.floor(item.y() / cellPx) + dy;
        return (bx << 32) ^ (by & 0xFFFFFFFFL);
    }

    /** More sites, or as many and the lower key: a strict order, so two neighbours never both win. */
    private static boolean larger(MapItem a, MapItem b) {
        return a.count() > b.count() || a.count() == b.count() && a.key() < b.key();
    }

    private static MapItem fold(MapItem into, MapItem other) {
        int[] counts = into.counts().clone();
        for (int s = 0; s < counts.length; s++) {
            counts[s] += other.counts()[s];
        }
        HealthState worst = into.worst().isWorseThan(other.worst()) ? into.worst() : other.worst();
        return new MapItem(into.x(), into.y(), -1, into.count() + other.count(), counts, worst, into.key(),
                into.selected() + other.selected());
    }

    /** Visible sites inside a world box, as snapshot indexes: what a box selection picks. */
    public int[] sitesIn(double minX, double minY, double maxX, double maxY) {
        int[] out = new int[codes.length];
        int n = 0;
        for (int p = 0; p < codes.length; p++) {
            if (visible[p] && xs[p] >= minX && xs[p] <= maxX && ys[p] >= minY && ys[p] <= maxY) {
                out[n++] = siteAt[p];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** World position of a placed site, or null. */
    public double[] worldPosition(int siteIndex) {
        int p = siteIndex < positionOf.length ? positionOf[siteIndex] : -1;
        return p < 0 ? null : new double[] {xs[p], ys[p]};
    }

    /** Sites without usable coordinates (missing, out of range, or 0/0), as snapshot indexes. */
    public int[] unplacedSites() {
        return unplaced.clone();
    }

    /** Placed sites, and the bounds of those passing the filter: {minX, minY, maxX, maxY}, or null if none. */
    public double[] visibleBounds() {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        boolean any = false;
        for (int p = 0; p < codes.length; p++) {
            if (visible[p]) {
                any = true;
                minX = Math.min(minX, xs[p]);
                maxX = Math.max(maxX, xs[p]);
                minY = Math.min(minY, ys[p]);
                maxY = Math.max(maxY, ys[p]);
            }
        }
        return any ? new double[] {minX, minY, maxX, maxY} : null;
    }

    public int placedCount() {
        return codes.length;
    }

    public int visibleCount() {
        return prefixVisible[codes.length];
    }

    /** Visible placed sites per health state, by ordinal. */
    public int[] visibleCounts() {
        int[] out = new int[STATES];
        for (int s = 0; s < STATES; s++) {
            out[s] = prefixState[s][codes.length];
        }
        return out;
    }

    private int firstVisible(int from) {
        // The first position p >= from where the visible prefix steps up.
        int lo = from;
        int hi = codes.length - 1;
        int target = prefixVisible[from] + 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (prefixVisible[mid + 1] >= target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private int lowerBound(long code) {
        int lo = 0;
        int hi = codes.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(codes[mid], code) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int clampCell(double world, int cellsPerAxis) {
        int c = (int) Math.floor(world * cellsPerAxis);
        return Math.max(0, Math.min(cellsPerAxis - 1, c));
    }

    private static int cell(double world) {
        int max = (1 << BITS) - 1;
        return Math.max(0, Math.min(max, (int) (world * (1 << BITS))));
    }

    /** Interleaves the bits of x and y: x in the even bits, y in the odd ones. */
    static long morton(long x, long y) {
        return spread(x) | (spread(y) << 1);
    }

    private static long spread(long v) {
        v &= 0xFFFFFFFFL;
        v = (v | (v << 16)) & 0x0000FFFF0000FFFFL;
        v = (v | (v << 8)) & 0x00FF00FF00FF00FFL;
        v = (v | (v << 4)) & 0x0F0F0F0F0F0F0F0FL;
        v = (v | (v << 2)) & 0x3333333333333333L;
        v = (v | (v << 1)) & 0x5555555555555555L;
        return v;
    }
}
