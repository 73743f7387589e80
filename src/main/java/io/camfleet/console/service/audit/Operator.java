package io.camfleet.console.service.audit;

/**
 * Who sits at the console: the operating-system user, and the cloud identity once one is known.
 */
public record Operator(String osUser, String cloudIdentity) {

    public Operator {
        osUser = osUser == null || osUser.isBlank() ? "unknown" : osUser;
        cloudIdentity = cloudIdentity == null ? "" : cloudIdentity;
    }
}
