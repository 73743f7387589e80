package io.camfleet.console.service.diagnostics;

import io.camfleet.console.domain.runbooks.Runbook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run would do, before it is started: for the dialog that asks, and for {@code camfleet diag} before it runs.
 *
 * @param command           the command line each camera will run, its parameter values quoted in
 * @param cannotReach       the targets that cannot be reached at all, by camera id, each with its sentence; they
 *                          would be recorded as unreachable and nothing sent to them
 * @param needsConfirmation the runbook changes the cameras (a remediation): the operator must confirm it
 */
public record RunbookPreview(Runbook runbook, String command, Map<String, String> cannotReach,
                             boolean needsConfirmation) {

    public RunbookPreview {
        cannotReach = Collections.unmodifiableMap(new LinkedHashMap<>(cannotReach));
    }
}
