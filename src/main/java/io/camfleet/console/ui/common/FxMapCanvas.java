package io.camfleet.console.ui.common;

import io.camfleet.console.service.map.MapCanvas;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.HashMap;
import java.util.Map;

/** A {@link MapCanvas} over a JavaFX canvas. FX thread only. */
public final class FxMapCanvas implements MapCanvas {

    private final GraphicsContext g;
    private final Map<Integer, Color> colors = new HashMap<>();
    private final Map<String, Font> fonts = new HashMap<>();

    public FxMapCanvas(GraphicsContext g) {
        this.g = g;
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        g.setTextBaseline(VPos.CENTER);
    }

    private Color color(int argb) {
        return colors.computeIfAbsent(argb, c -> Color.rgb((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF,
                ((c >>> 24) & 0xFF) / 255.0));
    }

    @Override
    public double width() {
        return g.getCanvas().getWidth();
    }

    @Override
    public double height() {
        return g.getCanvas().getHeight();
    }

    @Override
    public void fillAll(int argb) {
        g.setFill(color(argb));
        g.fillRect(0, 0, width(), height());
    }

    @Override
    public void fillRings(double[][] xs, double[][] ys, int[] counts, int argb) {
        g.beginPath();
        for (int r = 0; r < counts.length; r++) {
            g.moveTo(xs[r][0], ys[r][0]);
            for (int i = 1; i < counts[r]; i++) {
                g.lineTo(xs[r][i], ys[r][i]);
            }
            g.closePath();
        }
        g.setFillRule(FillRule.EVEN_ODD);
        g.setFill(color(argb));
        g.fill();
    }

    @Override
    public void strokePolyline(double[] xs, double[] ys, int count, int argb, double lineWidth) {
        g.setStroke(color(argb));
        g.setLineWidth(lineWidth);
        g.strokePolyline(xs, ys, count);
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int count, int argb) {
        g.setFill(color(argb));
        g.fillPolygon(xs, ys, count);
    }

    @Override
    public void strokePolygon(double[] xs, double[] ys, int count, int argb, double lineWidth) {
        g.setStroke(color(argb));
        g.setLineWidth(lineWidth);
        g.strokePolygon(xs, ys, count);
    }

    @Override
    public void fillCircle(double cx, double cy, double r, int argb) {
        g.setFill(color(argb));
        g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
    }

    @Override
    public void strokeCircle(double cx, double cy, double r, int argb, double lineWidth) {
        g.setStroke(color(argb));
        g.setLineWidth(lineWidth);
        g.strokeOval(cx - r, cy - r, 2 * r, 2 * r);
    }

    @Override
    public void strokeArc(double cx, double cy, double r, double startDeg, double extentDeg, int argb,
                          double lineWidth) {
        // MapCanvas: 0° at 12 o'clock, clockwise. JavaFX: 0° at 3 o'clock, counter-clockwise.
        g.setStroke(color(argb));
        g.setLineWidth(lineWidth);
        g.setLineCap(StrokeLineCap.BUTT);
        g.strokeArc(cx - r, cy - r, 2 * r, 2 * r, 90 - startDeg, -extentDeg, ArcType.OPEN);
        g.setLineCap(StrokeLineCap.ROUND);
    }

    @Override
    public void fillPie(double cx, double cy, double r, double startDeg, double extentDeg, int argb) {
        g.setFill(color(argb));
        g.fillArc(cx - r, cy - r, 2 * r, 2 * r, 90 - startDeg, -extentDeg, ArcType.ROUND);
    }

    @Override
    public void fillRect(double x, double y, double w, double h, int argb) {
        g.setFill(color(argb));
        g.fillRect(x, y, w, h);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, int argb, double lineWidth) {
        g.setStroke(color(argb));
        g.setLineWidth(lineWidth);
        g.strokeRect(x, y, w, h);
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2, int argb, double lineWidth) {
        g.setStroke(color(argb));
        g.setLineWidth(lineWidth);
        g.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void text(String text, double x, double y, double size, boolean bold, int argb, Align align) {
        g.setFont(fonts.computeIfAbsent(size + (bold ? "b" : ""),
                k -> Font.font(null, bold ? FontWeight.BOLD : FontWeight.NORMAL, size)));
        g.setTextAlign(switch (align) {
            case LEFT -> TextAlignment.LEFT;
            case CENTER -> TextAlignment.CENTER;
            case RIGHT -> TextAlignment.RIGHT;
        });
        g.setFill(color(argb));
        g.fillText(text, x, y);
    }
}
