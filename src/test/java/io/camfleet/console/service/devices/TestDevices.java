package io.camfleet.console.service.devices;

import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ReviewDevice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Review devices for tests: in use, synced an hour ago, on a current OS, with updates for years to come. */
public final class TestDevices {

    /** Sunday 6 December 2026, 10:00 UTC. */
    public static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    private TestDevices() {
    }

    public static ReviewDevice chromebook(String id, String serial, String status, String reviewer) {
        return new ReviewDevice(id, DeviceType.CHROMEOS, serial, "HP Chromebook 14", status, reviewer, "Lisbon",
                "A-" + serial, "/Review/Lisbon", "126.0.6478.132", NOW.minusSeconds(3600), LocalDate.of(2031, 6, 1),
                NOW.minusSeconds(86_400 * 30L), List.of(), "");
    }

    public static ReviewDevice tablet(String id, String serial, String status, String reviewer) {
        return new ReviewDevice(id, DeviceType.ANDROID, serial, "Galaxy Tab S9", status, reviewer, "", "", "", "14",
                NOW.minusSeconds(3600), null, NOW.minusSeconds(86_400 * 30L), List.of(), "");
    }

    /** {@code n} active Chromebooks cb-0001.. with serials SN0001.., each with a reviewer. */
    public static List<ReviewDevice> chromebooks(int n) {
        List<ReviewDevice> all = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            all.add(chromebook(String.format("cb-%04d", i), String.format("SN%04d", i), "ACTIVE",
                    "reviewer" + i + "@example.com"));
        }
        return all;
    }
}
