package io.camfleet.console.ui.kpi;

import io.camfleet.console.domain.availability.Availability;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.kpi.AlertFigures;
import io.camfleet.console.service.kpi.AvailabilityTrend;
import io.camfleet.console.service.kpi.DayCount;
import io.camfleet.console.service.kpi.DoraFigures;
import io.camfleet.console.service.kpi.FleetComposition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/** The dashboard's figures turned into the data of its charts and table; pure, run off the FX thread. */
final class KpiCharts {

    private final Messages m;

    KpiCharts(Messages messages) {
        this.m = messages;
    }

    ChartData deployments(DoraFigures d) {
        return perDay("deployments", m.text("kpi.col.deployments"), d.perDay());
    }

    ChartData alerts(AlertFigures a) {
        return perDay("alerts", m.text("kpi.col.alerts"), a.perDay());
    }

    private ChartData perDay(String name, String column, List<DayCount> days) {
        List<List<Object>> rows = new ArrayList<>();
        days.forEach(d -> rows.add(List.of(d.day().toString(), d.count())));
        return new ChartData(name, List.of(m.text("kpi.col.day"), column), rows, List.of(1));
    }

    /** Fleet-wide uptime per day, then one series per region or customer. */
    ChartData trend(AvailabilityTrend t) {
        boolean byCustomer = t.grouping() == io.camfleet.console.domain.availability.Grouping.CUSTOMER;
        Function<AvailabilityTrend.Day, Map<String, Double>> of = AvailabilityTrend.Day::bySubject;
        TreeSet<String> subjects = new TreeSet<>();
        t.days().forEach(d -> subjects.addAll(of.apply(d).keySet()));
        List<String> columns = new ArrayList<>(List.of(m.text("kpi.col.day"), m.text("kpi.col.fleet")));
        columns.addAll(subjects);
        List<List<Object>> rows = new ArrayList<>();
        for (AvailabilityTrend.Day d : t.days()) {
            List<Object> row = new ArrayList<>(List.of(d.day().toString(), d.fleet()));
            subjects.forEach(s -> row.add(of.apply(d).getOrDefault(s, Double.NaN)));
            rows.add(row);
        }
        List<Integer> plotted = new ArrayList<>();
        for (int i = 1; i < columns.size(); i++) {
            plotted.add(i);
        }
        return new ChartData(byCustomer ? "availability-by-customer" : "availability-by-region", columns, rows,
                plotted);
    }

    /**
     * Met or not, and the budget left in percent of the budget (below 0: breached), least budget left first: the
     * order of the bars the chart draws.
     */
    ChartData attainment(String name, String subjectColumn, List<Availability> figures) {
        List<List<Object>> rows = new ArrayList<>();
        List<Availability> leastLeftFirst = new ArrayList<>(figures);
        leastLeftFirst.sort(java.util.Comparator.comparingDouble(Availability::budgetLeftFraction)
                .thenComparing(Availability::subject));
        for (Availability a : leastLeftFirst) {
            rows.add(List.of(a.subject(), a.uptimePercent(), a.targetPercent(),
                    m.text(a.metTarget() ? "kpi.sla.met" : "kpi.sla.missed"),
                    tenths(a.budgetLeftFraction() * 100), tenths(a.budgetLeftSeconds() / 60.0),
                    tenths(a.noDataSeconds() / 3600.0)));
        }
        return new ChartData(name, List.of(subjectColumn, m.text("kpi.col.uptime"), m.text("kpi.col.target"),
                m.text("kpi.col.met"), m.text("kpi.col.budgetLeftPercent"), m.text("kpi.col.budgetLeftMinutes"),
                m.text("kpi.col.noDataHours")), rows, List.of(4));
    }

    ChartData versions(FleetComposition c) {
        List<List<Object>> rows = new ArrayList<>();
        c.byVersion().forEach(v -> rows.add(List.of(v.value().isEmpty() ? m.text("kpi.unknownVersion") : v.value(),
                v.cameras())));
        return new ChartData("versions", List.of(m.text("kpi.col.version"), m.text("kpi.col.cameras")), rows,
                List.of(1));
    }

    /** Cameras per image with its build date and age; "unknown" where the images catalogue has none. */
    ChartData images(FleetComposition c) {
        List<List<Object>> rows = new ArrayList<>();
        c.byImage().forEach(i -> rows.add(List.of(i.image().isEmpty() ? m.text("kpi.unknownImage") : i.image(),
                i.cameras(), i.builtOn() == null ? m.text("kpi.ageUnknown") : i.builtOn().toString(),
                i.ageDays() < 0 ? m.text("kpi.ageUnknown") : (Object) i.ageDays())));
        return new ChartData("images", List.of(m.text("kpi.col.image"), m.text("kpi.col.cameras"),
                m.text("kpi.col.builtOn"), m.text("kpi.col.ageDays")), rows, List.of(1));
    }

    ChartData ages(FleetComposition c) {
        List<List<Object>> rows = new ArrayList<>();
        c.byAge().forEach((band, n) -> rows.add(List.of(m.text("kpi.age." + band.name()), n)));
        return new ChartData("image-ages", List.of(m.text("kpi.col.age"), m.text("kpi.col.cameras")), rows,
                List.of(1));
    }

    /** The availability table of one month, with every figure the SLA report needs. */
    ChartData table(String name, String subjectColumn, List<Availability> figures) {
        List<List<Object>> rows = new ArrayList<>();
        for (Availability a : figures) {
            rows.add(List.of(a.subject(), a.uptimePercent(), tenths(a.downSeconds() / 60.0),
                    tenths(a.noDataSeconds() / 3600.0), a.incidents(), tenths(a.cameraSecondsLost() / 60.0),
                    tenths(a.maintenanceSeconds() / 60.0), a.targetPercent(),
                    m.text(a.metTarget() ? "kpi.sla.met" : "kpi.sla.missed"), tenths(a.budgetLeftSeconds() / 60.0)));
        }
        return new ChartData(name, List.of(subjectColumn, m.text("kpi.col.uptime"), m.text("kpi.col.downMinutes"),
                m.text("kpi.col.noDataHours"), m.text("kpi.col.incidents"), m.text("kpi.col.cameraMinutesLost"),
                m.text("kpi.col.maintenanceMinutes"), m.text("kpi.col.target"), m.text("kpi.col.met"),
                m.text("kpi.col.budgetLeftMinutes")), rows, List.of());
    }

    /** Minutes, hours and shares to a tenth: what a reader compares, without binary noise in the CSV. */
    private static double tenths(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 10) / 10.0;
    }
}
