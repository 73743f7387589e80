package io.camfleet.console.app;

import io.camfleet.console.service.fleet.FleetSnapshot;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * Writes to the log when the window and then the fleet first show, and how long after the launch: what a slow
 * start is judged by, and what the footprint benchmark reads.
 */
final class LoggedStartup implements DesktopWindow.Events {

    private static final Logger LOG = LoggerFactory.getLogger(LoggedStartup.class);

    @Override
    public void windowShown(Stage stage) {
        LOG.info("Window shown {} ms after launch", sinceLaunch());
    }

    @Override
    public void fleetShown(FleetSnapshot snapshot) {
        LOG.info("Fleet shown: {} sites, {} cameras, {} ms after launch", snapshot.siteCount(),
                snapshot.cameraCount(), sinceLaunch());
    }

    private static long sinceLaunch() {
        return ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(-1L);
    }
}
