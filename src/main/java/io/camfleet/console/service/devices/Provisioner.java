package io.camfleet.console.service.devices;

import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.devices.DeviceAction;
import io.camfleet.console.domain.devices.DeviceEvent;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ProvisionRequest;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.common.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies the provisioning queue to the devices a sync found enrolled: for each queued serial now listed ACTIVE,
 * claims it in the store (only one console, and one sync, ever wins), applies the reviewer, location and asset id,
 * moves it to its org unit, and marks it provisioned. A failure marks it FAILED with why; the next sync tries again.
 */
final class Provisioner {

    private static final Logger LOG = LoggerFactory.getLogger(Provisioner.class);
    /** A claim older than this belongs to a console that died while applying it, and may be taken over. */
    static final Duration STALE_CLAIM = Duration.ofMinutes(10);

    private final DeviceDirectory directory;
    private final DeviceStore store;
    private final AuditService audit;
    private final Clock clock;

    Provisioner(DeviceDirectory directory, DeviceStore store, AuditService audit, Clock clock) {
        this.directory = directory;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    record Result(List<String> provisioned, Map<String, String> failures) {
    }

    Result apply(List<ReviewDevice> listed) {
        Map<String, ReviewDevice> enrolled = new HashMap<>();
        for (ReviewDevice d : listed) {
            if (d.type() == DeviceType.CHROMEOS && d.active() && !d.serial().isBlank()) {
                enrolled.put(serial(d.serial()), d);
            }
        }
        List<String> provisioned = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (ProvisionRequest r : store.provisioning()) {
            ReviewDevice d = enrolled.get(serial(r.serial()));
            if (d == null || r.state() == ProvisionRequest.State.PROVISIONED) {
                continue;
            }
            if (store.claim(r.serial(), d.id(), clock.instant(), STALE_CLAIM).isEmpty()) {
                continue; // another console or sync holds it, or finished it
            }
            try {
                ReviewDevice after = audit.perform(AuditActions.DEVICES_PROVISION, d.id(), parameters(r),
                        () -> applyTo(r, d));
                Instant at = clock.instant();
                if (!store.provisioned(r.serial(), at)) {
                    LOG.warn("Provisioning of {} was finished by another console after this one's claim went stale",
                            r.serial());
                    continue;
                }
                store.update(after);
                store.record(List.of(new DeviceEvent(d.id(), at, DeviceEvent.Kind.PROVISIONED, "provisioned", "",
                        r.orgUnit(), audit.operator().osUser(), "queued by " + r.requestedBy())));
                provisioned.add(r.serial());
            } catch (RuntimeException e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                LOG.warn("Provisioning of {} failed: {}", r.serial(), reason);
                store.failed(r.serial(), reason);
                failures.put(r.serial(), reason);
            }
        }
        return new Result(provisioned, failures);
    }

    /** The annotations in one patch, then the move (the directory's moveDevicesToOu) unless already there. */
    private ReviewDevice applyTo(ProvisionRequest r, ReviewDevice d) {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "annotatedUser", r.reviewer());
        put(fields, "annotatedLocation", r.location());
        put(fields, "annotatedAssetId", r.assetId());
        ReviewDevice after = fields.isEmpty() ? d : directory.annotate(d.id(), fields);
        if (!r.orgUnit().isEmpty() && !r.orgUnit().equals(after.orgUnit())) {
            ActionOutcome moved = directory.act(DeviceAction.MOVE, List.of(d.id()), r.orgUnit(), "");
            if (!moved.allDone()) {
                throw new Problem("devices.provisionMoveFailed", r.serial(), r.orgUnit(),
                        moved.failed().getOrDefault(d.id(), "no reason given"));
            }
            after = ActionPlan.after(new ActionPreview.Change(after, "orgUnit", after.orgUnit(), r.orgUnit()));
        }
        return after;
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (!value.isBlank()) {
            fields.put(name, value);
        }
    }

    private static Map<String, String> parameters(ProvisionRequest r) {
        Map<String, String> p = new TreeMap<>();
        p.put("serial", r.serial());
        p.put("reviewer", r.reviewer());
        p.put("location", r.location());
        p.put("assetId", r.assetId());
        p.put("orgUnit", r.orgUnit());
        p.put("requestedBy", r.requestedBy());
        return p;
    }

    static String serial(String s) {
        return s.strip().toUpperCase(Locale.ROOT);
    }
}
