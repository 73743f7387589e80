package io.camfleet.console.adapter.google;

import com.fasterxml.jackson.databind.JsonNode;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ReviewDevice;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's device resources, as its reference documents them, read into review devices. */
class DirectoryJsonTest {

    private static JsonNode json(String text) throws Exception {
        return DirectoryCalls.JSON.readTree(text);
    }

    @Test
    void aChromeOsDeviceGivesEveryFieldTheScreenShows() throws Exception {
        ReviewDevice d = DirectoryJson.chromeos(json("""
                {"kind": "admin#directory#chromeosdevice", "deviceId": "a1b2", "serialNumber": "5CD1234XYZ",
                 "status": "ACTIVE", "model": "HP Chromebook x360 14c", "annotatedUser": "ana@review.test",
                 "annotatedLocation": "Lisbon, room 2", "annotatedAssetId": "CF-10001", "notes": "spare",
                 "orgUnitPath": "/Review/Lisbon", "osVersion": "126.0.6478.132",
                 "lastSync": "2026-12-01T08:15:30.123Z", "lastEnrollmentTime": "2025-03-04T10:00:00Z",
                 "autoUpdateThrough": "2029-06-30T00:00:00Z", "autoUpdateExpiration": "1561852800000",
                 "recentUsers": [{"type": "USER_TYPE_MANAGED", "email": "ana@review.test"},
                                 {"type": "USER_TYPE_UNMANAGED"}, {"type": "USER_TYPE_MANAGED", "email": "bo@review.test"}]}
                """));

        assertThat(d).isEqualTo(new ReviewDevice("a1b2", DeviceType.CHROMEOS, "5CD1234XYZ", "HP Chromebook x360 14c",
                "ACTIVE", "ana@review.test", "Lisbon, room 2", "CF-10001", "/Review/Lisbon", "126.0.6478.132",
                Instant.parse("2026-12-01T08:15:30.123Z"), LocalDate.of(2029, 6, 30),
                Instant.parse("2025-03-04T10:00:00Z"), List.of("ana@review.test", "bo@review.test"), "spare"));
    }

    @Test
    void withoutAutoUpdateThroughTheOlderExpirationInMillisIsUsed() throws Exception {
        // 1561852800000 ms = 2019-06-30T00:00:00Z.
        assertThat(DirectoryJson.chromeos(json("{\"deviceId\": \"x\", \"autoUpdateExpiration\": \"1561852800000\"}"))
                .autoUpdateEnd()).isEqualTo(LocalDate.of(2019, 6, 30));
        assertThat(DirectoryJson.chromeos(json("{\"deviceId\": \"x\", \"autoUpdateThrough\": \"2030-06-01\"}"))
                .autoUpdateEnd()).isEqualTo(LocalDate.of(2030, 6, 1));
    }

    @Test
    void aDeviceThatReportedLittleHasEmptyFieldsNotFailures() throws Exception {
        ReviewDevice d = DirectoryJson.chromeos(json("{\"deviceId\": \"x\", \"lastSync\": \"not a time\"}"));

        assertThat(d.serial()).isEmpty();
        assertThat(d.lastSync()).isNull();
        assertThat(d.autoUpdateEnd()).isNull();
        assertThat(d.recentUsers()).isEmpty();
    }

    @Test
    void anAndroidDeviceTakesItsFirstAccountAndItsVersionWithoutTheName() throws Exception {
        JsonNode m = json("""
                {"kind": "admin#directory#mobiledevice", "resourceId": "AFiQxQ8", "serialNumber": "R5CW1234",
                 "model": "Galaxy Tab S9", "status": "APPROVED", "type": "ANDROID", "os": "Android 14",
                 "email": ["eva@review.test", "other@review.test"], "lastSync": "2026-12-05T07:00:00Z",
                 "firstSync": "2026-01-10T09:00:00Z"}
                """);

        assertThat(DirectoryJson.android(m)).isTrue();
        assertThat(DirectoryJson.android(json("{\"type\": \"IOS_SYNC\"}"))).isFalse();
        assertThat(DirectoryJson.mobile(m)).isEqualTo(new ReviewDevice("AFiQxQ8", DeviceType.ANDROID, "R5CW1234",
                "Galaxy Tab S9", "APPROVED", "eva@review.test", "", "", "", "14",
                Instant.parse("2026-12-05T07:00:00Z"), null, Instant.parse("2026-01-10T09:00:00Z"), List.of(), ""));
    }
}
