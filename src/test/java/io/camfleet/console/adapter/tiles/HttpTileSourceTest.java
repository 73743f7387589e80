package io.camfleet.console.adapter.tiles;

import io.camfleet.console.adapter.tiles.LoopbackTileServer.Answer;
import io.camfleet.console.service.map.TileSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class HttpTileSourceTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @TempDir
    Path cacheFolder;

    private LoopbackTileServer server;
    private HttpClient client;
    private ExecutorService background;

    @BeforeEach
    void startServer() throws IOException {
        server = new LoopbackTileServer();
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        background = Executors.newVirtualThreadPerTaskExecutor();
    }

    @AfterEach
    void stopServer() {
        client.shutdownNow();
        server.close();
        background.shutdownNow();
    }

    @Test
    void aGoodTileIsFetchedOnceThenServedFromTheDiskCache() throws Exception {
        byte[] png = png(Color.GREEN);
        String template = server.provider("osm", Answer.ok(png));

        HttpTileSource source = source(template);
        assertThat(source.fetch(3, 4, 2).get(5, TimeUnit.SECONDS)).isEqualTo(png);
        assertThat(source.cached(3, 4, 2)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(png));

        HttpTileSource afterRestart = source(template);
        assertThat(afterRestart.fetch(3, 4, 2).get(5, TimeUnit.SECONDS)).isEqualTo(png);
        assertThat(server.requests("osm")).isEqualTo(1);
        assertThat(server.userAgent("osm")).isEqualTo("CamFleetConsole/0.1");
    }

    @Test
    void theAttributionIsTheProviders() {
        assertThat(source(server.provider("osm", Answer.ok(png(Color.GREEN)))).attribution())
                .isEqualTo("© test contributors");
    }

    static Stream<Arguments> answersThatAreNotTiles() {
        byte[] html = "<html>oops</html>".getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("not-found", Answer.status(404, html), "tile 3/4/2: HTTP 404"),
                Arguments.of("broken", Answer.status(500, html), "tile 3/4/2: HTTP 500"),
                Arguments.of("captive-portal", Answer.ok(html), "tile 3/4/2: not an image"),
                Arguments.of("empty", Answer.ok(new byte[0]), "tile 3/4/2: empty answer"),
                Arguments.of("silent", Answer.never(), "tile 3/4/2: no answer in 300 ms"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("answersThatAreNotTiles")
    void anAnswerThatIsNotATileFailsWithASentenceAndLeavesNothingInTheCache(String provider, Answer answer,
                                                                             String message) throws IOException {
        HttpTileSource source = source(server.provider(provider, answer), 200, SHORT_TIMEOUT);
        long start = System.nanoTime();

        assertThat(source.fetch(3, 4, 2)).failsWithin(WAIT)
                .withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(IOException.class).withMessage(message);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(source.cached(3, 4, 2)).isEmpty();
        assertThat(tileFiles()).isEmpty();
    }

    @Test
    void aServerThatRefusesTheConnectionFailsTheTile() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HttpTileSource source = source("http://127.0.0.1:" + closedPort + "/{z}/{x}/{y}.png");

        assertThat(source.fetch(3, 4, 2)).failsWithin(WAIT)
                .withThrowableOfType(ExecutionException.class)
                .havingCause().withMessage("tile 3/4/2: cannot connect to 127.0.0.1:" + closedPort);
        assertThat(tileFiles()).isEmpty();
    }

    @Test
    void concurrentFetchesOfOneTileMakeOneRequest() throws Exception {
        byte[] png = png(Color.ORANGE);
        HttpTileSource source = source(server.provider("osm", Answer.ok(png)));
        server.hold();

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<CompletableFuture<byte[]>>> callers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            callers.add(CompletableFuture.supplyAsync(() -> {
                awaitQuietly(start);
                return source.fetch(5, 10, 12);
            }, background));
        }
        start.countDown();
        List<CompletableFuture<byte[]>> tiles = callers.stream().map(CompletableFuture::join).toList();
        server.open();

        for (CompletableFuture<byte[]> tile : tiles) {
            assertThat(tile.get(5, TimeUnit.SECONDS)).isEqualTo(png);
        }
        assertThat(server.requests("osm")).isEqualTo(1);
    }

    @Test
    void theCacheStaysUnderItsCapAndKeepsTheMostRecentlyUsedTiles() throws Exception {
        byte[] tile = new byte[40 * 1024];
        new Random(7).nextBytes(tile);
        System.arraycopy(PNG_SIGNATURE, 0, tile, 0, PNG_SIGNATURE.length);
        HttpTileSource source = source(server.provider("osm", Answer.ok(tile)), 1, WAIT);

        for (int x = 0; x < 50; x++) {
            source.fetch(10, x, 0).get(5, TimeUnit.SECONDS);
            source.cached(10, 0, 0); // the operator keeps looking at the first tile
        }

        assertThat(bytesOnDisk()).isLessThanOrEqualTo(1024 * 1024);
        assertThat(source.cached(10, 0, 0)).as("used all along").isPresent();
        assertThat(source.cached(10, 1, 0)).as("used once, long ago").isEmpty();
        for (int x = 40; x < 50; x++) {
            assertThat(source.cached(10, x, 0)).as("tile 10/%d/0", x).isPresent();
        }
        assertThat(server.requests("osm")).isEqualTo(50);
    }

    @Test
    void twoProvidersNeverMixTheirTiles() throws Exception {
        byte[] streets = png(Color.WHITE);
        byte[] satellite = png(Color.DARK_GRAY);
        HttpTileSource streetMap = source(server.provider("streets", Answer.ok(streets)));
        HttpTileSource satelliteMap = source(server.provider("satellite", Answer.ok(satellite)));

        assertThat(streetMap.fetch(3, 4, 2).get(5, TimeUnit.SECONDS)).isEqualTo(streets);
        assertThat(satelliteMap.fetch(3, 4, 2).get(5, TimeUnit.SECONDS)).isEqualTo(satellite);

        assertThat(streetMap.cached(3, 4, 2)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(streets));
        assertThat(satelliteMap.cached(3, 4, 2)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(satellite));
        assertThat(server.requests("streets")).isEqualTo(1);
        assertThat(server.requests("satellite")).isEqualTo(1);
    }

    @ParameterizedTest(name = "tile {0}/{1}/{2}")
    @CsvSource({"-1, 0, 0", "23, 0, 0", "0, 1, 0", "0, 0, -1", "3, 8, 0", "3, 0, 8", "3, -1, 0"})
    void aTileOutsideTheMapFailsAtOnceWithoutARequest(int zoom, int x, int y) {
        HttpTileSource source = source(server.provider("osm", Answer.ok(png(Color.GREEN))));

        CompletableFuture<byte[]> tile = source.fetch(zoom, x, y);

        assertThat(tile).isCompletedExceptionally();
        assertThat(tile).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .havingCause().withMessageContaining("outside the map");
        assertThat(source.cached(zoom, x, y)).isEmpty();
        assertThat(server.requests("osm")).isZero();
    }

    @Test
    void aTemplateWithoutPlaceholdersFailsAtOnce() {
        HttpTileSource source = source("https://tiles.example/map.png");

        assertThat(source.fetch(3, 4, 2)).isCompletedExceptionally();
        assertThat(source.fetch(3, 4, 2)).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .havingCause().withMessageContaining("check it in Settings");
    }

    @Test
    void aCacheThatCannotBeWrittenStillServesTheTile() throws Exception {
        byte[] png = png(Color.BLUE);
        Path notAFolder = Files.writeString(cacheFolder.resolve("not-a-folder"), "taken");
        HttpTileSource source = new HttpTileSource(
                settings(server.provider("osm", Answer.ok(png)), 200, WAIT), notAFolder, client, background);

        assertThat(source.fetch(3, 4, 2).get(5, TimeUnit.SECONDS)).isEqualTo(png);
        assertThat(source.cached(3, 4, 2)).isEmpty();
    }

    private HttpTileSource source(String template) {
        return source(template, 200, WAIT);
    }

    private HttpTileSource source(String template, int cacheMegabytes, Duration timeout) {
        return new HttpTileSource(settings(template, cacheMegabytes, timeout), cacheFolder, client, background);
    }

    private static TileSettings settings(String template, int cacheMegabytes, Duration timeout) {
        return new TileSettings(true, template, "© test contributors", cacheMegabytes, timeout);
    }

    private List<Path> tileFiles() throws IOException {
        try (Stream<Path> files = Files.walk(cacheFolder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private long bytesOnDisk() throws IOException {
        long total = 0;
        for (Path file : tileFiles()) {
            total += Files.size(file);
        }
        return total;
    }

    private static byte[] png(Color color) {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(color);
        graphics.fillRect(0, 0, 8, 8);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
