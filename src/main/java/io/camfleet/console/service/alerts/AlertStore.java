package io.camfleet.console.service.alerts;

import io.camfleet.console.domain.alerts.Alert;
import io.camfleet.console.domain.alerts.AlertStep;
import io.camfleet.console.domain.alerts.Silence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: where alerts, each step of their lives, and the operators' silences are kept, so that open alerts survive a
 * restart and the CLI sees what the window raised. Every write is on the disk when it returns.
 */
public interface AlertStore {

    /** Stores a new alert with its RAISE step; returns it with its id. */
    Alert raise(Alert alert);

    /**
     * Stores {@code after} in place of {@code before}, with {@code step} in its history, unless the stored alert is no
     * longer {@code before} (another console took a step in between).
     *
     * @param step the step taken, or null for a change that is no step (the condition cleared, the silence ended)
     * @return whether it was stored; false when the stored alert had moved on
     */
    boolean update(Alert before, Alert after, AlertStep step, Instant at, String by, String note);

    Optional<Alert> find(long id);

    /** The alerts not yet resolved, oldest first. */
    List<Alert> open();

    /** The latest {@code limit} alerts, open or not, newest first. */
    List<Alert> recent(int limit);

    /** The steps of one alert's life, in order. */
    List<StepRecord> steps(long alertId);

    /**
     * Each alert raised in {@code [from, to)}: what the KPI dashboard counts (alert volume, time to acknowledge).
     */
    List<AlertTimes> raisedBetween(Instant from, Instant to);

    /** Stores a silence; returns it with its id. */
    Silence silence(Silence silence);

    /** The silences not yet over at {@code at}. */
    List<Silence> silences(Instant at);

    /** One step of an alert's life, as stored. */
    record StepRecord(long alertId, AlertStep step, Instant at, String by, String note) {
    }
}
