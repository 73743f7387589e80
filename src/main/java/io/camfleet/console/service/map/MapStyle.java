package io.camfleet.console.service.map;

/** The map's colours (ARGB) for a light or a dark console. */
public record MapStyle(int water, int land, int border, int text, int halo, int clusterFill, int selection) {

    public static final MapStyle LIGHT = new MapStyle(0xFFD4E3EE, 0xFFF6F5F1, 0xFFB4BCC6, 0xFF1F2328, 0xFFFFFFFF,
            0xFFFFFFFF, 0xFF0969DA);
    public static final MapStyle DARK = new MapStyle(0xFF0B1220, 0xFF1D2533, 0xFF3D4757, 0xFFE6EDF3, 0xFF0D1117,
            0xFF161B22, 0xFF58A6FF);

    public static MapStyle of(boolean dark) {
        return dark ? DARK : LIGHT;
    }
}
