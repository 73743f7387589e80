package io.camfleet.console.ui.deploy;

import io.camfleet.console.domain.map.WebMercator;
import io.camfleet.console.service.map.Basemap;
import io.camfleet.console.service.map.BasemapSource;
import io.camfleet.console.service.map.MapCanvas;
import io.camfleet.console.service.map.MapPainter;
import io.camfleet.console.service.map.MapStyle;
import io.camfleet.console.service.map.MapView;
import io.camfleet.console.ui.deploy.DeploymentsViewModel.SitePoint;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.FxMapCanvas;
import javafx.application.Platform;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The map overlay of a deployment: the world basemap fitted to the sites it targets, each site a dot coloured by
 * what most needs an eye among its targets (failed, lost, under way, waiting, done). One canvas, no node per site.
 */
final class TargetMap {

    private final Pane root = new Pane();
    private final Canvas canvas = new Canvas();
    private final ObservableBooleanValue dark;
    private Basemap basemap;
    private Function<TargetStyle.Group, String> labels = TargetStyle.Group::name;
    private List<SitePoint> sites = List.of();

    TargetMap(BasemapSource basemaps, Executor workers, ObservableBooleanValue dark) {
        this.dark = dark;
        root.getChildren().add(canvas);
        root.setId("deployment-map");
        root.setMinSize(200, 160);
        canvas.widthProperty().bind(root.widthProperty());
        canvas.heightProperty().bind(root.heightProperty());
        canvas.widthProperty().addListener(o -> paint());
        canvas.heightProperty().addListener(o -> paint());
        dark.addListener(o -> paint());
        BackgroundTasks.unlisted(workers, Platform::runLater)
                .job("basemap", p -> basemaps.load(Basemap.Detail.COARSE))
                .onSuccess(b -> {
                    basemap = b;
                    paint();
                })
                .start();
    }

    Node root() {
        return root;
    }

    void show(List<SitePoint> points) {
        this.sites = points;
        paint();
    }

    private void paint() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        if (w < 1 || h < 1) {
            return;
        }
        MapStyle style = MapStyle.of(dark.get());
        MapPainter painter = new MapPainter(style);
        MapCanvas c = new FxMapCanvas(canvas.getGraphicsContext2D());
        MapView view = fit(w, h);
        c.fillAll(style.water());
        if (basemap != null) {
            painter.paintBasemap(c, basemap, view);
        }
        paintSites(c, view, sites, style.halo());
        legend(c, style);
    }

    /**
     * Each site a dot split by its targets' shares (done, under way, waiting, pending, failed...), so that the map
     * moves as the Targets tab does: a site whose canary camera is done while its others wait shows both. Sites that
     * most need an eye are drawn last, on top.
     */
    static void paintSites(MapCanvas c, MapView view, List<SitePoint> sites, int halo) {
        double r = sites.size() > 2_000 ? 3 : sites.size() > 300 ? 4 : 5.5;
        for (TargetStyle.Group g : drawOrder()) {
            for (SitePoint s : sites) {
                if (TargetStyle.worst(s.states()) != g) {
                    continue;
                }
                double x = view.screenX(WebMercator.x(s.longitude()));
                double y = view.screenY(WebMercator.y(s.latitude()));
                c.fillCircle(x, y, r + 1.5, halo);
                Map<TargetStyle.Group, Integer> shares = new EnumMap<>(TargetStyle.Group.class);
                s.states().forEach(st -> shares.merge(TargetStyle.group(st), 1, Integer::sum));
                if (shares.size() == 1) {
                    c.fillCircle(x, y, r, g.argb);
                    continue;
                }
                double start = 0; // from twelve o'clock, clockwise, in the wave bars' order
                for (Map.Entry<TargetStyle.Group, Integer> e : shares.entrySet()) {
                    double extent = 360.0 * e.getValue() / s.states().size();
                    c.fillPie(x, y, r, start, extent, e.getKey().argb);
                    start += extent;
                }
            }
        }
    }

    private static List<TargetStyle.Group> drawOrder() {
        return List.of(TargetStyle.Group.SUCCEEDED, TargetStyle.Group.PENDING, TargetStyle.Group.WAITING,
                TargetStyle.Group.HELD_BACK, TargetStyle.Group.UNDER_WAY, TargetStyle.Group.ROLLED_BACK,
                TargetStyle.Group.UNKNOWN, TargetStyle.Group.FAILED);
    }

    private MapView fit(double w, double h) {
        MapView world = new MapView(0.5, 0.5, 0, w, h);
        if (sites.isEmpty()) {
            return world.fitted(0, 0.15, 1, 0.85, 8, MapView.MAX_ZOOM);
        }
        double west = 180;
        double east = -180;
        double south = 90;
        double north = -90;
        for (SitePoint s : sites) {
            west = Math.min(west, s.longitude());
            east = Math.max(east, s.longitude());
            south = Math.min(south, s.latitude());
            north = Math.max(north, s.latitude());
        }
        // At least a country's breadth around a few close sites, so that the basemap says where they are.
        double padLon = Math.max(0, 8 - (east - west)) / 2;
        double padLat = Math.max(0, 5 - (north - south)) / 2;
        return world.fittedToGeo(Math.max(-180, west - padLon), Math.max(-85, south - padLat),
                Math.min(180, east + padLon), Math.min(85, north + padLat), 28);
    }

    private void legend(MapCanvas c, MapStyle style) {
        c.fillRect(0, c.height() - 28, c.width(), 28, (0xE6 << 24) | (style.halo() & 0xFFFFFF));
        double x = 12;
        double y = c.height() - 14;
        for (TargetStyle.Group g : List.of(TargetStyle.Group.SUCCEEDED, TargetStyle.Group.UNDER_WAY,
                TargetStyle.Group.WAITING, TargetStyle.Group.PENDING, TargetStyle.Group.FAILED,
                TargetStyle.Group.UNKNOWN, TargetStyle.Group.ROLLED_BACK, TargetStyle.Group.HELD_BACK)) {
            String name = labels.apply(g);
            c.fillCircle(x + 5, y, 5, g.argb);
            c.text(name, x + 14, y, 11, false, style.text(), MapCanvas.Align.LEFT);
            x += 22 + name.length() * 6.2;
        }
    }

    void labels(Function<TargetStyle.Group, String> names) {
        this.labels = names;
        paint();
    }
}
