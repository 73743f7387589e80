package io.camfleet.console.adapter.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.camfleet.console.domain.devices.ReviewDevice;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.camfleet.console.adapter.google.FakeDirectoryRoutes.empty;
import static io.camfleet.console.adapter.google.FakeDirectoryRoutes.error;
import static io.camfleet.console.adapter.google.FakeDirectoryRoutes.json;

/** The fake's writes: status changes, moves and Android actions, applied to its devices (under its lock). */
final class FakeDeviceChanges {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DEPROVISION_REASONS = Set.of("DEPROVISION_REASON_SAME_MODEL_REPLACEMENT",
            "DEPROVISION_REASON_DIFFERENT_MODEL_REPLACEMENT", "DEPROVISION_REASON_RETIRING_DEVICE",
            "DEPROVISION_REASON_UPGRADE_TRANSFER", "DEPROVISION_REASON_NOT_REQUIRED");
    private static final Map<String, String> MOBILE_ACTIONS = Map.of("approve", "APPROVED", "block", "BLOCKED",
            "admin_remote_wipe", "WIPING", "admin_account_wipe", "ACCOUNT_WIPING");

    private FakeDeviceChanges() {
    }

    /** customer.devices.chromeos.batchChangeStatus: one result per device, an error for those it refuses. */
    static ResponseDefinition batchChangeStatus(FakeGoogleDirectory fake, JsonNode body) {
        List<String> ids = new java.util.ArrayList<>();
        body.path("deviceIds").forEach(n -> ids.add(n.asText()));
        if (ids.isEmpty() || ids.size() > 50) {
            return error(400, "invalid", "deviceIds: between 1 and 50 devices, not " + ids.size());
        }
        String action = body.path("changeChromeOsDeviceStatusAction").asText();
        String reason = body.path("deprovisionReason").asText("");
        boolean deprovision = action.endsWith("_DEPROVISION");
        if (!action.startsWith("CHANGE_CHROME_OS_DEVICE_STATUS_ACTION_") || action.endsWith("_UNSPECIFIED")) {
            return error(400, "invalid", "Invalid value at 'change_chrome_os_device_status_action'");
        }
        if (deprovision != !reason.isEmpty() || deprovision && !DEPROVISION_REASONS.contains(reason)) {
            return error(400, "invalid", "deprovisionReason must be given for a deprovision, and only then");
        }
        ArrayNode results = JSON.createArrayNode();
        for (String id : ids) {
            ObjectNode result = results.addObject().put("deviceId", id);
            ReviewDevice d = fake.chromeos.get(id);
            var refusal = fake.statusRefusals.get(id);
            String from = d == null ? "" : d.status();
            String to = action.endsWith("_DISABLE") ? "DISABLED" : action.endsWith("_REENABLE") ? "ACTIVE"
                    : "DEPROVISIONED";
            boolean allowed = d != null && (to.equals("DISABLED") ? from.equals("ACTIVE")
                    : to.equals("ACTIVE") ? from.equals("DISABLED") : !from.equals("DEPROVISIONED"));
            if (refusal != null) {
                result.putObject("error").put("code", refusal.getKey()).put("message", refusal.getValue());
            } else if (d == null) {
                result.putObject("error").put("code", 5).put("message", "Device not found.");
            } else if (!allowed) {
                result.putObject("error").put("code", 9)
                        .put("message", "Illegal device state transition from " + from + " to " + to + ".");
            } else {
                fake.chromeos.put(id, with(d, to, d.orgUnit()));
                if (deprovision) {
                    fake.deprovisionReasons.put(id, reason);
                }
                result.putObject("response");
            }
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.set("changeChromeOsDeviceStatusResults", results);
        return json(200, answer);
    }

    /** chromeosdevices.moveDevicesToOu: all or nothing. */
    static ResponseDefinition move(FakeGoogleDirectory fake, String orgUnit, JsonNode body) {
        if (orgUnit == null || !orgUnit.startsWith("/")) {
            return error(400, "invalid", "Invalid Input: orgUnitPath");
        }
        List<String> ids = new java.util.ArrayList<>();
        body.path("deviceIds").forEach(n -> ids.add(n.asText()));
        if (ids.isEmpty() || ids.size() > 50) {
            return error(400, "invalid", "Invalid Input: deviceIds");
        }
        for (String id : ids) {
            if (!fake.chromeos.containsKey(id)) {
                return error(400, "invalid", "Invalid Input: " + id);
            }
        }
        ids.forEach(id -> fake.chromeos.put(id, with(fake.chromeos.get(id), fake.chromeos.get(id).status(), orgUnit)));
        return empty(204);
    }

    /** mobiledevices.action. */
    static ResponseDefinition mobileAction(FakeGoogleDirectory fake, String resourceId, JsonNode body) {
        ReviewDevice d = fake.mobile.get(resourceId);
        if (d == null) {
            return error(404, "notFound", "Resource Not Found: resourceId");
        }
        String status = MOBILE_ACTIONS.get(body.path("action").asText());
        if (status == null) {
            return error(400, "invalid", "Invalid Input: action");
        }
        fake.mobile.put(resourceId, with(d, status, d.orgUnit()));
        return empty(204);
    }

    private static ReviewDevice with(ReviewDevice d, String status, String orgUnit) {
        return new ReviewDevice(d.id(), d.type(), d.serial(), d.model(), status, d.reviewer(), d.location(),
                d.assetId(), orgUnit, d.osVersion(), d.lastSync(), d.autoUpdateEnd(), d.lastEnrollment(),
                d.recentUsers(), d.notes());
    }
}
