package io.camfleet.console.service.devices;

import io.camfleet.console.domain.devices.ReviewDevice;

import java.time.Instant;
import java.util.List;

/**
 * The devices as the cache holds them.
 *
 * @param asOf   when they were listed; null before the first sync
 * @param source the directory they came from ({@link DeviceDirectory#name()}); "" before the first sync
 */
public record CachedDevices(List<ReviewDevice> devices, Instant asOf, String source) {

    public static final CachedDevices EMPTY = new CachedDevices(List.of(), null, "");

    public CachedDevices {
        devices = List.copyOf(devices);
    }
}
