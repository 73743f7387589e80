package io.camfleet.console.service.environments;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.CameraTelemetry;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.service.fleet.FleetData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** A sync cache in memory: one environment's rows, the pages written, and what a test tells it to clip. */
final class MemorySyncCache implements SyncCache {

    final Map<String, Site> sites = new LinkedHashMap<>();
    final Map<String, CameraSystem> cameras = new LinkedHashMap<>();
    final Map<String, CameraTelemetry> telemetry = new HashMap<>();
    final List<Integer> pageSizes = new ArrayList<>();
    final Map<String, Instant> asOf = new HashMap<>();
    final List<String> removed = new ArrayList<>();
    int reads;
    Boolean lastFull;
    /** When the last sync that read everything started, by environment. */
    final Map<String, Instant> fullAt = new HashMap<>();
    /** Run after each finishSync has committed: a test's crash, say. */
    Runnable afterFinish = () -> { };
    /** Clip notes per record id, returned when that record is written. */
    Function<String, List<Clipped>> clip = id -> List.of();

    @Override
    public FleetData readEnvironment(String environment) {
        reads++;
        return new FleetData(List.copyOf(sites.values()), List.copyOf(cameras.values()), Map.copyOf(telemetry));
    }

    @Override
    public List<Clipped> writePage(String environment, List<Site> s, List<CameraSystem> c,
                                   Map<String, CameraTelemetry> t) {
        pageSizes.add(s.size() + c.size());
        List<Clipped> notes = new ArrayList<>();
        s.forEach(x -> {
            sites.put(x.id(), x);
            notes.addAll(clip.apply(x.id()));
        });
        c.forEach(x -> {
            cameras.put(x.id(), x);
            notes.addAll(clip.apply(x.id()));
        });
        telemetry.putAll(t);
        return notes;
    }

    @Override
    public void finishSync(String environment, Collection<String> goneSites, Collection<String> goneCameras,
                           String source, Instant at, boolean full) {
        goneSites.forEach(sites::remove);
        goneCameras.forEach(cameras::remove);
        removed.addAll(goneSites);
        removed.addAll(goneCameras);
        asOf.put(environment, at);
        lastFull = full;
        if (full) {
            fullAt.put(environment, at);
        }
        afterFinish.run();
    }

    @Override
    public java.util.Optional<Instant> lastFullSync(String environment) {
        return java.util.Optional.ofNullable(fullAt.get(environment));
    }

    @Override
    public List<Removed> retainEnvironments(Set<String> environments) {
        return List.of();
    }

    @Override
    public Map<String, Instant> environmentsAsOf() {
        return Map.copyOf(asOf);
    }
}
