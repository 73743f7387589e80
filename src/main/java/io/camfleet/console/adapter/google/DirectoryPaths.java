package io.camfleet.console.adapter.google;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The Directory API's documented paths under the configured base URL, e.g.
 * {@code {base}/admin/directory/v1/customer/{customerId}/devices/chromeos}. Every variable part is encoded.
 */
record DirectoryPaths(String base, String customerId) {

    DirectoryPaths {
        base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    URI chromeos(String... query) {
        return uri(customer() + "/devices/chromeos", query);
    }

    URI chromeosDevice(String deviceId, String... query) {
        return uri(customer() + "/devices/chromeos/" + enc(deviceId), query);
    }

    /** {@code customer.devices.chromeos.issueCommand}: the method follows the device id after a colon. */
    URI issueCommand(String deviceId) {
        return uri(customer() + "/devices/chromeos/" + enc(deviceId) + ":issueCommand");
    }

    URI command(String deviceId, String commandId) {
        return uri(customer() + "/devices/chromeos/" + enc(deviceId) + "/commands/" + enc(commandId));
    }

    URI batchChangeStatus() {
        return uri(customer() + "/devices/chromeos:batchChangeStatus");
    }

    URI moveDevicesToOu(String orgUnit) {
        return uri(customer() + "/devices/chromeos/moveDevicesToOu", "orgUnitPath", orgUnit);
    }

    URI mobile(String... query) {
        return uri(customer() + "/devices/mobile", query);
    }

    URI mobileDevice(String resourceId, String... query) {
        return uri(customer() + "/devices/mobile/" + enc(resourceId), query);
    }

    URI mobileAction(String resourceId) {
        return uri(customer() + "/devices/mobile/" + enc(resourceId) + "/action");
    }

    URI groupMembers(String groupKey, String... query) {
        return uri("/admin/directory/v1/groups/" + enc(groupKey) + "/members", query);
    }

    private String customer() {
        return "/admin/directory/v1/customer/" + enc(customerId);
    }

    /** The path with its query, given as name, value, name, value...; a null value leaves its name out. */
    private URI uri(String path, String... query) {
        StringBuilder b = new StringBuilder(base).append(path);
        char sep = '?';
        for (int i = 0; i + 1 < query.length; i += 2) {
            if (query[i + 1] != null) {
                b.append(sep).append(query[i]).append('=').append(enc(query[i + 1]));
                sep = '&';
            }
        }
        return URI.create(b.toString());
    }

    /** Percent-encoding for a path segment or a query value (a space is %20, never +). */
    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
