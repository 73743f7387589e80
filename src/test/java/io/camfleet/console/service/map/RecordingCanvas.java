package io.camfleet.console.service.map;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link MapCanvas} that keeps what is painted on it, each as its kind and bounding box; text is measured with the
 * Java2D font that PNG snapshots use. For tests of where things land.
 */
public final class RecordingCanvas implements MapCanvas {

    /**
     * One painted thing: its kind ("text", "circle", "rect", ...), its box and, for text, the string and alignment;
     * its colour, its line width (0 when filled), the points of a shape or line, a pie's angles, a text's size and
     * weight.
     */
    public record Painted(String kind, double minX, double minY, double maxX, double maxY, String text, Align align,
                          double anchorX, int argb, double lineWidth, double[] xs, double[] ys, double startDeg,
                          double extentDeg, double size, boolean bold) {

        static Painted shape(String kind, double minX, double minY, double maxX, double maxY, int argb,
                             double lineWidth) {
            return new Painted(kind, minX, minY, maxX, maxY, null, null, 0, argb, lineWidth, null, null, 0, 0, 0, false);
        }

        public boolean filled() {
            return lineWidth == 0;
        }

        public double centreX() {
            return (minX + maxX) / 2;
        }

        public double centreY() {
            return (minY + maxY) / 2;
        }

        /** A circle's radius, without its line's width. */
        public double radius() {
            return (maxX - minX) / 2 - lineWidth / 2;
        }

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

    private void box(String kind, double[] xs, double[] ys, int n, int argb, double lineWidth, double grow) {
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
        painted.add(new Painted(kind, minX - grow, minY - grow, maxX + grow, maxY + grow, null, null, 0, argb,
                lineWidth, Arrays.copyOf(xs, n), Arrays.copyOf(ys, n), 0, 0, 0, false));
    }

    private void circle(String kind, double cx, double cy, double r, int argb, double lineWidth) {
        painted.add(Painted.shape(kind, cx - r, cy - r, cx + r, cy + r, argb, lineWidth));
    }

    /** What was painted of one kind, in order. */
    public List<Painted> of(String kind) {
        return painted.stream().filter(p -> p.kind().equals(kind)).toList();
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
        painted.add(Painted.shape("all", 0, 0, width, height, argb, 0));
    }

    /** One "rings" entry per ring, all in the polygon's colour. */
    @Override
    public void fillRings(double[][] xs, double[][] ys, int[] counts, int argb) {
        for (int i = 0; i < counts.length; i++) {
            box("rings", xs[i], ys[i], counts[i], argb, 0, 0);
        }
    }

    @Override
    public void strokePolyline(double[] xs, double[] ys, int count, int argb, double lineWidth) {
        box("polyline", xs, ys, count, argb, lineWidth, lineWidth / 2);
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int count, int argb) {
        box("polygon", xs, ys, count, argb, 0, 0);
    }

    @Override
    public void strokePolygon(double[] xs, double[] ys, int count, int argb, double lineWidth) {
        box("polygon", xs, ys, count, argb, lineWidth, lineWidth / 2);
    }

    @Override
    public void fillCircle(double cx, double cy, double r, int argb) {
        circle("circle", cx, cy, r, argb, 0);
    }

    @Override
    public void strokeCircle(double cx, double cy, double r, int argb, double lineWidth) {
        circle("circle", cx, cy, r + lineWidth / 2, argb, lineWidth);
    }

    @Override
    public void strokeArc(double cx, double cy, double r, double startDeg, double extentDeg, int argb,
                          double lineWidth) {
        painted.add(new Painted("arc", cx - r - lineWidth / 2, cy - r - lineWidth / 2, cx + r + lineWidth / 2,
                cy + r + lineWidth / 2, null, null, 0, argb, lineWidth, null, null, startDeg, extentDeg, 0, false));
    }

    @Override
    public void fillPie(double cx, double cy, double r, double startDeg, double extentDeg, int argb) {
        painted.add(new Painted("pie", cx - r, cy - r, cx + r, cy + r, null, null, 0, argb, 0, null, null, startDeg,
                extentDeg, 0, false));
    }

    @Override
    public void fillRect(double x, double y, double w, double h, int argb) {
        painted.add(Painted.shape("rect", x, y, x + w, y + h, argb, 0));
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, int argb, double lineWidth) {
        painted.add(Painted.shape("rect", x - lineWidth / 2, y - lineWidth / 2, x + w + lineWidth / 2,
                y + h + lineWidth / 2, argb, lineWidth));
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2, int argb, double lineWidth) {
        box("line", new double[] {x1, x2}, new double[] {y1, y2}, 2, argb, lineWidth, lineWidth / 2);
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
        painted.add(new Painted("text", left, y - h / 2, left + w, y + h / 2, text, align, x, argb, 0, null, null, 0,
                0, size, bold));
    }
}
