package io.camfleet.console.service.devices;

import io.camfleet.console.domain.devices.DeviceEvent;
import io.camfleet.console.domain.devices.ProvisionRequest;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.common.Problem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The devices store in memory, for service tests: the same contract as the JDBC store (history of what a replace
 * changed, all-or-none queueing, a claim only one caller wins), each method atomic under the store's lock.
 */
public final class MemoryDeviceStore implements DeviceStore {

    private CachedDevices cached = CachedDevices.EMPTY;
    private final List<DeviceEvent> history = new ArrayList<>();
    private final Map<String, ProvisionRequest> queue = new LinkedHashMap<>();
    /** How many times each serial was claimed successfully: a test of exactly-once reads it. */
    public final Map<String, Integer> claims = new LinkedHashMap<>();
    public int replaces;

    @Override
    public synchronized CachedDevices read() {
        return cached;
    }

    @Override
    public synchronized List<DeviceEvent> replace(List<ReviewDevice> devices, Instant asOf, String source) {
        Map<String, ReviewDevice> before = new LinkedHashMap<>();
        cached.devices().forEach(d -> before.put(d.id(), d));
        List<DeviceEvent> events = new ArrayList<>();
        for (ReviewDevice d : devices) {
            ReviewDevice old = before.remove(d.id());
            if (old == null) {
                events.add(state(d.id(), asOf, "device", "", "listed"));
                continue;
            }
            change(events, old, d, asOf, "status", ReviewDevice::status);
            change(events, old, d, asOf, "reviewer", ReviewDevice::reviewer);
            change(events, old, d, asOf, "orgUnit", ReviewDevice::orgUnit);
            change(events, old, d, asOf, "osVersion", ReviewDevice::osVersion);
        }
        before.keySet().forEach(id -> events.add(state(id, asOf, "device", "listed", "gone")));
        cached = new CachedDevices(devices, asOf, source);
        history.addAll(events);
        replaces++;
        return events;
    }

    private static void change(List<DeviceEvent> events, ReviewDevice old, ReviewDevice now, Instant at, String what,
                               Function<ReviewDevice, String> field) {
        if (!field.apply(old).equals(field.apply(now))) {
            events.add(state(now.id(), at, what, field.apply(old), field.apply(now)));
        }
    }

    private static DeviceEvent state(String id, Instant at, String what, String before, String after) {
        return new DeviceEvent(id, at, DeviceEvent.Kind.STATE, what, before, after, "sync", "");
    }

    @Override
    public synchronized void update(ReviewDevice device) {
        List<ReviewDevice> devices = new ArrayList<>(cached.devices());
        devices.replaceAll(d -> d.id().equals(device.id()) ? device : d);
        cached = new CachedDevices(devices, cached.asOf(), cached.source());
    }

    @Override
    public synchronized void record(List<DeviceEvent> events) {
        history.addAll(events);
    }

    @Override
    public synchronized List<DeviceEvent> history(String deviceId, int limit) {
        List<DeviceEvent> mine = history.stream().filter(e -> e.deviceId().equals(deviceId)).toList();
        return mine.subList(Math.max(0, mine.size() - limit), mine.size());
    }

    /** Every history line, for tests. */
    public synchronized List<DeviceEvent> allHistory() {
        return List.copyOf(history);
    }

    @Override
    public synchronized void queue(List<ProvisionRequest> requests) {
        for (ProvisionRequest r : requests) {
            ProvisionRequest old = queue.get(r.serial());
            if (old != null && old.state() != ProvisionRequest.State.PROVISIONED) {
                throw Problem.badInput("devices.provision.twice", r.serial());
            }
        }
        requests.forEach(r -> queue.put(r.serial(), r));
    }

    @Override
    public synchronized List<ProvisionRequest> provisioning() {
        return queue.values().stream().sorted(Comparator.comparing(ProvisionRequest::requestedAt).reversed())
                .toList();
    }

    @Override
    public synchronized Optional<ProvisionRequest> provisioning(String serial) {
        return Optional.ofNullable(queue.get(serial));
    }

    @Override
    public synchronized Optional<ProvisionRequest> claim(String serial, String deviceId, Instant now,
                                                         Duration staleAfter) {
        ProvisionRequest r = queue.get(serial);
        if (r == null) {
            return Optional.empty();
        }
        boolean open = r.state() == ProvisionRequest.State.QUEUED || r.state() == ProvisionRequest.State.FAILED;
        boolean stale = r.state() == ProvisionRequest.State.APPLYING
                && !r.claimedAt().plus(staleAfter).isAfter(now);
        if (!open && !stale) {
            return Optional.empty();
        }
        ProvisionRequest claimed = with(r, ProvisionRequest.State.APPLYING, deviceId, now, null, "");
        queue.put(serial, claimed);
        claims.merge(serial, 1, Integer::sum);
        return Optional.of(claimed);
    }

    @Override
    public synchronized boolean provisioned(String serial, Instant at) {
        ProvisionRequest r = queue.get(serial);
        if (r == null || r.state() != ProvisionRequest.State.APPLYING) {
            return false;
        }
        queue.put(serial, with(r, ProvisionRequest.State.PROVISIONED, r.deviceId(), r.claimedAt(), at, ""));
        return true;
    }

    @Override
    public synchronized void failed(String serial, String reason) {
        ProvisionRequest r = queue.get(serial);
        if (r != null && r.state() == ProvisionRequest.State.APPLYING) {
            queue.put(serial, with(r, ProvisionRequest.State.FAILED, r.deviceId(), r.claimedAt(), null,
                    Objects.requireNonNullElse(reason, "")));
        }
    }

    @Override
    public synchronized boolean cancel(String serial) {
        ProvisionRequest r = queue.get(serial);
        if (r == null || r.state() == ProvisionRequest.State.PROVISIONED) {
            return false;
        }
        queue.remove(serial);
        return true;
    }

    private static ProvisionRequest with(ProvisionRequest r, ProvisionRequest.State state, String deviceId,
                                         Instant claimedAt, Instant provisionedAt, String failure) {
        return new ProvisionRequest(r.serial(), r.reviewer(), r.location(), r.assetId(), r.orgUnit(), state,
                deviceId, r.requestedBy(), r.requestedAt(), claimedAt, provisionedAt, failure);
    }
}
