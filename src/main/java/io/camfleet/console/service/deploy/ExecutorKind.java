package io.camfleet.console.service.deploy;

import io.camfleet.console.service.common.Problem;

import java.util.Locale;

/** How a deployment reaches its cameras. The journal stores the name. */
public enum ExecutorKind {
    /** The demo fleet's simulated cameras. */
    DEMO,
    /** Each camera over SSH, through its site's jump host when it has one. */
    SSH,
    /** Each camera's AWS Systems Manager agent, by Run Command. */
    SSM;

    /** The kind an operator or a pipeline names, in any case. */
    public static ExecutorKind parse(String name) {
        String wanted = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
        for (ExecutorKind k : values()) {
            if (k.name().equals(wanted)) {
                return k;
            }
        }
        throw Problem.badInput("deploy.executor", name == null ? "" : name.strip());
    }

    /** The name as the CLI takes it. */
    public String lowerCase() {
        return name().toLowerCase(Locale.ROOT);
    }
}
