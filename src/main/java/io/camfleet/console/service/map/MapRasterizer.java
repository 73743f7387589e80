package io.camfleet.console.service.map;

import java.util.function.Consumer;

/** Port: paints on an off-screen image and encodes it as PNG. */
public interface MapRasterizer {

    byte[] png(int width, int height, Consumer<MapCanvas> painting);
}
