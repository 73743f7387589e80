package io.camfleet.console.domain.devices;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One device a reviewer looks at camera images on, as the directory last listed it.
 *
 * @param id             the directory's id: a ChromeOS {@code deviceId} or an Android {@code resourceId}
 * @param serial         the serial number printed on the device (ChromeOS {@code serialNumber}, Android
 *                       {@code serialNumber}); the provisioning queue matches on it
 * @param status         the directory's own word, kept as it comes: ChromeOS ACTIVE, DISABLED, DEPROVISIONED,
 *                       PROVISIONED, INACTIVE, RETURN_REQUESTED...; Android APPROVED, PENDING, BLOCKED, WIPING...
 * @param reviewer       {@code annotatedUser} (ChromeOS) or the device's primary account email (Android); "" if none
 * @param location       {@code annotatedLocation}; "" if none
 * @param assetId        {@code annotatedAssetId}; "" if none
 * @param orgUnit        {@code orgUnitPath}, e.g. {@code /Review/Lisbon}; "" for Android devices, which have none
 * @param osVersion      {@code osVersion} as given, e.g. {@code 126.0.6478.132} or Android {@code 14}; "" if unknown
 * @param lastSync       when the device last synced with the directory; null if never
 * @param autoUpdateEnd  the end of automatic updates ({@code autoUpdateThrough}, or {@code autoUpdateExpiration}
 *                       when only that is given); null if unknown or not applicable (Android)
 * @param lastEnrollment {@code lastEnrollmentTime} (ChromeOS) or {@code firstSync} (Android); null if unknown
 * @param recentUsers    the emails of the device's most recent users, newest first (ChromeOS {@code recentUsers})
 * @param notes          {@code notes}; "" if none
 */
public record ReviewDevice(String id, DeviceType type, String serial, String model, String status, String reviewer,
                           String location, String assetId, String orgUnit, String osVersion, Instant lastSync,
                           LocalDate autoUpdateEnd, Instant lastEnrollment, List<String> recentUsers, String notes) {

    public ReviewDevice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        serial = Objects.requireNonNullElse(serial, "");
        model = Objects.requireNonNullElse(model, "");
        status = Objects.requireNonNullElse(status, "");
        reviewer = Objects.requireNonNullElse(reviewer, "");
        location = Objects.requireNonNullElse(location, "");
        assetId = Objects.requireNonNullElse(assetId, "");
        orgUnit = Objects.requireNonNullElse(orgUnit, "");
        osVersion = Objects.requireNonNullElse(osVersion, "");
        recentUsers = recentUsers == null ? List.of() : List.copyOf(recentUsers);
        notes = Objects.requireNonNullElse(notes, "");
    }

    /** In use: a ChromeOS device ACTIVE, or an Android device APPROVED. */
    public boolean active() {
        return type == DeviceType.CHROMEOS ? "ACTIVE".equals(status) : "APPROVED".equals(status);
    }
}
