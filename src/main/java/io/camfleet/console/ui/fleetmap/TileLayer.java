package io.camfleet.console.ui.fleetmap;

import io.camfleet.console.service.map.MapView;
import io.camfleet.console.service.map.TileSource;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;

import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The optional online tile layer, drawn over the offline basemap. Tiles arrive in the background; until one does,
 * or when it fails, is slow or is not an image, the basemap simply shows through. Decoded tiles are kept in memory
 * (a few hundred), failures are not retried for a minute. FX thread only, apart from decoding.
 */
final class TileLayer {

    private static final int TILE = 256;
    private static final int MEMORY_TILES = 400;
    private static final long RETRY_NANOS = 60_000_000_000L;
    private static final int MAX_ZOOM = 19;

    private final TileSource source;
    private final Executor background;
    private final Executor fx;
    private final Runnable onArrival;
    private final Map<Long, Image> images = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Image> eldest) {
            return size() > MEMORY_TILES;
        }
    };
    private final Set<Long> inFlight = new HashSet<>();
    private final Map<Long, Long> failedAt = new LinkedHashMap<>();

    TileLayer(TileSource source, Executor background, Executor fx, Runnable onArrival) {
        this.source = source;
        this.background = background;
        this.fx = fx;
        this.onArrival = onArrival;
    }

    String attribution() {
        return source.attribution();
    }

    /** Draws the tiles it has for {@code view} and asks for the ones it lacks. */
    void paint(GraphicsContext g, MapView view) {
        int z = (int) Math.max(0, Math.min(MAX_ZOOM, Math.round(view.zoom())));
        int n = 1 << z;
        double size = view.scale() / n;
        int x0 = Math.max(0, (int) Math.floor(view.minWorldX() * n));
        int x1 = Math.min(n - 1, (int) Math.floor(view.maxWorldX() * n));
        int y0 = Math.max(0, (int) Math.floor(view.minWorldY() * n));
        int y1 = Math.min(n - 1, (int) Math.floor(view.maxWorldY() * n));
        long now = System.nanoTime();
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                long key = key(z, x, y);
                Image img = images.get(key);
                if (img != null) {
                    g.drawImage(img, view.screenX((double) x / n), view.screenY((double) y / n), size + 0.5,
                            size + 0.5);
                } else {
                    request(z, x, y, key, now);
                }
            }
        }
    }

    private void request(int z, int x, int y, long key, long now) {
        Long failed = failedAt.get(key);
        if (inFlight.contains(key) || (failed != null && now - failed < RETRY_NANOS)) {
            return;
        }
        inFlight.add(key);
        source.fetch(z, x, y).whenCompleteAsync((bytes, error) -> {
            Image img = error == null ? decode(bytes) : null;
            fx.execute(() -> {
                inFlight.remove(key);
                if (img == null) {
                    failedAt.put(key, System.nanoTime());
                } else {
                    images.put(key, img);
                    onArrival.run();
                }
            });
        }, background);
    }

    /** A decoded tile, or null when the bytes are not an image JavaFX can read. */
    private static Image decode(byte[] bytes) {
        Image img = new Image(new ByteArrayInputStream(bytes), TILE, TILE, false, true);
        return img.isError() || img.getWidth() <= 0 ? null : img;
    }

    private static long key(int z, int x, int y) {
        return ((long) z << 48) | ((long) x << 24) | y;
    }
}
