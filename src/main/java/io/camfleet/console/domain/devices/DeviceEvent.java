package io.camfleet.console.domain.devices;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a device's history: a change the sync saw (status, reviewer, org unit, OS version), or an action an
 * operator took, with who took it.
 *
 * @param kind   STATE for a change seen in the directory, ACTION for an operator's action, PROVISIONED
 * @param what   for STATE the field (status, reviewer, orgUnit, osVersion); for ACTION the {@link DeviceAction}'s
 *               name; for PROVISIONED "provisioned"
 * @param before the value before ("" when not applicable)
 * @param after  the value after, or the action's parameter (the org unit, the reviewer)
 * @param by     the operator, or "sync" for what the sync saw
 * @param reason the reason given, or the failure; "" if none
 */
public record DeviceEvent(String deviceId, Instant at, Kind kind, String what, String before, String after,
                          String by, String reason) {

    public enum Kind { STATE, ACTION, PROVISIONED }

    public DeviceEvent {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        what = Objects.requireNonNullElse(what, "");
        before = Objects.requireNonNullElse(before, "");
        after = Objects.requireNonNullElse(after, "");
        by = Objects.requireNonNullElse(by, "");
        reason = Objects.requireNonNullElse(reason, "");
    }
}
