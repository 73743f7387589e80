package io.camfleet.console.service.map;

/**
 * A surface the map is painted on: a JavaFX canvas on screen, a Java2D image for PNG snapshots. Colours are ARGB.
 * Coordinates are pixels, origin top left.
 */
public interface MapCanvas {

    double width();

    double height();

    void fillAll(int argb);

    /** Fills one polygon made of several rings with the even-odd rule, so that holes (lakes) stay open. */
    void fillRings(double[][] xs, double[][] ys, int[] counts, int argb);

    void strokePolyline(double[] xs, double[] ys, int count, int argb, double lineWidth);

    void fillPolygon(double[] xs, double[] ys, int count, int argb);

    void strokePolygon(double[] xs, double[] ys, int count, int argb, double lineWidth);

    void fillCircle(double cx, double cy, double r, int argb);

    void strokeCircle(double cx, double cy, double r, int argb, double lineWidth);

    /** An arc of a circle's outline; angles in degrees, 0 at 12 o'clock, clockwise. */
    void strokeArc(double cx, double cy, double r, double startDeg, double extentDeg, int argb, double lineWidth);

    /** A slice of a disc; angles as for {@link #strokeArc}. */
    void fillPie(double cx, double cy, double r, double startDeg, double extentDeg, int argb);

    void fillRect(double x, double y, double w, double h, int argb);

    void strokeRect(double x, double y, double w, double h, int argb, double lineWidth);

    void strokeLine(double x1, double y1, double x2, double y2, int argb, double lineWidth);

    /** Text whose middle is at height y, and whose left edge, centre or right edge is at x. */
    void text(String text, double x, double y, double size, boolean bold, int argb, Align align);

    /** Where text sits relative to its x. */
    enum Align { LEFT, CENTER, RIGHT }
}
