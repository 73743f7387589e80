package io.camfleet.console.service.cost;

import io.camfleet.console.domain.cost.CleanupHint;
import io.camfleet.console.domain.cost.CleanupRules;
import io.camfleet.console.domain.cost.CostAllocation;
import io.camfleet.console.domain.cost.CostLine;
import io.camfleet.console.domain.cost.SiteCost;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.environments.Environment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Cost of the AWS environments: what each account spent (Cost Explorer), per service, site, customer or account,
 * per site and camera, and the cleanup hints with what each costs a month.
 *
 * <p>Cost Explorer answers per account, whatever the region, so environments that sign in to the same account are
 * asked once, through the first of them, and their lines name them all ({@code prod-eu+prod-us}); otherwise their
 * cost would be counted twice. The cleanup hints read EC2, which is regional: once per account and region.
 */
public final class CostService {

    /** The months of history besides the current month. */
    public static final int HISTORY_MONTHS = 6;

    private final SpendReader spend;
    private final InventoryReader inventory;
    private final Supplier<List<Environment>> environments;
    private final Supplier<CostSettings> settings;
    private final Supplier<Map<String, Integer>> camerasPerSite;
    private final Supplier<Set<String>> cameraImages;
    private final Clock clock;

    /**
     * @param camerasPerSite the fleet cache's cameras per site id
     * @param cameraImages   the image ids the fleet's cameras run
     */
    public CostService(SpendReader spend, InventoryReader inventory, Supplier<List<Environment>> environments,
                       Supplier<CostSettings> settings, Supplier<Map<String, Integer>> camerasPerSite,
                       Supplier<Set<String>> cameraImages, Clock clock) {
        this.spend = spend;
        this.inventory = inventory;
        this.environments = environments;
        this.settings = settings;
        this.camerasPerSite = camerasPerSite;
        this.cameraImages = cameraImages;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The cost of one month (the current one: month to date), grouped; {@code env} null for every environment. */
    public CostReport month(YearMonth month, Grouping by, String env) {
        return read(month, month, by, env);
    }

    /** The last {@link #HISTORY_MONTHS} closed months and the current one to date, grouped. */
    public CostReport history(Grouping by, String env) {
        YearMonth now = YearMonth.from(today());
        return read(now.minusMonths(HISTORY_MONTHS), now, by, env);
    }

    /**
     * Cost per site, with its share per camera, and the untagged cost last.
     *
     * @param siteLines lines of a report {@link Grouping#SITE grouped by site}, of one month
     */
    public List<SiteCost> sites(List<CostLine> siteLines) {
        return CostAllocation.bySite(siteLines, camerasPerSite.get());
    }

    /** Every cleanup hint of the environments (or of {@code env}), costliest first. */
    public List<CleanupHint> cleanup(String env) {
        CostSettings s = settings.get();
        Set<String> images = cameraImages.get();
        List<CleanupHint> hints = new ArrayList<>();
        Map<String, List<Environment>> places = new LinkedHashMap<>();
        for (Environment e : chosen(env)) {
            places.computeIfAbsent(spend.accountOf(e) + "/" + e.region(), k -> new ArrayList<>()).add(e);
        }
        for (List<Environment> same : places.values()) {
            hints.addAll(CleanupRules.hints(label(same), inventory.inventory(same.getFirst()), images,
                    s.priceTable()));
        }
        hints.sort(Comparator.comparing(CleanupHint::monthly).reversed().thenComparing(CleanupHint::resource));
        return hints;
    }

    private CostReport read(YearMonth from, YearMonth to, Grouping by, String env) {
        CostSettings s = settings.get();
        LocalDate today = today();
        Map<String, List<Environment>> accounts = new LinkedHashMap<>();
        for (Environment e : chosen(env)) {
            accounts.computeIfAbsent(spend.accountOf(e), k -> new ArrayList<>()).add(e);
        }
        String key = switch (by) {
            case SERVICE -> "SERVICE";
            case SITE -> s.siteTag();
            case CUSTOMER -> s.customerTag();
            case ENVIRONMENT -> null;
        };
        boolean tag = by == Grouping.SITE || by == Grouping.CUSTOMER;
        List<CostLine> lines = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int calls = 0;
        for (List<Environment> same : accounts.values()) {
            String label = label(same);
            labels.add(label);
            SpendReader.Spend answer = spend.spend(same.getFirst(), label, CostMonths.start(from),
                    CostMonths.end(to, today), s.metric(), key, tag);
            lines.addAll(answer.lines());
            calls += answer.calls();
        }
        return new CostReport(from, to, by, labels, lines, calls, clock.instant());
    }

    private List<Environment> chosen(String env) {
        List<Environment> all = environments.get();
        if (all.isEmpty()) {
            throw Problem.badInput("cost.noEnvironments");
        }
        if (env == null) {
            return all;
        }
        return all.stream().filter(e -> e.label().equals(env)).findFirst().map(List::of).orElseThrow(() ->
                Problem.badInput("cost.unknownEnvironment", env,
                        all.stream().map(Environment::label).collect(Collectors.joining(", "))));
    }

    private static String label(List<Environment> same) {
        return same.stream().map(Environment::label).collect(Collectors.joining("+"));
    }
}
