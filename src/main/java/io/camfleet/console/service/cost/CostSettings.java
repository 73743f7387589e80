package io.camfleet.console.service.cost;

import io.camfleet.console.domain.cost.PriceTable;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.SettingsSection;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How cost is read and cleanup priced (section {@code cost} of {@code settings.json}).
 *
 * @param metric      the Cost Explorer metric: UnblendedCost (what the bill says), AmortizedCost, BlendedCost,
 *                    NetUnblendedCost or NetAmortizedCost
 * @param siteTag     the cost allocation tag that holds the site id
 * @param customerTag the cost allocation tag that holds the customer
 * @param prices      $ per GB-month overriding {@link PriceTable#US_EAST_1}: a volume type ({@code gp3}) or
 *                    {@code snapshot}
 */
public record CostSettings(String metric, String siteTag, String customerTag, Map<String, BigDecimal> prices) {

    public static final Set<String> METRICS = Set.of("UnblendedCost", "AmortizedCost", "BlendedCost",
            "NetUnblendedCost", "NetAmortizedCost");
    public static final CostSettings DEFAULTS = new CostSettings("UnblendedCost", "camfleet:site",
            "camfleet:customer", Map.of());

    public static final SettingsSection<CostSettings> SECTION = SettingsSection.of("cost", DEFAULTS,
            Stored.class, CostSettings::read, CostSettings::write);

    // Cost allocation tag keys: up to 128 characters, no "$" (Cost Explorer joins key and value with it).
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}\\s_.:/=+\\-@]{1,128}");

    public CostSettings {
        metric = Objects.requireNonNullElse(metric, "").strip();
        siteTag = Objects.requireNonNullElse(siteTag, "").strip();
        customerTag = Objects.requireNonNullElse(customerTag, "").strip();
        prices = Map.copyOf(Objects.requireNonNullElse(prices, Map.of()));
    }

    /** The price table the cleanup hints use. */
    public PriceTable priceTable() {
        return PriceTable.US_EAST_1.with(prices);
    }

    private static CostSettings read(Stored s) {
        CostSettings d = DEFAULTS;
        CostSettings v = new CostSettings(s.metric == null ? d.metric : s.metric,
                s.siteTag == null ? d.siteTag : s.siteTag, s.customerTag == null ? d.customerTag : s.customerTag,
                s.prices);
        if (!METRICS.contains(v.metric)) {
            throw Problem.badInput("cost.settings.metric", v.metric, String.join(", ", new java.util.TreeSet<>(METRICS)));
        }
        for (String tag : new String[] {v.siteTag, v.customerTag}) {
            if (!TAG.matcher(tag).matches()) {
                throw Problem.badInput("cost.settings.tag", tag);
            }
        }
        v.prices.forEach((type, price) -> {
            if (price.signum() < 0 || price.compareTo(BigDecimal.TEN) > 0) {
                throw Problem.badInput("cost.settings.price", type, price);
            }
        });
        return v;
    }

    private static Stored write(CostSettings v) {
        return new Stored(v.metric, v.siteTag, v.customerTag, new TreeMap<>(v.prices));
    }

    /** As kept in the file. */
    record Stored(String metric, String siteTag, String customerTag, Map<String, BigDecimal> prices) {
    }
}
