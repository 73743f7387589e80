package io.camfleet.console.ui.deploy;

import io.camfleet.console.service.map.MapCanvas;

import java.util.ArrayList;
import java.util.List;

/** A canvas that remembers the discs and slices painted on it: what a map shows, without a screen. */
final class RecordingCanvas implements MapCanvas {

    /** One disc or slice: where, how far round (360 for a whole disc), in which colour. */
    record Fill(double x, double y, double r, double extent, int argb) {
    }

    final List<Fill> fills = new ArrayList<>();

    /** The colours painted at a point, in the order painted. */
    List<Integer> coloursAt(double x, double y) {
        return fills.stream().filter(f -> Math.abs(f.x() - x) < 0.5 && Math.abs(f.y() - y) < 0.5)
                .map(Fill::argb).toList();
    }

    @Override
    public double width() {
        return 800;
    }

    @Override
    public double height() {
        return 600;
    }

    @Override
    public void fillCircle(double cx, double cy, double r, int argb) {
        fills.add(new Fill(cx, cy, r, 360, argb));
    }

    @Override
    public void fillPie(double cx, double cy, double r, double startDeg, double extentDeg, int argb) {
        fills.add(new Fill(cx, cy, r, extentDeg, argb));
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
    }

    @Override
    public void strokePolygon(double[] xs, double[] ys, int count, int argb, double lineWidth) {
    }

    @Override
    public void strokeCircle(double cx, double cy, double r, int argb, double lineWidth) {
    }

    @Override
    public void strokeArc(double cx, double cy, double r, double startDeg, double extentDeg, int argb,
                          double lineWidth) {
    }

    @Override
    public void fillRect(double x, double y, double w, double h, int argb) {
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, int argb, double lineWidth) {
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2, int argb, double lineWidth) {
    }

    @Override
    public void text(String text, double x, double y, double size, boolean bold, int argb, Align align) {
    }
}
