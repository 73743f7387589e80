package io.camfleet.console.adapter.render;

import io.camfleet.console.service.map.MapCanvas;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/** A {@link MapCanvas} over Java2D: images painted without a screen, for PNG snapshots. */
final class Java2DMapCanvas implements MapCanvas {

    private final Graphics2D g;
    private final double width;
    private final double height;

    Java2DMapCanvas(Graphics2D g, double width, double height) {
        this.g = g;
        this.width = width;
        this.height = height;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    private static Color color(int argb) {
        return new Color(argb, true);
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
        g.setColor(color(argb));
        g.fill(new Rectangle2D.Double(0, 0, width, height));
    }

    @Override
    public void fillRings(double[][] xs, double[][] ys, int[] counts, int argb) {
        Path2D.Double path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
        for (int r = 0; r < counts.length; r++) {
            append(path, xs[r], ys[r], counts[r], true);
        }
        g.setColor(color(argb));
        g.fill(path);
    }

    private static void append(Path2D.Double path, double[] xs, double[] ys, int n, boolean close) {
        path.moveTo(xs[0], ys[0]);
        for (int i = 1; i < n; i++) {
            path.lineTo(xs[i], ys[i]);
        }
        if (close) {
            path.closePath();
        }
    }

    @Override
    public void strokePolyline(double[] xs, double[] ys, int count, int argb, double lineWidth) {
        Path2D.Double path = new Path2D.Double();
        append(path, xs, ys, count, false);
        stroke(path, argb, lineWidth);
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int count, int argb) {
        Path2D.Double path = new Path2D.Double();
        append(path, xs, ys, count, true);
        g.setColor(color(argb));
        g.fill(path);
    }

    @Override
    public void strokePolygon(double[] xs, double[] ys, int count, int argb, double lineWidth) {
        Path2D.Double path = new Path2D.Double();
        append(path, xs, ys, count, true);
        stroke(path, argb, lineWidth);
    }

    private void stroke(java.awt.Shape shape, int argb, double lineWidth) {
        g.setColor(color(argb));
        g.setStroke(new BasicStroke((float) lineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(shape);
    }

    @Override
    public void fillCircle(double cx, double cy, double r, int argb) {
        g.setColor(color(argb));
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
    }

    @Override
    public void strokeCircle(double cx, double cy, double r, int argb, double lineWidth) {
        stroke(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r), argb, lineWidth);
    }

    @Override
    public void strokeArc(double cx, double cy, double r, double startDeg, double extentDeg, int argb,
                          double lineWidth) {
        // MapCanvas: 0° at 12 o'clock, clockwise. Java2D: 0° at 3 o'clock, counter-clockwise.
        Arc2D.Double arc = new Arc2D.Double(cx - r, cy - r, 2 * r, 2 * r, 90 - startDeg, -extentDeg, Arc2D.OPEN);
        g.setColor(color(argb));
        g.setStroke(new BasicStroke((float) lineWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        g.draw(arc);
    }

    @Override
    public void fillPie(double cx, double cy, double r, double startDeg, double extentDeg, int argb) {
        g.setColor(color(argb));
        g.fill(new Arc2D.Double(cx - r, cy - r, 2 * r, 2 * r, 90 - startDeg, -extentDeg, Arc2D.PIE));
    }

    @Override
    public void fillRect(double x, double y, double w, double h, int argb) {
        g.setColor(color(argb));
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, int argb, double lineWidth) {
        stroke(new Rectangle2D.Double(x, y, w, h), argb, lineWidth);
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2, int argb, double lineWidth) {
        stroke(new Line2D.Double(x1, y1, x2, y2), argb, lineWidth);
    }

    @Override
    public void text(String text, double x, double y, double size, boolean bold, int argb, Align align) {
        g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, (int) Math.round(size)));
        FontMetrics fm = g.getFontMetrics();
        double w = fm.stringWidth(text);
        double left = switch (align) {
            case LEFT -> x;
            case CENTER -> x - w / 2;
            case RIGHT -> x - w;
        };
        g.setColor(color(argb));
        g.drawString(text, (float) left, (float) (y + (fm.getAscent() - fm.getDescent()) / 2.0));
    }
}
