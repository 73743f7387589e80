package io.camfleet.console.service.devices;

import io.camfleet.console.domain.devices.ProvisionRequest;
import io.camfleet.console.service.common.Problem;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a provisioning request must hold before it is queued, one at a time or from a CSV file: a serial, a reviewer
 * that is an email address, an org unit that is a full path, and values short enough for the directory and the
 * cache.
 */
final class ProvisionCheck {

    static final int SERIAL_LIMIT = 100;
    static final int REVIEWER_LIMIT = 254;
    static final int LOCATION_LIMIT = 200;
    static final int ASSET_ID_LIMIT = 200;
    static final int ORG_UNIT_LIMIT = 400;

    /** Loose on purpose: the directory is the judge of a real address; this catches a name or a stray column. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private ProvisionCheck() {
    }

    /** The request with its serial in capitals (as the directory lists it) and its values stripped. */
    static ProvisionRequest checked(ProvisionRequest r) {
        String serial = r.serial().strip().toUpperCase(Locale.ROOT);
        String reviewer = r.reviewer().strip();
        String location = r.location().strip();
        String assetId = r.assetId().strip();
        String orgUnit = r.orgUnit().strip();
        if (serial.isEmpty()) {
            throw Problem.badInput("devices.provision.noSerial");
        }
        if (!serial.codePoints().allMatch(c -> c > ' ' && !Character.isISOControl(c)
                && !Character.isWhitespace(c))) {
            throw Problem.badInput("devices.provision.badSerial", serial);
        }
        length("serial", serial, SERIAL_LIMIT);
        length("reviewer", reviewer, REVIEWER_LIMIT);
        length("location", location, LOCATION_LIMIT);
        length("assetId", assetId, ASSET_ID_LIMIT);
        length("orgUnit", orgUnit, ORG_UNIT_LIMIT);
        if (!reviewer.isEmpty() && !isEmail(reviewer)) {
            throw Problem.badInput("devices.provision.badReviewer", reviewer);
        }
        if (!orgUnit.isEmpty() && !orgUnit.startsWith("/")) {
            throw Problem.badInput("devices.provision.badOrgUnit", orgUnit);
        }
        if (hasControl(location) || hasControl(assetId) || hasControl(orgUnit)) {
            throw Problem.badInput("devices.provision.control");
        }
        return new ProvisionRequest(serial, reviewer, location, assetId, orgUnit, r.state(), r.deviceId(),
                r.requestedBy(), r.requestedAt(), r.claimedAt(), r.provisionedAt(), r.failure());
    }

    static boolean isEmail(String s) {
        return s.length() <= REVIEWER_LIMIT && EMAIL.matcher(s).matches();
    }

    private static void length(String field, String value, int limit) {
        if (value.length() > limit) {
            throw Problem.badInput("devices.provision.tooLong", field, value.length(), limit);
        }
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(Character::isISOControl);
    }
}
