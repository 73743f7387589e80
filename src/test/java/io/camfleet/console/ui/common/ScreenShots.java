package io.camfleet.console.ui.common;

import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves what a screen's TestFX test sees as PNG when {@code -Dcamfleet.screenshots=DIR} is given, so that a person can
 * look at it. Does nothing otherwise.
 */
public final class ScreenShots {

    private ScreenShots() {
    }

    public static void save(Scene scene, String name) {
        String dir = System.getProperty("camfleet.screenshots");
        if (dir == null) {
            return;
        }
        WritableImage[] shot = new WritableImage[1];
        WaitForAsyncUtils.asyncFx(() -> shot[0] = scene.snapshot(null));
        WaitForAsyncUtils.waitForFxEvents();
        int w = (int) shot[0].getWidth();
        int h = (int) shot[0].getHeight();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = shot[0].getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, r.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(Path.of(dir));
            ImageIO.write(img, "png", Path.of(dir, name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
