package io.camfleet.console.adapter.google;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.domain.devices.ReviewDevice;

import java.time.ZoneOffset;

/** Review devices written as the Directory API's resources, for the fake. */
final class FakeJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeJson() {
    }

    /** A {@code chromeosdevices} resource, with autoUpdateThrough and the older autoUpdateExpiration both given. */
    static ObjectNode chromeos(ReviewDevice d) {
        ObjectNode n = JSON.createObjectNode().put("kind", "admin#directory#chromeosdevice")
                .put("etag", "\"" + Integer.toHexString(d.hashCode()) + "\"").put("deviceId", d.id())
                .put("serialNumber", d.serial()).put("status", d.status()).put("model", d.model())
                .put("osVersion", d.osVersion()).put("orgUnitPath", d.orgUnit())
                .put("platformVersion", "15886.0.0").put("firmwareVersion", "Google_Voema.13672.224.0")
                .put("bootMode", "Verified");
        optional(n, "annotatedUser", d.reviewer());
        optional(n, "annotatedLocation", d.location());
        optional(n, "annotatedAssetId", d.assetId());
        optional(n, "notes", d.notes());
        if (d.lastSync() != null) {
            n.put("lastSync", d.lastSync().toString());
        }
        if (d.lastEnrollment() != null) {
            n.put("lastEnrollmentTime", d.lastEnrollment().toString());
        }
        if (d.autoUpdateEnd() != null) {
            n.put("autoUpdateThrough", GeneratedDevices.through(d.autoUpdateEnd()));
            n.put("autoUpdateExpiration", String.valueOf(
                    d.autoUpdateEnd().atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli()));
        }
        ArrayNode recent = n.putArray("recentUsers");
        d.recentUsers().forEach(u -> recent.addObject().put("type", "USER_TYPE_MANAGED").put("email", u));
        return n;
    }

    /** A {@code mobiledevices} resource of type ANDROID. */
    static ObjectNode mobile(ReviewDevice d) {
        ObjectNode n = JSON.createObjectNode().put("kind", "admin#directory#mobiledevice")
                .put("etag", "\"" + Integer.toHexString(d.hashCode()) + "\"").put("resourceId", d.id())
                .put("deviceId", "android-" + d.serial().toLowerCase(java.util.Locale.ROOT))
                .put("serialNumber", d.serial()).put("model", d.model()).put("status", d.status())
                .put("type", "ANDROID").put("os", "Android " + d.osVersion()).put("managedAccountIsOnOwnerProfile", true);
        if (!d.reviewer().isEmpty()) {
            n.putArray("email").add(d.reviewer());
            n.putArray("name").add(d.reviewer().substring(0, d.reviewer().indexOf('@')));
        }
        if (d.lastSync() != null) {
            n.put("lastSync", d.lastSync().toString());
        }
        if (d.lastEnrollment() != null) {
            n.put("firstSync", d.lastEnrollment().toString());
        }
        return n;
    }

    private static void optional(ObjectNode n, String field, String value) {
        if (!value.isEmpty()) {
            n.put(field, value);
        }
    }
}
