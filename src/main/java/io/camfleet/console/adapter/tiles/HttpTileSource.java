package io.camfleet.console.adapter.tiles;

import io.camfleet.console.service.map.TileSettings;
import io.camfleet.console.service.map.TileSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Raster tiles from an XYZ tile server over HTTP, kept in a size-capped disk cache (see {@link DiskTileCache}).
 *
 * <p>The map asks for many tiles at once, often the same tile twice while panning; concurrent fetches of one tile
 * share one request. Disk work runs on the background executor and the network is asynchronous, so no caller thread
 * ever waits. A tile the server cannot give completes the future with an {@link IOException} whose message is a
 * short sentence naming the tile, e.g. "tile 3/4/2: HTTP 404"; a tile outside the map fails at once with an
 * {@link IllegalArgumentException}.
 */
public final class HttpTileSource implements TileSource {

    private static final Logger LOG = LoggerFactory.getLogger(HttpTileSource.class);

    /** Public tile servers (OpenStreetMap's among them) refuse clients that do not say who they are. */
    private static final String USER_AGENT = "CamFleetConsole/0.1";
    private static final int MAX_ZOOM = 22;

    private final TileSettings settings;
    private final DiskTileCache cache;
    private final HttpClient client;
    private final Executor executor;
    private final Map<TileKey, CompletableFuture<byte[]>> inFlight = new ConcurrentHashMap<>();

    /**
     * @param cacheFolder a folder of its own for tiles; each provider gets a subfolder
     * @param client shared with the rest of the console; its lifetime belongs to the caller
     * @param executor the background executor, for disk reads and writes
     */
    public HttpTileSource(TileSettings settings, Path cacheFolder, HttpClient client, Executor executor) {
        this.settings = settings;
        this.cache = new DiskTileCache(cacheFolder, settings.urlTemplate(), settings.cacheMegabytes() * 1024L * 1024L);
        this.client = client;
        this.executor = executor;
    }

    @Override
    public Optional<byte[]> cached(int zoom, int x, int y) {
        return onTheMap(zoom, x, y) ? cache.read(zoom, x, y) : Optional.empty();
    }

    @Override
    public CompletableFuture<byte[]> fetch(int zoom, int x, int y) {
        TileKey tile = new TileKey(zoom, x, y);
        if (!onTheMap(zoom, x, y)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    tile + ": outside the map (zoom 0.." + MAX_ZOOM + ", x and y 0..2^zoom-1)"));
        }
        if (!settings.hasValidTemplate()) {
            return CompletableFuture.failedFuture(new IOException(
                    tile + ": the tile server address needs http(s) and {z}, {x}, {y}; check it in Settings"));
        }
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        CompletableFuture<byte[]> running = inFlight.putIfAbsent(tile, result);
        if (running != null) {
            return running.copy();
        }
        inBackground(tile, result, () -> {
            Optional<byte[]> onDisk = cache.read(zoom, x, y);
            if (onDisk.isPresent()) {
                settle(tile, result, onDisk.get(), null);
            } else {
                download(tile, result);
            }
        });
        // A copy, so that one caller cancelling its future does not cancel the tile for the others.
        return result.copy();
    }

    @Override
    public String attribution() {
        return settings.attribution();
    }

    private void download(TileKey tile, CompletableFuture<byte[]> result) throws IOException {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(settings.url(tile.zoom(), tile.x(), tile.y())))
                    .timeout(settings.timeout())
                    .header("User-Agent", USER_AGENT)
                    .GET()
                    .build();
        } catch (IllegalArgumentException e) {
            throw new IOException(tile + ": the tile server address is not a valid URL; check it in Settings", e);
        }
        CompletableFuture<HttpResponse<byte[]>> answer =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        // The request timeout stops at the response headers; this deadline also covers a body that trickles in.
        answer.copy()
                .orTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((response, error) -> {
                    if (error != null) {
                        answer.cancel(true); // frees the connection of a server that does not answer
                    }
                    inBackground(tile, result, () -> {
                        byte[] bytes = accept(tile, request.uri(), response, error);
                        cache.write(tile.zoom(), tile.x(), tile.y(), bytes);
                        settle(tile, result, bytes, null);
                    });
                });
    }

    /** The tile's bytes if the server answered with an image; otherwise why not, in one sentence. */
    private byte[] accept(TileKey tile, URI uri, HttpResponse<byte[]> response, Throwable error) throws IOException {
        if (error != null) {
            throw explain(tile, uri, unwrap(error));
        }
        if (response.statusCode() != 200) {
            throw new IOException(tile + ": HTTP " + response.statusCode());
        }
        byte[] body = response.body();
        if (body == null || body.length == 0) {
            throw new IOException(tile + ": empty answer");
        }
        if (!ImageSignature.isImage(body)) {
            throw new IOException(tile + ": not an image");
        }
        return body;
    }

    private IOException explain(TileKey tile, URI uri, Throwable error) {
        if (error instanceof HttpTimeoutException || error instanceof TimeoutException) {
            return new IOException(tile + ": no answer in " + readable(settings.timeout()), error);
        }
        if (error instanceof ConnectException) {
            return new IOException(tile + ": cannot connect to " + uri.getAuthority(), error);
        }
        if (error instanceof CancellationException) {
            return new IOException(tile + ": cancelled", error);
        }
        String detail = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return new IOException(tile + ": " + detail, error);
    }

    /**
     * Runs a step on the background executor. Whatever happens to it (an exception, an executor shut down at exit),
     * the tile's future completes, so that no caller waits forever and the tile can be asked for again.
     */
    private void inBackground(TileKey tile, CompletableFuture<byte[]> result, TileStep step) {
        Runnable guarded = () -> {
            try {
                step.run();
            } catch (IOException e) {
                settle(tile, result, null, e);
            } catch (RuntimeException e) {
                LOG.warn("Fetching {} failed unexpectedly", tile, e);
                settle(tile, result, null, new IOException(tile + ": " + e.getMessage(), e));
            }
        };
        try {
            executor.execute(guarded);
        } catch (RejectedExecutionException e) {
            settle(tile, result, null, new IOException(tile + ": the console is shutting down", e));
        }
    }

    private void settle(TileKey tile, CompletableFuture<byte[]> result, byte[] bytes, IOException error) {
        // Leave the in-flight map first, so that a fetch arriving after completion starts afresh (from the cache).
        inFlight.remove(tile, result);
        if (error == null) {
            result.complete(bytes);
        } else {
            LOG.debug("{}", error.getMessage());
            result.completeExceptionally(error);
        }
    }

    private static boolean onTheMap(int zoom, int x, int y) {
        if (zoom < 0 || zoom > MAX_ZOOM) {
            return false;
        }
        int tilesPerSide = 1 << zoom;
        return x >= 0 && x < tilesPerSide && y >= 0 && y < tilesPerSide;
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String readable(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** One step of a fetch that may fail with a sentence for the operator. */
    @FunctionalInterface
    private interface TileStep {
        void run() throws IOException;
    }

    /** A tile's address, printed the way tile servers and operators write it: "tile z/x/y". */
    private record TileKey(int zoom, int x, int y) {
        @Override
        public String toString() {
            return "tile " + zoom + "/" + x + "/" + y;
        }
    }
}
