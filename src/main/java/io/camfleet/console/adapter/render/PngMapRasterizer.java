package io.camfleet.console.adapter.render;

import io.camfleet.console.service.map.MapCanvas;
import io.camfleet.console.service.map.MapRasterizer;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** Paints with Java2D into an image and encodes it as PNG; needs no screen (works with java.awt.headless). */
public final class PngMapRasterizer implements MapRasterizer {

    @Override
    public byte[] png(int width, int height, Consumer<MapCanvas> painting) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            painting.accept(new Java2DMapCanvas(g, width, height));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(width * height / 4);
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
