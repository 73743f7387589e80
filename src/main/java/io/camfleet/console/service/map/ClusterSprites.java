package io.camfleet.console.service.map;

import java.util.function.Consumer;

/**
 * Optional: keeps finished cluster pictures, so that a frame draws each cluster as one image instead of a dozen
 * anti-aliased shapes (which dominate the frame time on a software pipeline). A cluster's look is fully named by
 * its {@code look} string; the picture is painted once, centred, the first time a look is seen.
 */
public interface ClusterSprites {

    /** Draws the picture for {@code look} centred at (x, y), if there is one; false otherwise. */
    boolean draw(String look, double x, double y);

    /** Paints a picture {@code size} pixels square with {@code paint} (centre at size/2) and keeps it. */
    void create(String look, double size, Consumer<MapCanvas> paint);
}
