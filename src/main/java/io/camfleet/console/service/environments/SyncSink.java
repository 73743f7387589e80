package io.camfleet.console.service.environments;

import io.camfleet.console.service.common.Problem;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.Site;

import java.util.List;
import java.util.Map;

/**
 * Where an {@link EnvironmentReader} delivers what it reads, a page at a time: all the sites first, then the camera
 * systems with their telemetry. Each call is one page, written to the cache in one transaction.
 */
public interface SyncSink {

    void sites(List<Site> page);

    void cameras(List<CameraSystem> page, Map<String, CameraTelemetry> telemetry);

    /** The source is throttling us and the call is being retried; {@code operation} names the call. */
    void throttled(String operation);

    /** Part of the environment could not be read, but the rest could: health metrics refused, say. */
    void warning(Problem problem);

    /** One call to the source is about to be made; {@code operation} names it (retries are told as throttled). */
    default void called(String operation) {
    }

    /** How the reader reads this environment's inventory, told once before the first page. */
    default void readThrough(SyncReport.Path path) {
    }
}
