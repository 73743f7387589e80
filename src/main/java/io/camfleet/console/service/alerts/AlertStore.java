package io.camfleet.console.service.alerts;

import io.camfleet.console.domain.alerts.Alert;
import io.camfleet.console.domain.alerts.AlertStep;
import io.camfleet.console.domain.alerts.Silence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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

    /**
     * The steps taken from {@code from} (inclusive) to {@code to} (exclusive) on the alerts of site {@code siteId},
     * the latest {@code limit}, newest first: the site timeline's alert rows.
     */
    default List<SiteStep> siteSteps(String siteId, Instant from, Instant to, int limit) {
        List<SiteStep> out = new ArrayList<>();
        for (Alert a : recent(Integer.MAX_VALUE).reversed()) {
            if (!a.siteId().equals(siteId)) {
                continue;
            }
            List<StepRecord> steps = steps(a.id());
            for (int i = 0; i < steps.size(); i++) {
                StepRecord s = steps.get(i);
                if (!s.at().isBefore(from) && s.at().isBefore(to)) {
                    out.add(new SiteStep(a.id() * 1000 + i, a, s));
                }
            }
        }
        out.sort(Comparator.comparing((SiteStep s) -> s.step().at()).thenComparingLong(SiteStep::id).reversed());
        return out.subList(0, Math.min(limit, out.size()));
    }

    /** A step with the alert it was taken on (as it is now) and its id in the store, which orders equal times. */
    record SiteStep(long id, Alert alert, StepRecord step) {
    }

    /** One step of an alert's life, as stored. */
    record StepRecord(long alertId, AlertStep step, Instant at, String by, String note) {
    }
}
