package io.camfleet.console.service.devices;

import io.camfleet.console.domain.devices.ComplianceRules;
import io.camfleet.console.service.common.SettingsSection;

import java.util.List;
import java.util.Objects;

/**
 * Where the review devices come from and how they are judged (section {@code devices} of {@code settings.json}).
 * Without a customer and a key file the demo's simulated directory is used. The key file stays where the user keeps
 * it: the console stores its path only, and never copies, logs or shows its content.
 *
 * @param customerId   the Workspace customer ({@code my_customer} for the admin's own); "" = demo directory
 * @param adminSubject the admin the service account acts as (domain-wide delegation)
 * @param keyFile      the path of the service account's JSON key
 * @param scopes       the OAuth scopes asked for; with only {@code ...readonly} scopes the actions are disabled
 * @param apiBaseUrl   the Directory API's root, {@code https://admin.googleapis.com} (tests point it at loopback)
 * @param tokenUrl     the OAuth token endpoint, {@code https://oauth2.googleapis.com/token}
 * @param orgUnit      the org unit listed (with its children); "" for the whole customer
 * @param reviewersFile a file of reviewer emails, one a line ("" if none)
 * @param reviewersGroup a Google group whose members are the reviewers ("" if none)
 * @param rules        the compliance thresholds
 */
public record DeviceSettings(String customerId, String adminSubject, String keyFile, List<String> scopes,
                             String apiBaseUrl, String tokenUrl, String orgUnit, String reviewersFile,
                             String reviewersGroup, ComplianceRules rules) {

    public static final String CHROMEOS_SCOPE = "https://www.googleapis.com/auth/admin.directory.device.chromeos";
    public static final String MOBILE_SCOPE = "https://www.googleapis.com/auth/admin.directory.device.mobile";
    public static final String GROUP_MEMBERS_SCOPE =
            "https://www.googleapis.com/auth/admin.directory.group.member.readonly";

    public static final DeviceSettings DEFAULTS = new DeviceSettings("", "", "",
            List.of(CHROMEOS_SCOPE, MOBILE_SCOPE, GROUP_MEMBERS_SCOPE), "https://admin.googleapis.com",
            "https://oauth2.googleapis.com/token", "", "", "", ComplianceRules.DEFAULT);

    public static final SettingsSection<DeviceSettings> SECTION = SettingsSection.of("devices", DEFAULTS,
            Stored.class, DeviceSettings::read, DeviceSettings::write);

    public DeviceSettings {
        customerId = Objects.requireNonNullElse(customerId, "");
        adminSubject = Objects.requireNonNullElse(adminSubject, "");
        keyFile = Objects.requireNonNullElse(keyFile, "");
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        apiBaseUrl = Objects.requireNonNullElse(apiBaseUrl, "");
        tokenUrl = Objects.requireNonNullElse(tokenUrl, "");
        orgUnit = Objects.requireNonNullElse(orgUnit, "");
        reviewersFile = Objects.requireNonNullElse(reviewersFile, "");
        reviewersGroup = Objects.requireNonNullElse(reviewersGroup, "");
        Objects.requireNonNull(rules, "rules");
    }

    /** Whether a real directory is configured; otherwise the demo's is used. */
    public boolean google() {
        return !customerId.isBlank() && !keyFile.isBlank();
    }

    private static DeviceSettings read(Stored s) {
        DeviceSettings d = DEFAULTS;
        ComplianceRules r = d.rules();
        return new DeviceSettings(or(s.customerId, d.customerId()), or(s.adminSubject, d.adminSubject()),
                or(s.keyFile, d.keyFile()), s.scopes == null ? d.scopes() : s.scopes, or(s.apiBaseUrl, d.apiBaseUrl()),
                or(s.tokenUrl, d.tokenUrl()), or(s.orgUnit, d.orgUnit()), or(s.reviewersFile, d.reviewersFile()),
                or(s.reviewersGroup, d.reviewersGroup()), new ComplianceRules(
                s.milestonesBehind == null ? r.milestonesBehind() : s.milestonesBehind,
                s.updatesEndingDays == null ? r.updatesEndingDays() : s.updatesEndingDays,
                s.notSyncedDays == null ? r.notSyncedDays() : s.notSyncedDays));
    }

    private static String or(String value, String otherwise) {
        return value == null ? otherwise : value;
    }

    private static Stored write(DeviceSettings v) {
        return new Stored(v.customerId(), v.adminSubject(), v.keyFile(), v.scopes(), v.apiBaseUrl(), v.tokenUrl(),
                v.orgUnit(), v.reviewersFile(), v.reviewersGroup(), v.rules().milestonesBehind(),
                v.rules().updatesEndingDays(), v.rules().notSyncedDays());
    }

    /** As kept in the file. */
    record Stored(String customerId, String adminSubject, String keyFile, List<String> scopes, String apiBaseUrl,
                  String tokenUrl, String orgUnit, String reviewersFile, String reviewersGroup,
                  Integer milestonesBehind, Integer updatesEndingDays, Integer notSyncedDays) {
    }
}
