package io.camfleet.console.service.fleet;

import io.camfleet.console.service.common.Progress;
import io.camfleet.console.domain.fleet.CameraTelemetry;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** A fleet source for tests and benchmarks: loads what it is given; its next poll returns what was put in {@link #next()}. */
public final class TestFleetSource implements FleetSource {

    private final String name;
    private final Function<Instant, FleetData> load;
    private final Map<String, CameraTelemetry> next = new HashMap<>();

    public TestFleetSource(String name, Function<Instant, FleetData> load) {
        this.name = name;
        this.load = load;
    }

    /** Telemetry the next poll returns, then forgets. Fill it from the thread that polls. */
    public Map<String, CameraTelemetry> next() {
        return next;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public FleetData load(Instant now, Progress progress) {
        return load.apply(now);
    }

    @Override
    public Map<String, CameraTelemetry> poll(Instant now) {
        Map<String, CameraTelemetry> out = Map.copyOf(next);
        next.clear();
        return out;
    }
}
