package io.camfleet.console.ui.fleetmap;

import io.camfleet.console.ui.common.FxMapCanvas;
import io.camfleet.console.service.map.ClusterSprites;
import io.camfleet.console.service.map.MapCanvas;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Cluster pictures for a JavaFX canvas: painted once on a scratch canvas, kept as images (the last 500). */
final class FxClusterSprites implements ClusterSprites {

    private static final int KEEP = 500;

    private final GraphicsContext target;
    private final Map<String, WritableImage> images = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, WritableImage> eldest) {
            return size() > KEEP;
        }
    };
    private final SnapshotParameters transparent = new SnapshotParameters();
    private Canvas scratch;

    FxClusterSprites(GraphicsContext target) {
        this.target = target;
        transparent.setFill(Color.TRANSPARENT);
    }

    @Override
    public boolean draw(String look, double x, double y) {
        WritableImage img = images.get(look);
        if (img == null) {
            return false;
        }
        target.drawImage(img, Math.round(x - img.getWidth() / 2), Math.round(y - img.getHeight() / 2));
        return true;
    }

    @Override
    public void create(String look, double size, Consumer<MapCanvas> paint) {
        int px = (int) Math.ceil(size);
        if (scratch == null || scratch.getWidth() < px) {
            scratch = new Canvas(px, px);
        }
        scratch.setWidth(px);
        scratch.setHeight(px);
        scratch.getGraphicsContext2D().clearRect(0, 0, px, px);
        paint.accept(new FxMapCanvas(scratch.getGraphicsContext2D()));
        images.put(look, scratch.snapshot(transparent, new WritableImage(px, px)));
    }

    /** Forgets every picture: the theme changed. */
    void clear() {
        images.clear();
    }
}
