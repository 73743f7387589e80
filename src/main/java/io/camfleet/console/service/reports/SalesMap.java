package io.camfleet.console.service.reports;

import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.service.fleet.FleetFilter;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.SiteSummary;
import io.camfleet.console.service.map.MapRegion;
import io.camfleet.console.service.map.MapSnapshotService;

import java.util.List;
import java.util.Set;

/** The coverage map of a proposal: the sites of the chosen regions, framed around them. */
final class SalesMap {

    static final int WIDTH = 1600;
    static final int HEIGHT = 900;

    private SalesMap() {
    }

    /** @param regions the fleet's own region codes, or none for the whole fleet */
    static MapSnapshotService.Rendered render(MapSnapshotService maps, FleetSnapshot fleet, List<String> regions) {
        if (regions.isEmpty()) {
            return maps.render(fleet, FleetFilter.ALL, MapRegion.WORLD, WIDTH, HEIGHT, false);
        }
        FleetFilter filter = new FleetFilter("", Set.of(), Set.copyOf(regions), Set.of(), Set.of(), Set.of());
        MapRegion one = regions.size() == 1 ? MapRegion.named(regions.getFirst()) : null;
        return maps.render(fleet, filter, one != null && one.regionCode() != null ? one : frame(fleet, regions),
                WIDTH, HEIGHT, false);
    }

    /**
     * A box around the named regions' boxes and every placed site of those regions: several regions, or one the map
     * does not know by name. The snapshot shows the sites inside its box, so the box must hold them all.
     */
    private static MapRegion frame(FleetSnapshot fleet, List<String> regions) {
        double west = 180;
        double south = 90;
        double east = -180;
        double north = -90;
        for (String code : regions) {
            MapRegion named = MapRegion.named(code);
            if (named != null && named.regionCode() != null) {
                west = Math.min(west, named.west());
                south = Math.min(south, named.south());
                east = Math.max(east, named.east());
                north = Math.max(north, named.north());
            }
        }
        for (SiteSummary s : fleet.sites()) {
            Site site = s.site();
            if (site.isPlaced() && regions.contains(site.region())) {
                west = Math.min(west, site.longitude() - 1);
                south = Math.min(south, site.latitude() - 1);
                east = Math.max(east, site.longitude() + 1);
                north = Math.max(north, site.latitude() + 1);
            }
        }
        if (west >= east || south >= north) {
            return MapRegion.WORLD; // no site placed and no known region: the world, with nothing on it
        }
        return new MapRegion(String.join("+", regions), Math.max(-180, west), Math.max(-85, south),
                Math.min(180, east), Math.min(85, north));
    }
}
