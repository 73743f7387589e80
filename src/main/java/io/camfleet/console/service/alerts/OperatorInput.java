package io.camfleet.console.service.alerts;

import io.camfleet.console.domain.alerts.Alert;
import io.camfleet.console.domain.alerts.AlertTransitions;
import io.camfleet.console.service.common.Problem;

/** What an operator gives a step on an alert, checked, and a step refused, as the sentence the operator reads. */
final class OperatorInput {

    private OperatorInput() {
    }

    /** The step does not fit the alert: say why, naming who took the step that came first. */
    static Problem refused(Alert a, AlertTransitions.Refused r) {
        return switch (r.reason()) {
            case ALREADY_RESOLVED -> a.resolvedAutomatically()
                    ? Problem.badInput("alerts.refused.resolvedByItself", a.id(), a.resolvedAt().toString())
                    : Problem.badInput("alerts.refused.resolved", a.id(), a.resolvedBy(), a.resolvedAt().toString());
            case ALREADY_ACKNOWLEDGED -> Problem.badInput("alerts.refused.acknowledged", a.id(), a.acknowledgedBy(),
                    a.acknowledgedAt().toString());
            default -> Problem.badInput("alerts.refused.other", a.id(), a.status().name());
        };
    }

    /** The note, stripped: refused when empty (the next person on shift reads it) or too long. */
    static String note(String note) {
        String n = note == null ? "" : note.strip();
        if (n.isEmpty()) {
            throw Problem.badInput("alerts.noteMissing");
        }
        if (n.length() > AlertService.NOTE_LIMIT) {
            throw Problem.badInput("alerts.noteTooLong", AlertService.NOTE_LIMIT, n.length());
        }
        return n;
    }
}
