package io.camfleet.console.service.map;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Port: raster tiles of an optional online layer drawn over the offline basemap (an XYZ server such as
 * OpenStreetMap's), with a disk cache. A tile that fails, is slow or is garbage never blocks or blanks the map: the
 * basemap stays underneath.
 */
public interface TileSource {

    /** The tile's image bytes if the disk cache has them; never touches the network. Any thread. */
    Optional<byte[]> cached(int zoom, int x, int y);

    /**
     * The tile's image bytes, from the disk cache or fetched (then cached); completes exceptionally when the server
     * fails, answers with something else than an image, or does not answer in time. Never blocks the caller.
     */
    CompletableFuture<byte[]> fetch(int zoom, int x, int y);

    /** The provider's attribution, shown on the map while the layer is on. */
    String attribution();
}
