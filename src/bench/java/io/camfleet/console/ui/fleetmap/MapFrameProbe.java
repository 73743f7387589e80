package io.camfleet.console.ui.fleetmap;

import io.camfleet.console.bench.Bench;
import io.camfleet.console.ui.common.FxMapCanvas;
import io.camfleet.console.service.map.Basemap;
import io.camfleet.console.ui.common.FxMapCanvas;
import io.camfleet.console.service.map.FleetMapIndex;
import io.camfleet.console.service.map.MapPainter;
import io.camfleet.console.service.map.MapView;
import javafx.application.Platform;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;

import java.util.concurrent.CompletableFuture;

/** Times map frames on a real JavaFX canvas, drawn on the FX thread and read back so the drawing is done. */
public final class MapFrameProbe {

    private final Canvas canvas;
    private final FxMapCanvas surface;
    private final WritableImage image;

    private MapFrameProbe(int width, int height) {
        canvas = new Canvas(width, height);
        surface = new FxMapCanvas(canvas.getGraphicsContext2D());
        image = new WritableImage(width, height);
    }

    /** Call once the toolkit runs. */
    public static MapFrameProbe create(int width, int height) throws Exception {
        CompletableFuture<MapFrameProbe> made = new CompletableFuture<>();
        Platform.runLater(() -> made.complete(new MapFrameProbe(width, height)));
        return made.get();
    }

    /** Median of cluster query + drawing (shape by shape, as on screen) + read-back, over {@code frames} frames. */
    public double medianFrameMillis(FleetMapIndex index, MapView view, MapPainter painter, int frames)
            throws Exception {
        return onFx(frames, () -> {
            canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
            painter.paintItems(surface, index.query(view, MapPainter.CLUSTER_CELL_PX), -1);
            canvas.snapshot(new SnapshotParameters(), image);
        });
    }

    /** Clearing and reading back alone: what every frame pays before drawing anything. */
    public double medianEmptyFrameMillis(int frames) throws Exception {
        return onFx(frames, () -> {
            canvas.getGraphicsContext2D().clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
            canvas.snapshot(new SnapshotParameters(), image);
        });
    }

    public double medianBasemapMillis(Basemap basemap, MapView view, MapPainter painter, int frames)
            throws Exception {
        return onFx(frames, () -> {
            painter.paintBasemap(surface, basemap, view);
            canvas.snapshot(new SnapshotParameters(), image);
        });
    }

    private static double onFx(int frames, Runnable frame) throws Exception {
        CompletableFuture<Double> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            double[] t = new double[frames];
            for (int i = -10; i < frames; i++) {
                long start = System.nanoTime();
                frame.run();
                if (i >= 0) {
                    t[i] = (System.nanoTime() - start) / 1e6;
                }
            }
            result.complete(Bench.median(t));
        });
        return result.get();
    }
}
