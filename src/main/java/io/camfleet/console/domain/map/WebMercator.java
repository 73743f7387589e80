package io.camfleet.console.domain.map;

/**
 * Web Mercator, the projection of web maps, in "world units": the whole world is the unit square, x growing east
 * from the antimeridian and y growing south from 85.0511° N. Latitudes beyond ±{@value #MAX_LATITUDE}° are clamped, as
 * every web map does, because the poles lie at infinity.
 */
public final class WebMercator {

    /** The latitude at which the projected world is square. */
    public static final double MAX_LATITUDE = 85.05112878;
    /** Earth's equatorial circumference in metres (WGS84), for scale bars. */
    public static final double EARTH_CIRCUMFERENCE_M = 40_075_016.686;

    private WebMercator() {
    }

    public static double x(double longitude) {
        return (longitude + 180.0) / 360.0;
    }

    public static double y(double latitude) {
        double lat = Math.toRadians(Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, latitude)));
        return (1.0 - Math.log(Math.tan(lat) + 1.0 / Math.cos(lat)) / Math.PI) / 2.0;
    }

    public static double longitude(double x) {
        return x * 360.0 - 180.0;
    }

    public static double latitude(double y) {
        return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1.0 - 2.0 * y))));
    }

    /** Metres on the ground per world unit at {@code latitude}: the scale bar's length. */
    public static double metresPerWorldUnit(double latitude) {
        return EARTH_CIRCUMFERENCE_M * Math.cos(Math.toRadians(latitude));
    }
}
