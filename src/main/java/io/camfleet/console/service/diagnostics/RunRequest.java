package io.camfleet.console.service.diagnostics;

import io.camfleet.console.service.deploy.Target;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One runbook to run on cameras.
 *
 * @param values    parameter values by name; a parameter left out takes its default
 * @param ticketId  the ticket whose timeline takes each camera's output; 0 for none
 * @param confirmed the operator confirmed a remediation (it changes the cameras); a remediation refuses to run
 *                  without it, a diagnostic ignores it
 */
public record RunRequest(String runbookId, Map<String, String> values, List<Target> targets, long ticketId,
                         boolean confirmed) {

    public RunRequest {
        Objects.requireNonNull(runbookId, "runbookId");
        values = values == null ? Map.of() : Map.copyOf(values);
        targets = targets == null ? List.of() : List.copyOf(targets);
    }
}
