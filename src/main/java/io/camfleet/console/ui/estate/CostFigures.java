package io.camfleet.console.ui.estate;

import io.camfleet.console.domain.cost.CostLine;
import io.camfleet.console.domain.cost.SiteCost;
import io.camfleet.console.service.common.SafeCsv;
import io.camfleet.console.service.cost.CostReport;
import io.camfleet.console.service.cost.Grouping;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the cost tab shows of one history report (the closed months and the current one to date): one row per group
 * with its amount each month, the months' totals, and the chart's series (the largest groups and "other"). Pure
 * arithmetic on the report, so that it is tested without a toolkit.
 *
 * @param months     oldest first; the last is the current month, to date
 * @param rows       largest month to date first, then largest over the months, then by name
 * @param totals     per month, in the order of {@code months}
 * @param unit       the currency of the lines (Cost Explorer gives one per account: USD unless billed otherwise)
 * @param estimated  whether any month is still open (Cost Explorer's figures are estimates until it closes)
 * @param calls      the Cost Explorer calls the reading made
 */
public record CostFigures(Grouping grouping, List<YearMonth> months, List<Row> rows, List<BigDecimal> totals,
                          String unit, boolean estimated, int calls) {

    /** The chart stacks this many groups; the rest are summed as "other". */
    static final int CHART_GROUPS = 5;

    public CostFigures {
        months = List.copyOf(months);
        rows = List.copyOf(rows);
        totals = List.copyOf(totals);
    }

    /**
     * One group's cost each month.
     *
     * @param group     the service, site, customer or environments; "" for cost without the tag
     * @param amounts   per month, in the order of the figures' months (zero where it cost nothing)
     * @param cameras   by site: the site's cameras in the fleet cache, else null (and null for the untagged row)
     * @param perCamera by site: the last closed month's amount shared equally per camera, null without cameras
     */
    public record Row(String group, List<BigDecimal> amounts, Integer cameras, BigDecimal perCamera) {

        public Row {
            amounts = List.copyOf(amounts);
        }

        public BigDecimal monthToDate() {
            return amounts.getLast();
        }

        /** The closed months summed (every month but the current one). */
        public BigDecimal closedMonths() {
            return amounts.subList(0, amounts.size() - 1).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** One stacked series of the chart: a group (or "other", named null) and its amount per month. */
    public record Series(String group, List<BigDecimal> amounts) {
    }

    /**
     * @param sites the per-site split of one month's site-grouped lines ({@code CostService.sites})
     */
    public static CostFigures of(CostReport report, Function<List<CostLine>, List<SiteCost>> sites) {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = report.from(); !m.isAfter(report.to()); m = m.plusMonths(1)) {
            months.add(m);
        }
        Map<String, BigDecimal[]> byGroup = new LinkedHashMap<>();
        BigDecimal[] totals = zeros(months.size());
        for (CostLine l : report.lines()) {
            int i = months.indexOf(l.month());
            if (i < 0) {
                continue; // Cost Explorer answered for a month not asked: not shown rather than misplaced
            }
            String group = report.grouping() == Grouping.ENVIRONMENT ? l.account() : l.group();
            byGroup.computeIfAbsent(group, g -> zeros(months.size()))[i] =
                    byGroup.get(group)[i].add(l.amount());
            totals[i] = totals[i].add(l.amount());
        }
        Map<String, SiteCost> share = new LinkedHashMap<>();
        if (report.grouping() == Grouping.SITE) {
            sites.apply(report.in(shareMonth(months))).forEach(s -> share.put(s.site(), s));
        }
        List<Row> rows = new ArrayList<>();
        byGroup.forEach((group, amounts) -> {
            SiteCost s = share.get(group);
            Integer cameras = report.grouping() != Grouping.SITE || group.isEmpty() ? null
                    : s == null ? Integer.valueOf(0) : Integer.valueOf(s.cameras());
            rows.add(new Row(group, Arrays.asList(amounts), cameras, s == null ? null : s.perCamera()));
        });
        rows.sort(java.util.Comparator.comparing(Row::monthToDate).reversed()
                .thenComparing(java.util.Comparator.comparing(Row::closedMonths).reversed())
                .thenComparing(Row::group));
        String unit = report.lines().isEmpty() ? "USD" : report.lines().getFirst().unit();
        return new CostFigures(report.grouping(), months, rows, Arrays.asList(totals), unit, report.estimated(),
                report.calls());
    }

    public BigDecimal monthToDate() {
        return totals.getLast();
    }

    /** The closed months summed. */
    public BigDecimal closedMonths() {
        return totals.subList(0, totals.size() - 1).stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The groups largest over all months stacked, the rest summed as "other" (only when there is a rest). */
    public List<Series> chart() {
        List<Row> ranked = new ArrayList<>(rows);
        ranked.sort(java.util.Comparator.comparing((Row r) -> r.amounts().stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add)).reversed().thenComparing(Row::group));
        List<Series> series = new ArrayList<>();
        BigDecimal[] other = zeros(months.size());
        for (int r = 0; r < ranked.size(); r++) {
            Row row = ranked.get(r);
            if (r < CHART_GROUPS || ranked.size() == CHART_GROUPS + 1) {
                series.add(new Series(row.group(), row.amounts()));
            } else {
                for (int i = 0; i < other.length; i++) {
                    other[i] = other[i].add(row.amounts().get(i));
                }
            }
        }
        if (ranked.size() > CHART_GROUPS + 1) {
            series.add(new Series(null, Arrays.asList(other)));
        }
        return series;
    }

    /** The CSV of {@code shown} (the rows as filtered and sorted), amounts as Cost Explorer gave them. */
    public String csv(List<Row> shown) {
        List<Object> header = new ArrayList<>(List.of("group"));
        months.forEach(m -> header.add(m.toString()));
        header.addAll(List.of("unit", "estimated"));
        if (grouping == Grouping.SITE) {
            header.addAll(List.of("cameras", "per_camera_allocated_" + shareMonth()));
        }
        StringBuilder out = new StringBuilder(SafeCsv.line(header)).append("\r\n");
        for (Row r : shown) {
            List<Object> line = new ArrayList<>(List.of(r.group()));
            line.addAll(r.amounts());
            line.addAll(List.of(unit, estimated));
            if (grouping == Grouping.SITE) {
                line.add(r.cameras());
                line.add(r.perCamera());
            }
            out.append(SafeCsv.line(line)).append("\r\n");
        }
        return out.toString();
    }

    /** The month each camera's share is of: the last closed one, whole (the current one is partial). */
    public YearMonth shareMonth() {
        return shareMonth(months);
    }

    private static YearMonth shareMonth(List<YearMonth> months) {
        return months.get(Math.max(0, months.size() - 2));
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] a = new BigDecimal[n];
        Arrays.fill(a, BigDecimal.ZERO);
        return a;
    }
}
