package io.camfleet.console.service.devices;

import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.devices.DeviceAction;
import io.camfleet.console.domain.devices.DeviceEvent;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.common.Problem;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

/**
 * Sends an action for many devices: refused before anything is sent when the directory may only be read or a reason
 * is missing; then in calls of at most {@link #PER_CALL} devices, as batchChangeStatus allows, each call audited
 * before and after. A call the directory fails as a whole stops the action: the devices not sent are reported so.
 */
final class BulkActions {

    static final int PER_CALL = 50;
    static final int REASON_LIMIT = 500;
    /** The audit trail's target holds 4,000 characters; a longer list of ids is cut short and counted. */
    private static final int TARGET_LIMIT = 3_900;
    /** Room for the failures in an audit event's parameters (8,000 characters in all). */
    private static final int FAILURES_LIMIT = 4_000;

    private final DeviceDirectory directory;
    private final DeviceStore store;
    private final AuditService audit;
    private final Clock clock;

    BulkActions(DeviceDirectory directory, DeviceStore store, AuditService audit, Clock clock) {
        this.directory = directory;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    ActionReport act(DeviceAction action, List<ReviewDevice> devices, String parameter, String reason,
                     Map<String, String> extra) {
        DirectoryAccess access = directory.access();
        if (!access.canAct()) {
            throw new Problem(access.whyNot().isEmpty() ? "devices.readOnly" : access.whyNot(),
                    access.missingScope());
        }
        String why = reason == null ? "" : reason.strip();
        if (action.needsReason() && why.isEmpty()) {
            throw Problem.badInput("devices.reasonNeeded", name(action));
        }
        if (why.length() > REASON_LIMIT) {
            throw Problem.badInput("devices.reasonTooLong", why.length(), REASON_LIMIT);
        }
        ActionPreview plan = ActionPlan.preview(action, devices, parameter);
        List<ActionPreview.Change> done = new ArrayList<>();
        List<ActionReport.Failed> failed = new ArrayList<>();
        List<ActionPreview.Change> changes = plan.changes();
        int calls = 0;
        for (int from = 0; from < changes.size(); from += PER_CALL) {
            List<ActionPreview.Change> chunk = changes.subList(from, Math.min(from + PER_CALL, changes.size()));
            List<String> ids = chunk.stream().map(c -> c.device().id()).toList();
            Map<String, String> parameters = new TreeMap<>(extra);
            parameters.put("parameter", plan.parameter());
            parameters.put("reason", why);
            parameters.put("devices", Integer.toString(ids.size()));
            parameters.put("serials", chunk.stream().map(c -> c.device().serial()).collect(Collectors.joining(",")));
            long started = audit.record(action.auditAction(), target(ids), parameters, AuditOutcome.STARTED).seq();
            parameters.put("startedSeq", Long.toString(started));
            ActionOutcome outcome;
            try {
                outcome = directory.act(action, ids, plan.parameter(), why);
            } catch (RuntimeException e) {
                String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                parameters.put("error", error);
                audit.record(action.auditAction(), target(ids), parameters,
                        e instanceof CancellationException ? AuditOutcome.CANCELLED : AuditOutcome.FAILED);
                String notSent = new Problem("devices.notSent", error).getMessage();
                chunk.forEach(c -> failed.add(new ActionReport.Failed(c.device(), error)));
                changes.subList(from + chunk.size(), changes.size())
                        .forEach(c -> failed.add(new ActionReport.Failed(c.device(), notSent)));
                return new ActionReport(action, recordDone(action, done, why), failed, plan.skipped(), calls);
            }
            calls += outcome.calls();
            List<ActionReport.Failed> chunkFailed = new ArrayList<>();
            for (ActionPreview.Change c : chunk) {
                String id = c.device().id();
                if (outcome.failed().containsKey(id)) {
                    chunkFailed.add(new ActionReport.Failed(c.device(), outcome.failed().get(id)));
                } else if (outcome.done().contains(id)) {
                    done.add(c);
                } else {
                    chunkFailed.add(new ActionReport.Failed(c.device(),
                            new Problem("devices.noAnswer").getMessage()));
                }
            }
            failed.addAll(chunkFailed);
            if (!chunkFailed.isEmpty()) {
                parameters.put("failed", clip(chunkFailed.stream()
                        .map(f -> f.device().id() + ": " + f.reason()).collect(Collectors.joining("; "))));
            }
            audit.record(action.auditAction(), target(ids), parameters,
                    chunkFailed.isEmpty() ? AuditOutcome.SUCCEEDED : AuditOutcome.FAILED);
        }
        return new ActionReport(action, recordDone(action, done, why), failed, plan.skipped(), calls);
    }

    /**
     * The cache and the history of the devices changed: who did what, and why.
     *
     * @return the devices as the action left them
     */
    private List<ReviewDevice> recordDone(DeviceAction action, List<ActionPreview.Change> done, String why) {
        if (done.isEmpty()) {
            return List.of();
        }
        Instant at = clock.instant();
        String by = audit.operator().osUser();
        List<ReviewDevice> after = new ArrayList<>();
        List<DeviceEvent> events = new ArrayList<>();
        for (ActionPreview.Change c : done) {
            ReviewDevice d = ActionPlan.after(c);
            if (d != c.device()) {
                store.update(d);
            }
            after.add(d);
            events.add(new DeviceEvent(d.id(), at, DeviceEvent.Kind.ACTION, action.name(), c.before(), c.after(),
                    by, why));
        }
        store.record(events);
        return after;
    }

    static String target(List<String> ids) {
        String all = String.join(",", ids);
        if (all.length() <= TARGET_LIMIT) {
            return all;
        }
        String suffix = " … (" + ids.size() + " in all)";
        return all.substring(0, TARGET_LIMIT - suffix.length()) + suffix;
    }

    private static String clip(String s) {
        return s.length() <= FAILURES_LIMIT ? s : s.substring(0, FAILURES_LIMIT - 1) + "…";
    }

    /** The action as the operator says it: disable, reenable, accountWipe... */
    static String name(DeviceAction action) {
        return action.auditAction().substring("devices.".length());
    }
}
