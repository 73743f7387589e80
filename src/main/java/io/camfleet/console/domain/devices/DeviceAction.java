package io.camfleet.console.domain.devices;

/**
 * What an operator can do to review devices, each sent as the Directory API's own call and audited as
 * {@code devices.<auditName>}.
 */
public enum DeviceAction {
    /** ChromeOS {@code batchChangeStatus} DISABLE (the lost-device flow gives its reason). */
    DISABLE("disable", DeviceType.CHROMEOS),
    /** ChromeOS {@code batchChangeStatus} REENABLE. */
    REENABLE("reenable", DeviceType.CHROMEOS),
    /** ChromeOS {@code batchChangeStatus} DEPROVISION, with its reason. */
    DEPROVISION("deprovision", DeviceType.CHROMEOS),
    /** ChromeOS {@code moveDevicesToOu}. */
    MOVE("move", DeviceType.CHROMEOS),
    /** ChromeOS patch of {@code annotatedUser}. */
    ASSIGN("assign", DeviceType.CHROMEOS),
    /** ChromeOS patch of the annotations and notes. */
    ANNOTATE("annotate", DeviceType.CHROMEOS),
    /** ChromeOS {@code issueCommand} REBOOT. */
    REBOOT("reboot", DeviceType.CHROMEOS),
    /** ChromeOS {@code issueCommand} TAKE_A_SCREENSHOT. */
    SCREENSHOT("screenshot", DeviceType.CHROMEOS),
    /** Android {@code action} approve. */
    APPROVE("approve", DeviceType.ANDROID),
    /** Android {@code action} block. */
    BLOCK("block", DeviceType.ANDROID),
    /** Android {@code action} admin_remote_wipe: the whole device. */
    WIPE("wipe", DeviceType.ANDROID),
    /** Android {@code action} admin_account_wipe: the work account only. */
    ACCOUNT_WIPE("accountWipe", DeviceType.ANDROID);

    private final String auditName;
    private final DeviceType type;

    DeviceAction(String auditName, DeviceType type) {
        this.auditName = auditName;
        this.type = type;
    }

    /** The audit action: {@code devices.disable}, {@code devices.wipe}... */
    public String auditAction() {
        return "devices." + auditName;
    }

    /** The kind of device the action applies to. */
    public DeviceType type() {
        return type;
    }

    /** Whether it needs a reason (disable, deprovision and the wipes are not undone by a click). */
    public boolean needsReason() {
        return this == DISABLE || this == DEPROVISION || this == WIPE || this == ACCOUNT_WIPE;
    }
}
