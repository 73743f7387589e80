package io.camfleet.console.app.features;

import io.camfleet.console.adapter.render.PngMapRasterizer;
import io.camfleet.console.adapter.tiles.HttpTileSource;
import io.camfleet.console.cli.MapCommand;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.map.BasemapSource;
import io.camfleet.console.service.map.MapSnapshotService;
import io.camfleet.console.service.map.TileSettings;
import io.camfleet.console.service.map.TileSource;
import io.camfleet.console.ui.common.sitedetail.SiteDetailView;
import io.camfleet.console.ui.common.sitedetail.SiteDetailViewModel;
import io.camfleet.console.ui.fleetmap.FleetMapView;
import io.camfleet.console.ui.fleetmap.FleetMapViewModel;
import io.camfleet.console.ui.shell.Screen;
import io.camfleet.console.ui.shell.ScreenRegistry;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.kordamp.ikonli.material2.Material2MZ;

import java.net.http.HttpClient;
import java.util.List;

/** The map: every site on a world map, online tiles if set, and PNG snapshots from the command line. */
public final class MapFeature implements Feature {

    public static final Screen MAP = new Screen("FLEET_MAP", Material2MZ.PUBLIC);

    private final BasemapSource basemaps;

    public MapFeature(BasemapSource basemaps) {
        this.basemaps = basemaps;
    }

    @Override
    public void open(OpenFolder folder, FolderParts.Builder parts) {
        MapSnapshotService maps = new MapSnapshotService(basemaps, new PngMapRasterizer());
        parts.add(MapSnapshotService.class, () -> maps);
    }

    @Override
    public void window(WindowContext w, ScreenRegistry.Builder screens) {
        screens.add(MAP, () -> new FleetMapView(
                new FleetMapViewModel(w.fleet(), basemaps, w.workers(), w.fx()),
                new SiteDetailView(new SiteDetailViewModel(w.fleet()), w.messages(), w.siteActions()), w.messages(),
                w.shell().darkThemeProperty(), new OnlineTiles(w).source, w.workers()));
    }

    @Override
    public List<Object> commands(Messages m) {
        return List.of(new MapCommand());
    }

    /** The map's online layer as Settings set it, handed to the map by a property. */
    private static final class OnlineTiles {
        final ObjectProperty<TileSource> source = new SimpleObjectProperty<>();
        private final WindowContext w;
        private HttpClient http;

        OnlineTiles(WindowContext w) {
            this.w = w;
            w.shell().tilesProperty().addListener((o, was, now) -> use(now));
            use(w.shell().tilesProperty().get());
        }

        private void use(TileSettings settings) {
            if (!settings.enabled() || !settings.hasValidTemplate()) {
                source.set(null);
                return;
            }
            if (http == null) {
                http = HttpClient.newBuilder().connectTimeout(settings.timeout()).executor(w.workers())
                        .followRedirects(HttpClient.Redirect.NORMAL).build();
            }
            source.set(new HttpTileSource(settings, w.folder().resolve("tiles"), http, w.workers()));
        }
    }
}
