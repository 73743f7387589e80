package io.camfleet.console.adapter.google;

import com.fasterxml.jackson.databind.JsonNode;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ReviewDevice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Directory API's device resources as review devices: {@code chromeosdevices} and {@code mobiledevices}, with
 * the fields the console shows. A field the API leaves out is empty (or null for a time), never a failure: the API
 * omits what a device has not reported.
 */
final class DirectoryJson {

    private DirectoryJson() {
    }

    /** A {@code chromeosdevices} resource. */
    static ReviewDevice chromeos(JsonNode d) {
        List<String> recent = new ArrayList<>();
        for (JsonNode u : d.path("recentUsers")) {
            String email = text(u, "email");
            if (!email.isEmpty()) {
                recent.add(email);
            }
        }
        return new ReviewDevice(text(d, "deviceId"), DeviceType.CHROMEOS, text(d, "serialNumber"), text(d, "model"),
                text(d, "status"), text(d, "annotatedUser"), text(d, "annotatedLocation"),
                text(d, "annotatedAssetId"), text(d, "orgUnitPath"), text(d, "osVersion"), instant(d, "lastSync"),
                updatesEnd(d), instant(d, "lastEnrollmentTime"), recent, text(d, "notes"));
    }

    /**
     * A {@code mobiledevices} resource: the reviewer is its first account email, the OS version is {@code os}
     * without its name ("Android 14" gives "14"), its enrollment the first sync.
     */
    static ReviewDevice mobile(JsonNode d) {
        JsonNode emails = d.path("email");
        String reviewer = emails.isArray() && !emails.isEmpty() ? emails.get(0).asText("") : "";
        String os = text(d, "os").replaceFirst("^(?i)android\\s*", "");
        return new ReviewDevice(text(d, "resourceId"), DeviceType.ANDROID, text(d, "serialNumber"), text(d, "model"),
                text(d, "status"), reviewer, "", "", "", os, instant(d, "lastSync"), null, instant(d, "firstSync"),
                List.of(), "");
    }

    /** Whether a mobile device is an Android one (the list also holds iOS and Google Sync devices). */
    static boolean android(JsonNode mobile) {
        String type = text(mobile, "type");
        return type.isEmpty() || type.startsWith("ANDROID");
    }

    /**
     * The end of automatic updates: {@code autoUpdateThrough} (a timestamp, or a date), else the older
     * {@code autoUpdateExpiration} (epoch milliseconds, as a string).
     */
    static LocalDate updatesEnd(JsonNode d) {
        String through = text(d, "autoUpdateThrough");
        if (!through.isEmpty()) {
            LocalDate date = date(through);
            if (date != null) {
                return date;
            }
        }
        return date(text(d, "autoUpdateExpiration"));
    }

    private static LocalDate date(String value) {
        if (value.isEmpty()) {
            return null;
        }
        if (value.chars().allMatch(Character::isDigit)) {
            return LocalDate.ofInstant(Instant.ofEpochMilli(Long.parseLong(value)), ZoneOffset.UTC);
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value)
                    : OffsetDateTime.parse(value).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An RFC 3339 time; null when absent or not one. */
    static Instant instant(JsonNode d, String field) {
        String value = text(d, field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String text(JsonNode d, String field) {
        JsonNode v = d.path(field);
        return v.isValueNode() ? v.asText("") : "";
    }
}
