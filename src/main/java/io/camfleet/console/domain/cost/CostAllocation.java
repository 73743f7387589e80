package io.camfleet.console.domain.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sums Cost Explorer lines into what the operators ask: per group over the accounts, and per site with a share per
 * camera. Cost without the site tag is never spread over the sites: it is its own "untagged" row, so that no site
 * shows a precision the tags do not give.
 */
public final class CostAllocation {

    private CostAllocation() {
    }

    /** The lines summed per group (service, tag value or account), largest first, then by name. */
    public static Map<String, BigDecimal> byGroup(List<CostLine> lines) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        lines.forEach(l -> sums.merge(l.group(), l.amount(), BigDecimal::add));
        return sorted(sums);
    }

    /** The lines summed per account (the environments reading one account), largest first. */
    public static Map<String, BigDecimal> byAccount(List<CostLine> lines) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        lines.forEach(l -> sums.merge(l.account(), l.amount(), BigDecimal::add));
        return sorted(sums);
    }

    /**
     * Per site from lines grouped by the site tag: the tagged sites, largest first, then the untagged row if any.
     *
     * @param cameras the number of cameras per site id in the fleet
     */
    public static List<SiteCost> bySite(List<CostLine> siteTagged, Map<String, Integer> cameras) {
        List<SiteCost> rows = new ArrayList<>();
        SiteCost untagged = null;
        for (Map.Entry<String, BigDecimal> e : byGroup(siteTagged).entrySet()) {
            if (e.getKey().isEmpty()) {
                untagged = new SiteCost("", e.getValue(), 0, null);
                continue;
            }
            int n = cameras.getOrDefault(e.getKey(), 0);
            rows.add(new SiteCost(e.getKey(), e.getValue(), n, perCamera(e.getValue(), n)));
        }
        if (untagged != null) {
            rows.add(untagged);
        }
        return rows;
    }

    /** An equal share of {@code amount} per camera, to the cent; null with no cameras. */
    public static BigDecimal perCamera(BigDecimal amount, int cameras) {
        return cameras <= 0 ? null : amount.divide(BigDecimal.valueOf(cameras), 2, RoundingMode.HALF_EVEN);
    }

    /** The total of the lines. */
    public static BigDecimal total(List<CostLine> lines) {
        return lines.stream().map(CostLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Map<String, BigDecimal> sorted(Map<String, BigDecimal> sums) {
        Map<String, BigDecimal> out = new java.util.LinkedHashMap<>();
        sums.entrySet().stream()
                .sorted(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
