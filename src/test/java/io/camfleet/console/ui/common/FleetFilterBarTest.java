package io.camfleet.console.ui.common;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.FleetService;
import io.camfleet.console.service.fleet.Fleets;
import io.camfleet.console.service.fleet.TestFleetSource;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import static io.camfleet.console.service.fleet.Fleets.beating;
import static org.assertj.core.api.Assertions.assertThat;

/** The filter chips above the map and the table: live counts must not move the screen below them. */
@ExtendWith(ApplicationExtension.class)
class FleetFilterBarTest {

    private static final int SITES = 100;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-26T12:00:00Z"));
    private TestFleetSource source;
    private FleetService fleet;
    private FlowPane chips;
    private VBox holder;

    @Start
    void start(Stage stage) {
        List<Site> sites = new ArrayList<>();
        List<CameraSystem> cameras = new ArrayList<>();
        for (int i = 0; i < SITES; i++) {
            sites.add(new Site("S" + i, "Site " + i, "C", "NL", "EU", 52.0, 4.0 + i * 0.01, "UTC", SlaTier.GOLD, ""));
            cameras.add(Fleets.camera("S" + i + "-1", "S" + i, "1"));
        }
        source = new TestFleetSource("Test", now -> {
            Map<String, CameraTelemetry> t = new HashMap<>();
            cameras.forEach(c -> t.put(c.id(), beating(now)));
            return new FleetData(sites, cameras, t);
        });
        fleet = Fleets.uncached(source, clock);
        FleetModel model = new FleetModel(Platform::runLater, Runnable::run);
        fleet.addListener(model);
        FleetFilterBar bar = new FleetFilterBar(model, new Messages(Locale.ENGLISH));
        chips = (FlowPane) bar.chips();
        holder = new VBox(chips);
        stage.setScene(new Scene(new StackPane(holder), 1800, 300));
        stage.show();
    }

    /** Every camera beats, except those of the first {@code silent} sites, which go offline. */
    private void tick(int silent) {
        clock.advance(Duration.ofSeconds(100));
        for (int i = silent; i < SITES; i++) {
            source.next().put("S" + i + "-1", beating(clock.instant()));
        }
        fleet.tick();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    private double rowWidth() {
        double w = 0;
        int n = 0;
        for (Node c : chips.getChildren()) {
            if (c.isManaged() && c instanceof ToggleButton) {
                w += c.getLayoutBounds().getWidth();
                n++;
            }
        }
        return w + chips.getHgap() * (n - 1);
    }

    @Test
    void countsThatTickUpAndDownNeverChangeTheHeightOfTheChipRow() throws Exception {
        fleet.reload(Progress.NONE);          // Offline 0, Online 100
        WaitForAsyncUtils.waitForFxEvents();
        tick(1);                              // Offline 1, Online 99: a digit narrower
        double chipHeight = onFx(() -> chips.getChildren().get(0).getLayoutBounds().getHeight());
        double row = onFx(this::rowWidth);
        // Just wide enough for the chips as they are now, as a window can be.
        WaitForAsyncUtils.asyncFx(() -> {
            holder.setMinWidth(row + 2);
            holder.setMaxWidth(row + 2);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> chips.getHeight())).as("one row, no empty row under it").isEqualTo(chipHeight);
        for (int silent : new int[] {0, 1, 0, 1}) {
            tick(silent);
            assertThat(onFx(() -> chips.getHeight())).as("with %s offline", silent).isEqualTo(chipHeight);
        }
    }
}
