package io.camfleet.console.service.map;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link MapCanvas} that keeps what is painted on it, each as its kind and bounding box; text is measured with the
 * Java2D font that PNG snapshots use. For tests of where things land.
 */
public final class RecordingCanvas implements MapCanvas {

    /** One painted thing: its kind ("text", "circle", "rect", ...), its box and, for text, the string and alignment. */
    public record Painted(String kind, double minX, double minY, double maxX, double maxY, String text, Align align,
                          double anchorX) {
        /** The farthest corner of the box from (x, y). */
        public double reachFrom(double x, double y) {
            double dx = Math.max(Math.abs(minX - x), Math.abs(maxX - x));
            double dy = Math.max(Math.abs(minY - y), Math.abs(maxY - y));
            return Math.hypot(dx, dy);
        }

        /** The nearest point of the box to (x, y): 0 when (x, y) is inside. */
        public double distanceFrom(double x, double y) {
            double dx = Math.max(0, Math.max(minX - x, x - maxX));
            double dy = Math.max(0, Math.max(minY - y, y - maxY));
            return Math.hypot(dx, dy);
        }
    }

    private static final FontMetrics PLAIN = metrics(Font.PLAIN);
    private static final FontMetrics BOLD = metrics(Font.BOLD);
    private final double width;
    private final double height;
    public final List<Painted> painted = new ArrayList<>();

    public RecordingCanvas(double width, double height) {
        this.width = width;
        this.height = height;
    }

    private static FontMetrics metrics(int style) {
        return new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics()
                .getFontMetrics(new Font(Font.SANS_SERIF, style, 11));
    }

    private void box(String kind, double[] xs, double[] ys, int n, double grow) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, xs[i]);
            maxX = Math.max(maxX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        painted.add(new Painted(kind, minX - grow, minY - grow, maxX + grow, maxY + grow, null, null, 0));
    }

    private void circle(String kind, double cx, double cy, double r) {
        painted.add(new Painted(kind, cx - r, cy - r, cx + r, cy + r, null, null, 0));
    }

    @Override
    public double width() {
        return width;
    }

    @Override
    public double height() {
        return height;
    }

    @Override
    public void fillAll(int argb) {
    }

    @Override
    public void fillRings(double[][] xs, double[][] ys, int[] counts, int argb) {
    }

    @Override
    public void strokePolyline(double[] xs, double[] ys, int count, int argb, double lineWidth) {
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int count, int argb) {
        box("polygon", xs, ys, count, 0);
    }

    @Override
    public void strokePolygon(double[] xs, double[] ys, int count, int argb, double lineWidth) {
        box("polygon", xs, ys, count, lineWidth / 2);
    }

    @Override
    public void fillCircle(double cx, double cy, double r, int argb) {
        circle("circle", cx, cy, r);
    }

    @Override
    public void strokeCircle(double cx, double cy, double r, int argb, double lineWidth) {
        circle("circle", cx, cy, r + lineWidth / 2);
    }

    @Override
    public void strokeArc(double cx, double cy, double r, double startDeg, double extentDeg, int argb,
                          double lineWidth) {
        circle("arc", cx, cy, r + lineWidth / 2);
    }

    @Override
    public void fillPie(double cx, double cy, double r, double startDeg, double extentDeg, int argb) {
        circle("pie", cx, cy, r);
    }

    @Override
    public void fillRect(double x, double y, double w, double h, int argb) {
        painted.add(new Painted("rect", x, y, x + w, y + h, null, null, 0));
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, int argb, double lineWidth) {
        painted.add(new Painted("rect", x - lineWidth / 2, y - lineWidth / 2, x + w + lineWidth / 2,
                y + h + lineWidth / 2, null, null, 0));
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2, int argb, double lineWidth) {
        box("line", new double[] {x1, x2}, new double[] {y1, y2}, 2, lineWidth / 2);
    }

    @Override
    public void text(String text, double x, double y, double size, boolean bold, int argb, Align align) {
        FontMetrics fm = bold ? BOLD : PLAIN;
        double scale = size / 11;
        double w = fm.stringWidth(text) * scale;
        double h = (fm.getAscent() + fm.getDescent()) * scale;
        double left = switch (align) {
            case LEFT -> x;
            case CENTER -> x - w / 2;
            case RIGHT -> x - w;
        };
        painted.add(new Painted("text", left, y - h / 2, left + w, y + h / 2, text, align, x));
    }
}
