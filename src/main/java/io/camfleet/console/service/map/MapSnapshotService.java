package io.camfleet.console.service.map;

import io.camfleet.console.domain.fleet.HealthState;
import io.camfleet.console.service.fleet.FleetFilter;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.common.Problem;

import java.util.List;

/**
 * Renders a region of the fleet map, for a chosen subset of the fleet, to a PNG of a given size, off screen: the
 * coverage maps of sales reports, or {@code camfleet map snapshot}. Same painter as the screen, offline basemap only.
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

    /** The PNG bytes. Sizes from 100 to 8,000 pixels a side. */
    public byte[] render(FleetSnapshot fleet, FleetFilter filter, MapRegion region, int width, int height,
                         boolean dark) {
        if (width < MIN_SIZE || width > MAX_SIZE || height < MIN_SIZE || height > MAX_SIZE) {
            throw Problem.badInput("problem.mapSize", width, height, MIN_SIZE, MAX_SIZE);
        }
        MapView view = new MapView(0.5, 0.5, 1, width, height)
                .fittedToGeo(region.west(), region.south(), region.east(), region.north(), 8);
        FleetMapIndex index = FleetMapIndex.build(fleet);
        index.update(fleet, filter.apply(fleet));
        List<MapItem> items = index.query(view, MapPainter.CLUSTER_CELL_PX);
        Basemap basemap = basemaps.load(Basemap.Detail.forZoom(view.zoom()));
        MapPainter painter = new MapPainter(MapStyle.of(dark));
        int[] counts = new int[HealthState.count()];
        items.forEach(i -> {
            for (int s = 0; s < counts.length; s++) {
                counts[s] += i.counts()[s];
            }
        });
        return rasterizer.png(width, height, canvas -> {
            painter.paintBasemap(canvas, basemap, view);
            painter.paintItems(canvas, items, -1);
            painter.paintLegend(canvas, counts, "© " + basemap.attribution());
        });
    }
}
