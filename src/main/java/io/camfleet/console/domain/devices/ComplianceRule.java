package io.camfleet.console.domain.devices;

/**
 * What can be wrong with a review device. The thresholds are in {@link ComplianceRules}; each rule has a name for
 * the CLI ({@code --rule os-behind}) and a message key {@code devices.rule.<name>} for the screen.
 */
public enum ComplianceRule {
    /** The OS is more than N milestones behind the newest version seen on a device of the same type. */
    OS_BEHIND("os-behind"),
    /** Past the end of automatic updates. */
    UPDATES_ENDED("updates-ended"),
    /** Within N days (default 90) of the end of automatic updates. */
    UPDATES_ENDING("updates-ending"),
    /** Not synced for N days (default 14). */
    NOT_SYNCED("not-synced"),
    /** Active, and no reviewer assigned. */
    NO_REVIEWER("no-reviewer"),
    /** Its reviewer is not on the reviewers list (a file or a Google group), when one is configured. */
    UNKNOWN_REVIEWER("unknown-reviewer");

    private final String cliName;

    ComplianceRule(String cliName) {
        this.cliName = cliName;
    }

    /** The rule's name on the command line and in exports. */
    public String cliName() {
        return cliName;
    }

    public String messageKey() {
        return "devices.rule." + cliName;
    }
}
