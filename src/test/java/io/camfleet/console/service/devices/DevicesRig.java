package io.camfleet.console.service.devices;

import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.InMemoryAuditAnchor;
import io.camfleet.console.service.audit.InMemoryAuditTrail;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.TestClock;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** A devices service over a scripted directory and an in-memory store and audit trail, at {@link TestDevices#NOW}. */
public final class DevicesRig {

    public final TestClock clock = new TestClock(TestDevices.NOW);
    public final MemoryDeviceStore store;
    public final FakeDirectory directory;
    public final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    public final AuditService audit;
    public final AtomicReference<DeviceSettings> settings = new AtomicReference<>(DeviceSettings.DEFAULTS);
    public final DevicesService service;

    public DevicesRig(List<ReviewDevice> devices) {
        this(new FakeDirectory(devices), new MemoryDeviceStore(), "alice");
    }

    /** Another console on the same directory and store (a team sharing PostgreSQL). */
    public DevicesRig(FakeDirectory directory, MemoryDeviceStore store, String operator) {
        this.directory = directory;
        this.store = store;
        this.audit = new AuditService(trail, new InMemoryAuditAnchor(), new Operator(operator, ""), clock);
        this.service = new DevicesService(directory, store, audit, settings::get, clock);
    }

    /** The audit events of an action, oldest first. */
    public List<AuditEvent> audited(String action) {
        synchronized (trail) {
            return trail.events.stream().filter(e -> e.action().equals(action)).toList();
        }
    }

    public List<AuditEvent> audited(String action, AuditOutcome outcome) {
        return audited(action).stream().filter(e -> e.outcome() == outcome).toList();
    }

    public ReviewDevice cached(String id) {
        return store.read().devices().stream().filter(d -> d.id().equals(id)).findFirst().orElseThrow();
    }
}
