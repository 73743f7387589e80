package io.camfleet.console.adapter.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.adapter.google.DirectoryCalls.Api;
import io.camfleet.console.adapter.google.DirectoryCalls.Answer;
import io.camfleet.console.adapter.google.DirectoryCalls.Call;
import io.camfleet.console.adapter.google.DirectoryCalls.Calls;
import io.camfleet.console.domain.devices.DeviceAction;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.devices.ActionOutcome;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The device actions as the Directory API's calls: status changes in one {@code batchChangeStatus} (the API's
 * answer per device), org-unit moves in one {@code moveDevicesToOu}, reviewer assignment as one patch per device,
 * reboots and screenshots as one {@code issueCommand} per device whose result is then read back, and Android actions
 * as one {@code action} per device. A device the API refuses is reported with its reason; the others go on.
 */
final class DeviceActions {

    /** The most device ids one batchChangeStatus or moveDevicesToOu takes. */
    static final int BATCH = 50;
    static final Set<DeviceAction> BATCHED =
            EnumSet.of(DeviceAction.DISABLE, DeviceAction.REENABLE, DeviceAction.DEPROVISION, DeviceAction.MOVE);
    /** The deprovision reasons an admin may give today (the API's DeprovisionReason without its prefix). */
    static final List<String> DEPROVISION_REASONS = List.of("SAME_MODEL_REPLACEMENT", "DIFFERENT_MODEL_REPLACEMENT",
            "RETIRING_DEVICE", "UPGRADE_TRANSFER");
    /** google.rpc.Code names, by number, for the per-device errors of batchChangeStatus. */
    private static final List<String> RPC_CODES = List.of("OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT",
            "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED",
            "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE",
            "DATA_LOSS", "UNAUTHENTICATED");
    private static final Duration LONGEST_POLL = Duration.ofSeconds(8);

    private final DirectoryPaths paths;
    private final DirectoryCalls calls;
    private final DirectoryCalls.Sleeper sleeper;
    private final Duration commandWait;
    private final Messages text = new Messages(Locale.ROOT);

    DeviceActions(DirectoryPaths paths, DirectoryCalls calls, DirectoryCalls.Sleeper sleeper, Duration commandWait) {
        this.paths = paths;
        this.calls = calls;
        this.sleeper = sleeper;
        this.commandWait = commandWait;
    }

    ActionOutcome act(DeviceAction action, List<String> ids, String parameter, String reason) {
        Calls counted = new Calls();
        return switch (action) {
            case DISABLE -> changeStatus("CHANGE_CHROME_OS_DEVICE_STATUS_ACTION_DISABLE", null, ids, counted);
            case REENABLE -> changeStatus("CHANGE_CHROME_OS_DEVICE_STATUS_ACTION_REENABLE", null, ids, counted);
            case DEPROVISION -> changeStatus("CHANGE_CHROME_OS_DEVICE_STATUS_ACTION_DEPROVISION",
                    deprovisionReason(reason), ids, counted);
            case MOVE -> move(ids, parameter, counted);
            case ASSIGN -> eachDevice(ids, counted, id -> refusal(calls.send(new Call("chromeosdevices.patch",
                    Api.CHROMEOS, "PATCH", paths.chromeosDevice(id, "projection", "FULL"),
                    json(Map.of("annotatedUser", parameter))), counted)));
            case REBOOT -> commands("REBOOT", ids, counted);
            case SCREENSHOT -> commands("TAKE_A_SCREENSHOT", ids, counted);
            case APPROVE -> mobile("approve", ids, counted);
            case BLOCK -> mobile("block", ids, counted);
            case WIPE -> mobile("admin_remote_wipe", ids, counted);
            case ACCOUNT_WIPE -> mobile("admin_account_wipe", ids, counted);
            case ANNOTATE -> throw new IllegalArgumentException("Annotations are sent with annotate()");
        };
    }

    /**
     * The API's DeprovisionReason for what the operator gave: one of {@link #DEPROVISION_REASONS}, in any case, with
     * dashes, spaces or the API's prefix, optionally followed by their own words ("retiring-device: screen broken").
     */
    static String deprovisionReason(String reason) {
        String r = reason.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_')
                .replaceFirst("^DEPROVISION_REASON_", "");
        for (String known : DEPROVISION_REASONS) {
            if (r.startsWith(known)) {
                return "DEPROVISION_REASON_" + known;
            }
        }
        throw Problem.badInput("devices.google.deprovisionReason", reason, String.join(", ",
                DEPROVISION_REASONS.stream().map(k -> k.toLowerCase(Locale.ROOT).replace('_', '-')).toList()));
    }

    private ActionOutcome changeStatus(String change, String deprovisionReason, List<String> ids, Calls counted) {
        ObjectNode body = DirectoryCalls.JSON.createObjectNode();
        ids.forEach(body.putArray("deviceIds")::add);
        body.put("changeChromeOsDeviceStatusAction", change);
        if (deprovisionReason != null) {
            body.put("deprovisionReason", deprovisionReason);
        }
        JsonNode answer = calls.require(new Call("customer.devices.chromeos.batchChangeStatus", Api.CHROMEOS, "POST",
                paths.batchChangeStatus(), body.toString()), counted);
        Map<String, String> failed = new LinkedHashMap<>();
        List<String> done = new ArrayList<>();
        for (JsonNode result : answer.path("changeChromeOsDeviceStatusResults")) {
            String id = DirectoryJson.text(result, "deviceId");
            JsonNode error = result.path("error");
            if (error.isObject() && (error.path("code").asInt(0) != 0 || error.has("message"))) {
                int code = error.path("code").asInt(2);
                String name = code >= 0 && code < RPC_CODES.size() ? RPC_CODES.get(code) : String.valueOf(code);
                failed.put(id, name + ": " + DirectoryJson.text(error, "message"));
            } else if (ids.contains(id)) {
                done.add(id);
            }
        }
        for (String id : ids) {
            if (!done.contains(id) && !failed.containsKey(id)) {
                failed.put(id, text.text("devices.google.noResult"));
            }
        }
        return new ActionOutcome(done, failed, counted.count());
    }

