package io.camfleet.console.app;

import io.camfleet.console.ui.common.ScreenShots;
import io.camfleet.console.ui.shell.WindowSettings;
import io.camfleet.console.service.settings.Settings;
import com.sun.net.httpserver.HttpServer;
import io.camfleet.console.service.map.TileSettings;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static io.camfleet.console.app.WindowFixture.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The online tile layer over the offline map, against a tile server on loopback: good tiles are drawn; tiles that
 * fail (404), hang, or are garbage leave the offline map drawn underneath, and nothing blocks.
 */
@ExtendWith(ApplicationExtension.class)
class TileLayerUiTest {

    private static final int MAGENTA = 0xFF00FF;
    private static final int LAND = 0xF6F5F1;

    @TempDir
    Path dir;
    private final WindowFixture window = new WindowFixture();
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @Start
    void start(Stage stage) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        byte[] magenta = png();
        server.createContext("/good/", ex -> answer(ex, 200, magenta));
        server.createContext("/missing/", ex -> answer(ex, 404, "not here".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/garbage/", ex -> answer(ex, 200, "<html>oops</html>".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/hangs/", ex -> {
            requests.incrementAndGet();
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        window.open(stage, dir.resolve("data"), 200, Settings.DEFAULTS.with(WindowSettings.SECTION,
                WindowSettings.DEFAULT.withBounds(0, 0, 1300, 860, false).withLook(false, "FLEET_MAP"))
                .with(TileSettings.SECTION, new TileSettings(true, url("good"), "© Test tiles", 50,
                        Duration.ofSeconds(2))));
    }

    private void answer(com.sun.net.httpserver.HttpExchange ex, int status, byte[] body) throws IOException {
        requests.incrementAndGet();
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private String url(String kind) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + kind + "/{z}/{x}/{y}.png";
    }

    private static byte[] png() throws IOException {
        BufferedImage img = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(new Color(MAGENTA));
        g.fillRect(0, 0, 256, 256);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @AfterEach
    void stop() throws Exception {
        window.close();
        server.stop(0);
    }

    /** Pixels of the map's basemap canvas in a colour. */
    private static int pixels(FxRobot robot, int rgb) {
        Canvas base = robot.lookup("#map-base").queryAs(Canvas.class);
        WritableImage[] shot = new WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> shot[0] = base.snapshot(null, null));
        WaitForAsyncUtils.waitForFxEvents();
        PixelReader r = shot[0].getPixelReader();
        int n = 0;
        for (int y = 0; y < shot[0].getHeight(); y += 2) {
            for (int x = 0; x < shot[0].getWidth(); x += 2) {
                if ((r.getArgb(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    private void switchTo(FxRobot robot, String kind) {
        robot.clickOn("#nav-settings");
        TextField url = robot.lookup("#settings-tiles-url").queryAs(TextField.class);
        WaitForAsyncUtils.asyncFx(() -> url.setText(url(kind)));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Save");
    }

    @Test
    void tilesThatFailHangOrAreGarbageLeaveTheOfflineMapDrawn(FxRobot robot) throws Exception {
        waitFor(() -> robot.lookup(".map-count").tryQuery().isPresent());
        // Good tiles cover the map: the layer really draws.
        waitFor(() -> pixels(robot, MAGENTA) > 20_000);
        assertThat(robot.lookup(".attribution").queryAs(Label.class).getText()).contains("© Test tiles");

        for (String kind : new String[] {"missing", "garbage", "hangs"}) {
            int before = requests.get();
            switchTo(robot, kind);
            waitFor(() -> requests.get() > before);
            WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
            assertThat(pixels(robot, MAGENTA)).as(kind).isZero();
            assertThat(pixels(robot, LAND)).as(kind + ": the offline map is still drawn").isGreaterThan(5_000);
            // The map still answers while tiles fail: a zoom redraws at once.
            robot.clickOn("#map-zoomin");
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(pixels(robot, LAND)).as(kind + " after zooming").isGreaterThan(5_000);
        }
        ScreenShots.save(robot.lookup("#fleet-map").query().getScene(), "map-tiles-hanging");
    }
}
