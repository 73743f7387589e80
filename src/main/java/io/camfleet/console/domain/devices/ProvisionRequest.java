package io.camfleet.console.domain.devices;

import java.time.Instant;
import java.util.Objects;

/**
 * A serial the device manager pre-registered: what to apply when the device shows up enrolled in the directory.
 *
 * @param state       QUEUED until the device appears; APPLYING while one console applies it (claimed at
 *                    {@code claimedAt}); PROVISIONED once applied, with the device's id; FAILED with the reason, tried
 *                    again at the next sync
 * @param deviceId    the directory's id once matched; "" before
 * @param requestedBy the operator who queued it
 */
public record ProvisionRequest(String serial, String reviewer, String location, String assetId, String orgUnit,
                               State state, String deviceId, String requestedBy, Instant requestedAt,
                               Instant claimedAt, Instant provisionedAt, String failure) {

    public enum State { QUEUED, APPLYING, PROVISIONED, FAILED }

    public ProvisionRequest {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(state, "state");
        reviewer = Objects.requireNonNullElse(reviewer, "");
        location = Objects.requireNonNullElse(location, "");
        assetId = Objects.requireNonNullElse(assetId, "");
        orgUnit = Objects.requireNonNullElse(orgUnit, "");
        deviceId = Objects.requireNonNullElse(deviceId, "");
        requestedBy = Objects.requireNonNullElse(requestedBy, "");
        failure = Objects.requireNonNullElse(failure, "");
    }

    /** A new request, queued now. */
    public static ProvisionRequest queued(String serial, String reviewer, String location, String assetId,
                                          String orgUnit, String by, Instant at) {
        return new ProvisionRequest(serial, reviewer, location, assetId, orgUnit, State.QUEUED, "", by, at, null,
                null, "");
    }
}