    private ActionOutcome move(List<String> ids, String orgUnit, Calls counted) {
        if (orgUnit.isBlank()) {
            throw Problem.badInput("devices.google.noOrgUnit");
        }
        ObjectNode body = DirectoryCalls.JSON.createObjectNode();
        ids.forEach(body.putArray("deviceIds")::add);
        calls.require(new Call("chromeosdevices.moveDevicesToOu", Api.CHROMEOS, "POST",
                paths.moveDevicesToOu(orgUnit), body.toString()), counted);
        return new ActionOutcome(ids, Map.of(), counted.count());
    }

    private ActionOutcome mobile(String action, List<String> ids, Calls counted) {
        return eachDevice(ids, counted, id -> refusal(calls.send(new Call("mobiledevices.action", Api.MOBILE,
                "POST", paths.mobileAction(id), json(Map.of("action", action))), counted)));
    }

    /**
     * Issues the command to every device, then reads the results back until each is final or {@code commandWait}
     * has passed: a command the device has not run by then is reported with its state (PENDING...), not as done.
     */
    private ActionOutcome commands(String type, List<String> ids, Calls counted) {
        Map<String, String> pending = new LinkedHashMap<>();
        ActionOutcome issued = eachDevice(ids, counted, id -> {
            Answer a = calls.send(new Call("customer.devices.chromeos.issueCommand", Api.CHROMEOS, "POST",
                    paths.issueCommand(id), json(Map.of("commandType", type))), counted);
            Optional<String> refused = refusal(a);
            if (refused.isEmpty()) {
                pending.put(id, DirectoryJson.text(a.body(), "commandId"));
            }
            return refused;
        });
        Map<String, String> failed = new LinkedHashMap<>(issued.failed());
        List<String> done = new ArrayList<>();
        Map<String, String> states = new LinkedHashMap<>();
        Duration waited = Duration.ZERO;
        Duration step = Duration.ofSeconds(1);
        while (true) {
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                Answer a = calls.send(new Call("customer.devices.chromeos.commands.get", Api.CHROMEOS, "GET",
                        paths.command(e.getKey(), e.getValue()), null), counted);
                if (!a.ok()) {
                    failed.put(e.getKey(), refusal(a).orElseThrow());
                    it.remove();
                    continue;
                }
                String state = DirectoryJson.text(a.body(), "state");
                states.put(e.getKey(), state);
                Optional<String> outcome = commandOutcome(state, a.body().path("commandResult"));
                if (outcome != null) {
                    outcome.ifPresentOrElse(why -> failed.put(e.getKey(), why), () -> done.add(e.getKey()));
                    it.remove();
                }
            }
            if (pending.isEmpty() || waited.compareTo(commandWait) >= 0) {
                break;
            }
            Duration d = step.compareTo(commandWait.minus(waited)) < 0 ? step : commandWait.minus(waited);
            try {
                sleeper.sleep(d);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Problem("devices.google.interrupted", "customer.devices.chromeos.commands.get");
            }
            waited = waited.plus(d);
            step = step.multipliedBy(2).compareTo(LONGEST_POLL) > 0 ? LONGEST_POLL : step.multipliedBy(2);
        }
        pending.keySet().forEach(id -> failed.put(id, text.text("devices.google.commandNotRun",
                states.getOrDefault(id, "PENDING"), commandWait.toSeconds())));
        return new ActionOutcome(done, failed, counted.count());
    }

    /** Null while the command may still run; empty when it ran well; else why it did not. */
    private static Optional<String> commandOutcome(String state, JsonNode result) {
        return switch (state) {
            case "EXECUTED_BY_CLIENT" -> "SUCCESS".equals(DirectoryJson.text(result, "result")) ? Optional.empty()
                    : Optional.of((DirectoryJson.text(result, "result") + ": "
                    + DirectoryJson.text(result, "errorMessage")).strip());
            case "EXPIRED", "CANCELLED" -> Optional.of(state);
            default -> null;
        };
    }

    /**
     * One call per device. A device the API refuses is failed with its reason and the others go on; a Problem (a
     * refusal of the whole account, an exhausted back-off) stops there: thrown if nothing was done yet, else the
     * devices not reached are failed with it, so that what was done is still reported.
     */
    private ActionOutcome eachDevice(List<String> ids, Calls counted, Function<String, Optional<String>> one) {
        List<String> done = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            Optional<String> refused;
            try {
                refused = one.apply(id);
            } catch (Problem p) {
                if (done.isEmpty() && failed.isEmpty()) {
                    throw p;
                }
                ids.subList(i, ids.size()).forEach(rest -> failed.put(rest, p.getMessage()));
                break;
            }
            refused.ifPresentOrElse(why -> failed.put(id, why), () -> done.add(id));
        }
        return new ActionOutcome(done, failed, counted.count());
    }

    /** Empty for a success; else the API's reason and message for this device. */
    private static Optional<String> refusal(Answer a) {
        if (a.ok()) {
            return Optional.empty();
        }
        return Optional.of((a.reason().isEmpty() ? "HTTP " + a.status() : a.reason()) + ": " + a.message());
    }

    private static String json(Map<String, String> fields) {
        ObjectNode body = DirectoryCalls.JSON.createObjectNode();
        fields.forEach(body::put);
        return body.toString();
    }
}
