package io.camfleet.console.service.map;

import io.camfleet.console.domain.map.WebMercator;

/**
 * What a map shows: the world point at its centre (world units, see {@link WebMercator}), the zoom (0 shows the
 * world in {@value #TILE} pixels, each step doubles it), and its size in pixels. Immutable; every move is a new view.
 */
public record MapView(double centerX, double centerY, double zoom, double width, double height) {

    /** Pixels across the whole world at zoom 0, as in web maps. */
    public static final double TILE = 256;
    public static final double MIN_ZOOM = 0.5;
    public static final double MAX_ZOOM = 18;

    public MapView {
        zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom));
        centerY = Math.max(0, Math.min(1, centerY));
        centerX = Math.max(0, Math.min(1, centerX));
    }

    /** Pixels per world unit. */
    public double scale() {
        return TILE * Math.pow(2, zoom);
    }

    public double screenX(double worldX) {
        return (worldX - centerX) * scale() + width / 2;
    }

    public double screenY(double worldY) {
        return (worldY - centerY) * scale() + height / 2;
    }

    public double worldX(double screenX) {
        return (screenX - width / 2) / scale() + centerX;
    }

    public double worldY(double screenY) {
        return (screenY - height / 2) / scale() + centerY;
    }

    /** West, north, east, south edges in world units (y grows south). */
    public double minWorldX() {
        return worldX(0);
    }

    public double maxWorldX() {
        return worldX(width);
    }

    public double minWorldY() {
        return worldY(0);
    }

    public double maxWorldY() {
        return worldY(height);
    }

    public MapView resized(double w, double h) {
        return new MapView(centerX, centerY, zoom, w, h);
    }

    /** Moves the map by a drag of (dx, dy) pixels: what was under the cursor stays under it. */
    public MapView pannedBy(double dx, double dy) {
        return new MapView(centerX - dx / scale(), centerY - dy / scale(), zoom, width, height);
    }

    /** Zooms by {@code steps} (fractional allowed) keeping the world point under (px, py) where it is. */
    public MapView zoomedAround(double px, double py, double steps) {
        double wx = worldX(px);
        double wy = worldY(py);
        double z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, zoom + steps));
        double s = TILE * Math.pow(2, z);
        return new MapView(wx - (px - width / 2) / s, wy - (py - height / 2) / s, z, width, height);
    }

    /**
     * The view that shows the world box [minX, maxX] × [minY, maxY] whole, with {@code padding} pixels around,
     * no closer than {@code maxZoom}.
     */
    public MapView fitted(double minX, double minY, double maxX, double maxY, double padding, double maxZoom) {
        return fitted(minX, minY, maxX, maxY, new Margins(padding, padding, padding, padding), maxZoom);
    }

    /**
     * The view that shows the world box whole inside the view less {@code margins} (pixels kept free on each side,
     * say for a legend), no closer than {@code maxZoom}.
     */
    public MapView fitted(double minX, double minY, double maxX, double maxY, Margins margins, double maxZoom) {
        double w = Math.max(maxX - minX, 1e-9);
        double h = Math.max(maxY - minY, 1e-9);
        double availW = Math.max(1, width - margins.left() - margins.right());
        double availH = Math.max(1, height - margins.top() - margins.bottom());
        double z = Math.min(Math.log(Math.min(availW / w, availH / h) / TILE) / Math.log(2), maxZoom);
        double s = TILE * Math.pow(2, Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z)));
        // The box's centre goes to the centre of the free area, not of the view.
        double cx = (minX + maxX) / 2 - (margins.left() - margins.right()) / 2 / s;
        double cy = (minY + maxY) / 2 - (margins.top() - margins.bottom()) / 2 / s;
        return new MapView(cx, cy, z, width, height);
    }

    /** Pixels kept free along each edge of a view. */
    public record Margins(double top, double right, double bottom, double left) {
    }

    /** The view showing a box of longitudes and latitudes. */
    public MapView fittedToGeo(double west, double south, double east, double north, double padding) {
        return fitted(WebMercator.x(west), WebMercator.y(north), WebMercator.x(east), WebMercator.y(south), padding,
                MAX_ZOOM);
    }

    /** Metres on the ground per pixel at the centre of the view. */
    public double metresPerPixel() {
        return WebMercator.metresPerWorldUnit(WebMercator.latitude(centerY)) / scale();
    }
}
