package io.camfleet.console.service.tracker;

import java.util.Objects;

/**
 * An issue's status in the tracker: its name there (each project names its own, "Waiting for support") and the
 * category every tracker status falls in, which the console can colour without knowing the project's workflow.
 */
public record ExternalStatus(String name, Category category) {

    /** Jira's status categories ({@code statusCategory.key}: new, indeterminate, done). */
    public enum Category { TO_DO, IN_PROGRESS, DONE, UNKNOWN }

    public ExternalStatus {
        name = Objects.requireNonNullElse(name, "");
        Objects.requireNonNull(category, "category");
    }
}
