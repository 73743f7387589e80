package io.camfleet.console.service.kpi;

import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.service.kpi.IncidentHistory.PastAlert;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the alerts of a period add up to: how many were raised (by kind, by severity, per day), how fast people
 * acknowledged them, and time to restore.
 *
 * <p>An <b>incident</b> is an alert of kind {@link AlertKind#SITE_OFFLINE}: a site down by the site-down rule for
 * longer than its threshold. <b>Time to restore</b> runs from its raising to its resolution (the site back up, or
 * resolved by hand), for the incidents raised in the period that are resolved; those still open are counted apart.
 * <b>Time to acknowledge</b> runs from an alert's raising to its acknowledgement, for every alert raised in the period
 * that someone acknowledged; alerts that resolved before anyone acknowledged them are counted as unacknowledged.
 *
 * @param perDay            alerts raised on each UTC day of the period, days without any included
 * @param unacknowledged    alerts raised in the period that nobody acknowledged
 * @param incidents         incidents raised in the period
 * @param openIncidents     of those, how many are not resolved yet
 */
public record AlertFigures(Period period, int raised, Map<AlertKind, Integer> byKind,
                           Map<AlertSeverity, Integer> bySeverity, List<DayCount> perDay,
                           Spread timeToAcknowledge, int unacknowledged, Spread timeToRestore, int incidents,
                           int openIncidents) {

    public static final AlertKind INCIDENT = AlertKind.SITE_OFFLINE;

    public AlertFigures {
        byKind = Map.copyOf(byKind);
        bySeverity = Map.copyOf(bySeverity);
        perDay = List.copyOf(perDay);
    }

    /** The figures of the alerts raised in {@code period}. */
    public static AlertFigures of(Period period, List<PastAlert> alerts) {
        Map<AlertKind, Integer> byKind = new EnumMap<>(AlertKind.class);
        Map<AlertSeverity, Integer> bySeverity = new EnumMap<>(AlertSeverity.class);
        Map<LocalDate, Integer> days = new TreeMap<>();
        List<Duration> toAck = new ArrayList<>();
        List<Duration> toRestore = new ArrayList<>();
        int raised = 0;
        int incidents = 0;
        int open = 0;
        for (PastAlert a : alerts) {
            if (a.raisedAt().isBefore(period.from()) || !a.raisedAt().isBefore(period.to())) {
                continue;
            }
            raised++;
            byKind.merge(a.kind(), 1, Integer::sum);
            bySeverity.merge(a.severity(), 1, Integer::sum);
            days.merge(DoraCalculator.day(a.raisedAt()), 1, Integer::sum);
            a.timeToAcknowledge().ifPresent(toAck::add);
            if (a.kind() == INCIDENT) {
                incidents++;
                a.timeToResolve().ifPresent(toRestore::add);
                open += a.resolvedAt() == null ? 1 : 0;
            }
        }
        List<DayCount> perDay = new ArrayList<>();
        LocalDate last = DoraCalculator.day(period.to().minusNanos(1));
        for (LocalDate d = DoraCalculator.day(period.from()); !d.isAfter(last); d = d.plusDays(1)) {
            perDay.add(new DayCount(d, days.getOrDefault(d, 0)));
        }
        return new AlertFigures(period, raised, byKind, bySeverity, perDay, Spread.of(toAck), raised - toAck.size(),
                Spread.of(toRestore), incidents, open);
    }
}
