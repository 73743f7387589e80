package io.camfleet.console.service.map;

import io.camfleet.console.domain.map.WebMercator;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.fleet.FleetFilter;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.SiteSummary;

import java.util.Arrays;
import java.util.List;

/**
 * Renders a region of the fleet map, for a chosen subset of the fleet, to a PNG of a given size, off screen: the
 * coverage maps of sales reports, or {@code camfleet map snapshot}. Same painter as the screen, offline basemap only.
 *
 * <p>A business region shows the sites of that region (by their region code), a box the sites inside it, the world
 * all of them; the frame is the region's box, grown where needed so that every site shown is drawn whole, clear of
 * the legend. The legend counts exactly the sites drawn.
 */
public final class MapSnapshotService {

    public static final int MIN_SIZE = 100;
    public static final int MAX_SIZE = 8000;

    private final BasemapSource basemaps;
    private final MapRasterizer rasterizer;

    public MapSnapshotService(BasemapSource basemaps, MapRasterizer rasterizer) {
        this.basemaps = basemaps;
        this.rasterizer = rasterizer;
    }

    /**
     * A rendered map: the PNG bytes, the part of the world it shows, and how many sites it draws per health state
     * (by ordinal), as its legend says.
     */
    public record Rendered(byte[] png, MapView view, int[] counts) {
        public int sites() {
            return Arrays.stream(counts).sum();
        }
    }

    /** Sizes from 100 to 8,000 pixels a side. */
    public Rendered render(FleetSnapshot fleet, FleetFilter filter, MapRegion region, int width, int height,
                           boolean dark) {
        if (width < MIN_SIZE || width > MAX_SIZE || height < MIN_SIZE || height > MAX_SIZE) {
            throw Problem.badInput("problem.mapSize", width, height, MIN_SIZE, MAX_SIZE);
        }
        FleetMapIndex index = FleetMapIndex.build(fleet);
        index.update(fleet, sitesOf(fleet, filter.apply(fleet), region.regionCode()));
        double[] box = {WebMercator.x(region.west()), WebMercator.y(region.north()), WebMercator.x(region.east()),
                WebMercator.y(region.south())};
        if (region.regionCode() == null && !region.equals(MapRegion.WORLD)) {
            index.update(fleet, index.sitesIn(box[0], box[1], box[2], box[3]));
        }
        double[] sites = index.visibleBounds();
        if (sites != null) {
            box = new double[] {Math.min(box[0], sites[0]), Math.min(box[1], sites[1]), Math.max(box[2], sites[2]),
                    Math.max(box[3], sites[3])};
        }
        double pad = Math.ceil(MapPainter.maxFootprint());
        MapView view = new MapView(0.5, 0.5, 1, width, height).fitted(box[0], box[1], box[2], box[3],
                new MapView.Margins(pad, pad, pad + MapPainter.LEGEND_HEIGHT + MapPainter.LEGEND_INSET, pad),
                MapView.MAX_ZOOM);
        List<MapItem> items = index.query(view, MapPainter.CLUSTER_CELL_PX);
        Basemap basemap = basemaps.load(Basemap.Detail.forZoom(view.zoom()));
        MapPainter painter = new MapPainter(MapStyle.of(dark));
        int[] counts = index.visibleCounts();
        byte[] png = rasterizer.png(width, height, canvas -> {
            painter.paintBasemap(canvas, basemap, view);
            painter.paintItems(canvas, items, -1);
            painter.paintLegend(canvas, counts, "© " + basemap.attribution());
        });
        return new Rendered(png, view, counts);
    }

    /** The sites among {@code indexes} whose region code is {@code code}; all of them when the code is null. */
    private static int[] sitesOf(FleetSnapshot fleet, int[] indexes, String code) {
        if (code == null) {
            return indexes;
        }
        List<SiteSummary> all = fleet.sites();
        return Arrays.stream(indexes).filter(i -> code.equalsIgnoreCase(all.get(i).site().region())).toArray();
    }
}
