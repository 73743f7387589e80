package io.camfleet.console.service.alerts;

import io.camfleet.console.domain.alerts.Alert;
import io.camfleet.console.domain.alerts.AlertKind;

import java.time.Instant;
import java.util.List;

/**
 * Something that is wrong now, and since when: an alert once it has held past its kind's threshold.
 *
 * @param args what the summary sentence ({@code alerts.summary.<KIND>}) names, before the minutes it has held
 */
record Condition(AlertKind kind, String subject, String siteId, Instant since, List<Object> args) {

    Condition {
        args = List.copyOf(args);
    }

    String key() {
        return Alert.key(kind, subject);
    }

    /** The same condition, held since the earlier of the two: a condition seen again keeps its start. */
    Condition since(Instant earlier) {
        return earlier != null && earlier.isBefore(since) ? new Condition(kind, subject, siteId, earlier, args) : this;
    }
}
