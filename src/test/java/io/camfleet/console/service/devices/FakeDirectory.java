package io.camfleet.console.service.devices;

import io.camfleet.console.domain.devices.DeviceAction;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ReviewDevice;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * A directory scripted by the test, for service tests. Pages are cut from the devices as they are when each page is
 * asked for (the page token is the offset), so that a device added or removed between pages shifts the listing the
 * way the real API's does: a device seen twice, or one never seen. Actions change the devices held here, and every
 * call is recorded.
 */
public final class FakeDirectory implements DeviceDirectory {

    /** One call of {@link #act}. */
    public record ActCall(DeviceAction action, List<String> ids, String parameter, String reason) {
    }

    /** One call of {@link #list}. */
    public record ListCall(DeviceType type, String pageToken, int pageSize) {
    }

    private final Map<DeviceType, List<ReviewDevice>> devices = new EnumMap<>(DeviceType.class);
    public final List<ListCall> listCalls = new CopyOnWriteArrayList<>();
    public final List<ActCall> actCalls = new CopyOnWriteArrayList<>();
    public final List<Map<String, String>> annotations = new CopyOnWriteArrayList<>();
    /** Device id → the directory's reason for refusing any action on it. */
    public final Map<String, String> refuse = new ConcurrentHashMap<>();
    /** Run before each page is cut: (type, page number from 1); it may change the devices or throw. */
    public volatile BiConsumer<DeviceType, Integer> beforePage = (t, p) -> { };
    /** Run before each annotation is applied (a test slows it down to overlap two consoles). */
    public volatile Runnable beforeAnnotate = () -> { };
    /** Thrown by the act call of this number (from 1), once; null for none. */
    public volatile Integer failActCall;
    public volatile RuntimeException actFailure;
    public volatile DirectoryAccess access = DirectoryAccess.FULL;
    public volatile Set<String> group = Set.of();
    public volatile RuntimeException groupFailure;
    /** Calls each page reports (retries included). */
    public volatile int callsPerPage = 1;

    public FakeDirectory(List<ReviewDevice> initial) {
        for (DeviceType t : DeviceType.values()) {
            devices.put(t, Collections.synchronizedList(new ArrayList<>()));
        }
        initial.forEach(this::put);
    }

    public void put(ReviewDevice d) {
        List<ReviewDevice> list = devices.get(d.type());
        synchronized (list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).id().equals(d.id())) {
                    list.set(i, d);
                    return;
                }
            }
            list.add(d);
        }
    }

    /** Inserts a device at a position in its type's listing order. */
    public void insert(int index, ReviewDevice d) {
        devices.get(d.type()).add(index, d);
    }

    public void remove(String id) {
        devices.values().forEach(l -> l.removeIf(d -> d.id().equals(id)));
    }

    public ReviewDevice device(String id) {
        return devices.values().stream().flatMap(List::stream).filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow();
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public DirectoryAccess access() {
        return access;
    }

    @Override
    public DevicePage list(DeviceType type, DeviceQuery query, String pageToken) {
        int size = Math.min(query.pageSize(), type == DeviceType.CHROMEOS ? 300 : 100);
        listCalls.add(new ListCall(type, pageToken, size));
        int offset = pageToken == null ? 0 : Integer.parseInt(pageToken);
        beforePage.accept(type, offset / size + 1);
        List<ReviewDevice> all;
        List<ReviewDevice> list = devices.get(type);
        synchronized (list) {
            all = List.copyOf(list);
        }
        List<ReviewDevice> page = all.subList(Math.min(offset, all.size()), Math.min(offset + size, all.size()));
        String next = offset + size < all.size() ? Integer.toString(offset + size) : null;
        return new DevicePage(page, next, callsPerPage);
    }

    @Override
    public Optional<ReviewDevice> get(DeviceType type, String id) {
        return devices.get(type).stream().filter(d -> d.id().equals(id)).findFirst();
    }

    @Override
    public ReviewDevice annotate(String deviceId, Map<String, String> fields) {
        beforeAnnotate.run();
        annotations.add(new LinkedHashMap<>(fields));
        ReviewDevice d = device(deviceId);
        ReviewDevice after = new ReviewDevice(d.id(), d.type(), d.serial(), d.model(), d.status(),
                fields.getOrDefault("annotatedUser", d.reviewer()), fields.getOrDefault("annotatedLocation",
                d.location()), fields.getOrDefault("annotatedAssetId", d.assetId()),
                fields.getOrDefault("orgUnitPath", d.orgUnit()), d.osVersion(), d.lastSync(), d.autoUpdateEnd(),
                d.lastEnrollment(), d.recentUsers(), fields.getOrDefault("notes", d.notes()));
        put(after);
        return after;
    }

    @Override
    public ActionOutcome act(DeviceAction action, List<String> deviceIds, String parameter, String reason) {
        actCalls.add(new ActCall(action, List.copyOf(deviceIds), parameter, reason));
        if (failActCall != null && failActCall == actCalls.size()) {
            throw actFailure;
        }
        if (deviceIds.size() > 50) {
            throw new IllegalArgumentException("batchChangeStatus takes at most 50 devices, not " + deviceIds.size());
        }
        List<String> done = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (String id : deviceIds) {
            String refusal = refuse.get(id);
            if (refusal != null) {
                failed.put(id, refusal);
                continue;
            }
            ReviewDevice d = device(id);
            ActionPreview.Change c = switch (action) {
                case DISABLE -> new ActionPreview.Change(d, "status", d.status(), "DISABLED");
                case REENABLE -> new ActionPreview.Change(d, "status", d.status(), "ACTIVE");
                case DEPROVISION -> new ActionPreview.Change(d, "status", d.status(), "DEPROVISIONED");
                case MOVE -> new ActionPreview.Change(d, "orgUnit", d.orgUnit(), parameter);
                case ASSIGN -> new ActionPreview.Change(d, "reviewer", d.reviewer(), parameter);
                case APPROVE -> new ActionPreview.Change(d, "status", d.status(), "APPROVED");
                case BLOCK -> new ActionPreview.Change(d, "status", d.status(), "BLOCKED");
                default -> new ActionPreview.Change(d, "command", "", action.name());
            };
            put(ActionPlan.after(c));
            done.add(id);
        }
        boolean oneCallEach = action == DeviceAction.REBOOT || action == DeviceAction.SCREENSHOT
                || action.type() == DeviceType.ANDROID;
        return new ActionOutcome(done, failed, oneCallEach ? deviceIds.size() : 1);
    }

    @Override
    public Set<String> groupMembers(String groupEmail) {
        if (groupFailure != null) {
            throw groupFailure;
        }
        return group;
    }
}
