package io.camfleet.console.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.camfleet.console.domain.cost.CleanupHint;
import io.camfleet.console.domain.cost.CostAllocation;
import io.camfleet.console.domain.cost.CostLine;
import io.camfleet.console.domain.cost.SiteCost;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.cost.CostReport;
import io.camfleet.console.service.cost.CostService;
import io.camfleet.console.service.cost.Grouping;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The cost report as text, CSV and JSON: one row per month and group; by site with cameras and a share each. */
final class CostTable {

    static final List<String> CSV_HEADER = List.of("month", "group", "amount", "unit", "estimated", "cameras",
            "per_camera_allocated");

    /**
     * @param group      the service, site, customer or account; "" for untagged cost
     * @param cameras    by site only: the site's cameras, else null
     * @param perCamera  by site only: the equal share per camera, else null
     */
    record Row(YearMonth month, String group, BigDecimal amount, String unit, boolean estimated, Integer cameras,
               BigDecimal perCamera) {

        List<Object> csv() {
            return Arrays.asList(month.toString(), group, amount, unit, estimated, cameras, perCamera);
        }
    }

    private CostTable() {
    }

    static List<Row> rows(CostReport report, CostService service) {
        List<Row> rows = new ArrayList<>();
        for (YearMonth m = report.from(); !m.isAfter(report.to()); m = m.plusMonths(1)) {
            List<CostLine> lines = report.in(m);
            String unit = lines.isEmpty() ? "USD" : lines.getFirst().unit();
            boolean estimated = lines.stream().anyMatch(CostLine::estimated);
            if (report.grouping() == Grouping.SITE) {
                for (SiteCost s : service.sites(lines)) {
                    rows.add(new Row(m, s.site(), s.amount(), unit, estimated, s.untagged() ? null : s.cameras(),
                            s.perCamera()));
                }
            } else {
                Map<String, BigDecimal> sums = report.grouping() == Grouping.ENVIRONMENT
                        ? CostAllocation.byAccount(lines) : CostAllocation.byGroup(lines);
                for (Map.Entry<String, BigDecimal> e : sums.entrySet()) {
                    rows.add(new Row(m, e.getKey(), e.getValue(), unit, estimated, null, null));
                }
            }
        }
        return rows;
    }

    static void text(Messages m, CostReport report, String metric, List<Row> rows, PrintWriter out) {
        String months = report.from().equals(report.to()) ? report.from().toString()
                : report.from() + " to " + report.to();
        String unit = rows.isEmpty() ? "USD" : rows.getFirst().unit();
        out.println(m.text("cost.cli.heading", months, report.grouping().cliName(), metric, unit,
                String.join(", ", report.accounts())));
        YearMonth shown = null;
        BigDecimal total = BigDecimal.ZERO;
        for (Row r : rows) {
            if (!r.month().equals(shown)) {
                if (shown != null) {
                    out.printf("  %-40s %12s%n", m.text("cost.cli.total"), cents(total));
                }
                shown = r.month();
                total = BigDecimal.ZERO;
                out.println(r.month() + (r.estimated() ? " *" : ""));
            }
            total = total.add(r.amount());
            String group = r.group().isEmpty() ? m.text("cost.cli.untagged") : r.group();
            String share = r.cameras() == null ? ""
                    : r.perCamera() == null ? "  " + m.text("cost.cli.notInFleet")
                    : String.format("  %3d cameras  %s", r.cameras(),
                    m.text("cost.cli.perCamera", r.perCamera().toPlainString()));
            out.printf("  %-40s %12s%s%n", group, cents(r.amount()), share);
        }
        if (shown == null) {
            out.println(m.text("cost.cli.none", months));
        } else {
            out.printf("  %-40s %12s%n", m.text("cost.cli.total"), cents(total));
        }
        if (report.grouping() == Grouping.SITE && shown != null) {
            out.println(m.text("cost.cli.allocation"));
        }
        if (report.estimated()) {
            out.println("* " + m.text("cost.cli.estimated"));
        }
        out.println(m.text("cost.cli.calls", report.calls()));
    }

    /** An amount to the cent, for reading; CSV and JSON keep Cost Explorer's precision. */
    private static String cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String json(CostReport report, String metric, List<Row> rows) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("from", report.from().toString());
        root.put("to", report.to().toString());
        root.put("by", report.grouping().cliName());
        root.put("metric", metric);
        root.put("accounts", report.accounts());
        root.put("calls", report.calls());
        root.put("asOf", report.asOf().toString());
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("month", r.month().toString());
            row.put("group", r.group());
            row.put("untagged", r.group().isEmpty() && (report.grouping() == Grouping.SITE
                    || report.grouping() == Grouping.CUSTOMER));
            row.put("amount", r.amount());
            row.put("unit", r.unit());
            row.put("estimated", r.estimated());
            if (report.grouping() == Grouping.SITE) {
                row.put("cameras", r.cameras());
                row.put("perCameraAllocated", r.perCamera());
            }
            out.add(row);
        }
        root.put("rows", out);
        return write(root);
    }

    static String json(List<CleanupHint> hints) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CleanupHint h : hints) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", h.kind().cliName());
            row.put("environment", h.environment());
            row.put("resource", h.resource());
            row.put("detail", h.detail());
            row.put("sizeGb", h.sizeGb());
            row.put("monthlyUsd", h.monthly());
            out.add(row);
        }
        return write(Map.of("hints", out));
    }

    private static String write(Object value) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
