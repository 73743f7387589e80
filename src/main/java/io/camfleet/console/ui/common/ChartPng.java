package io.camfleet.console.ui.common;

import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * A node as a PNG, without javafx-swing: its snapshot's pixels are read on the FX thread (a copy of the ARGB ints),
 * and encoded by {@link ImageIO} on a worker. Shared by the screens that export a chart (KPI dashboard, cost).
 */
public final class ChartPng {

    private ChartPng() {
    }

    /** Takes the snapshot now (FX thread); the returned supplier encodes it and may run on any thread. */
    public static Supplier<byte[]> of(Node node, Color background) {
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(background);
        WritableImage image = node.snapshot(params, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return () -> encode(argb, w, h);
    }

    public static byte[] encode(int[] argb, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
