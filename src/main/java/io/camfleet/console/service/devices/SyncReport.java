package io.camfleet.console.service.devices;

import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.service.common.Problem;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a devices sync did.
 *
 * @param devices              the devices listed, per type (a type the directory holds none of is 0)
 * @param calls                the directory calls it took, retries and token refreshes included
 * @param duplicates           devices listed twice across pages (kept once, as last listed)
 * @param events               the history lines it recorded (changes seen since the sync before)
 * @param provisioned          the serials provisioned by this sync
 * @param provisioningFailures the serials whose provisioning failed, with why (tried again at the next sync)
 * @param warnings             what went wrong beside the listing: a reviewers file with bad lines, a group that
 *                             could not be read
 */
public record SyncReport(Map<DeviceType, Integer> devices, int calls, Duration duration, int duplicates, int events,
                         List<String> provisioned, Map<String, String> provisioningFailures,
                         List<Problem> warnings) {

    public SyncReport {
        devices = Map.copyOf(devices);
        provisioned = List.copyOf(provisioned);
        provisioningFailures = Map.copyOf(provisioningFailures);
        warnings = List.copyOf(warnings);
    }

    public int total() {
        return devices.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int count(DeviceType type) {
        return devices.getOrDefault(type, 0);
    }
}
