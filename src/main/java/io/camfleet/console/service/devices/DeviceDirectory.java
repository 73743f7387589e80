package io.camfleet.console.service.devices;

import io.camfleet.console.domain.devices.DeviceAction;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ReviewDevice;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Port: the directory that holds the review devices: the Google Admin SDK Directory API (adapter.google) or the
 * demo's simulated directory (adapter.sim). Calls block; the caller runs them off the FX thread.
 *
 * <p>Failures are {@link io.camfleet.console.service.common.Problem}s naming what failed: the client backs off and
 * retries by itself on rate limits and unavailability (resuming a listing from the same page token), refreshes an
 * expired token once, and never retries a refusal (the Problem names the missing scope or admin role).
 */
public interface DeviceDirectory {

    /** Where the devices come from, for the screen and the sync report: "demo" or the customer id. */
    String name();

    /** What the configured scopes allow: with a read-only scope every action is refused before it is sent. */
    DirectoryAccess access();

    /**
     * One page of devices of a type. ChromeOS: {@code maxResults} up to 300, {@code projection=FULL}, the query's org
     * unit with {@code includeChildOrgunits}; Android: up to 100.
     *
     * @param pageToken null for the first page
     */
    DevicePage list(DeviceType type, DeviceQuery query, String pageToken);

    /** One device by its id; empty if the directory does not know it (404). */
    Optional<ReviewDevice> get(DeviceType type, String id);

    /**
     * Patches a ChromeOS device's annotations: only the fields given are sent ({@code annotatedUser},
     * {@code annotatedLocation}, {@code annotatedAssetId}, {@code notes}, {@code orgUnitPath}).
     */
    ReviewDevice annotate(String deviceId, Map<String, String> fields);

    /**
     * Acts on devices of the action's type: ChromeOS status changes (at most 50 ids a call, as batchChangeStatus
     * allows: a longer list is refused), org-unit moves ({@code parameter} = the org unit), reviewer assignment
     * ({@code parameter} = the reviewer), reboots and screenshots (one issueCommand per device, its result read
     * back), Android actions (one call per device).
     *
     * @param parameter the org unit for MOVE, the reviewer for ASSIGN; "" otherwise
     * @param reason    required for DEPROVISION (the API's deprovisionReason) and for the audit of the others that
     *                  need one; "" otherwise
     * @return which devices the directory changed and which it refused, with its reason for each
     */
    ActionOutcome act(DeviceAction action, List<String> deviceIds, String parameter, String reason);

    /** The members' emails of a Google group ({@code groups/{groupKey}/members}), for the reviewers list. */
    Set<String> groupMembers(String groupEmail);
}
