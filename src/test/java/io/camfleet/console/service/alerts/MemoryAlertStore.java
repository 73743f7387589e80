package io.camfleet.console.service.alerts;

import io.camfleet.console.domain.alerts.Alert;
import io.camfleet.console.domain.alerts.AlertStep;
import io.camfleet.console.domain.alerts.Silence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** The alert store in memory, for the service's tests; the real one is tested on H2 and PostgreSQL. */
public final class MemoryAlertStore implements AlertStore {

    private final Map<Long, Alert> alerts = new TreeMap<>();
    private final List<StepRecord> steps = new ArrayList<>();
    private final List<Silence> silences = new ArrayList<>();

    @Override
    public synchronized Alert raise(Alert alert) {
        Alert stored = alert.withId(alerts.size() + 1);
        alerts.put(stored.id(), stored);
        steps.add(new StepRecord(stored.id(), AlertStep.RAISE, alert.raisedAt(), "", ""));
        return stored;
    }

    @Override
    public synchronized boolean update(Alert before, Alert after, AlertStep step, Instant at, String by,
                                       String note) {
        Alert now = alerts.get(before.id());
        if (now == null || now.status() != before.status() || now.flaps() != before.flaps()
                || now.silenced() != before.silenced() || !Objects.equals(now.clearSince(), before.clearSince())) {
            return false;
        }
        alerts.put(before.id(), after);
        if (step != null) {
            steps.add(new StepRecord(before.id(), step, at, by, note));
        }
        return true;
    }

    @Override
    public synchronized Optional<Alert> find(long id) {
        return Optional.ofNullable(alerts.get(id));
    }

    @Override
    public synchronized List<Alert> open() {
        return alerts.values().stream().filter(Alert::isOpen).toList();
    }

    @Override
    public synchronized List<Alert> recent(int limit) {
        return alerts.values().stream().sorted(Comparator.comparing(Alert::id).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized List<StepRecord> steps(long alertId) {
        return steps.stream().filter(s -> s.alertId() == alertId).toList();
    }

    @Override
    public synchronized List<AlertTimes> raisedBetween(Instant from, Instant to) {
        return alerts.values().stream().filter(a -> !a.raisedAt().isBefore(from) && a.raisedAt().isBefore(to))
                .map(a -> new AlertTimes(a.kind(), a.severity(), a.raisedAt(), a.acknowledgedAt(), a.resolvedAt()))
                .toList();
    }

    @Override
    public synchronized Silence silence(Silence silence) {
        Silence stored = silence.withId(silences.size() + 1);
        silences.add(stored);
        return stored;
    }

    @Override
    public synchronized List<Silence> silences(Instant at) {
        return silences.stream().filter(s -> s.until().isAfter(at)).toList();
    }
}
