package io.camfleet.console.adapter.aws;

import io.camfleet.console.domain.cost.CostLine;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.cost.SpendReader;
import io.camfleet.console.service.environments.Environment;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.costexplorer.model.DateInterval;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageRequest;
import software.amazon.awssdk.services.costexplorer.model.GetCostAndUsageResponse;
import software.amazon.awssdk.services.costexplorer.model.Granularity;
import software.amazon.awssdk.services.costexplorer.model.Group;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinition;
import software.amazon.awssdk.services.costexplorer.model.GroupDefinitionType;
import software.amazon.awssdk.services.costexplorer.model.MetricValue;
import software.amazon.awssdk.services.costexplorer.model.ResultByTime;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Monthly cost from Cost Explorer's GetCostAndUsage, every page of it, and the account an environment signs in to
 * (STS GetCallerIdentity). Each GetCostAndUsage call costs $0.01: the caller asks once per account.
 */
public final class CostExplorerSpend implements SpendReader {

    /** Pages followed at most: a token that never ends must not loop for ever (a real answer has a handful). */
    static final int MAX_PAGES = 200;

    private final Supplier<AwsClients> clients;

    public CostExplorerSpend(Supplier<AwsClients> clients) {
        this.clients = clients;
    }

    @Override
    public String accountOf(Environment environment) {
        try {
            return clients.get().of(environment).sts().getCallerIdentity().account();
        } catch (SdkException e) {
            throw AwsProblems.of(environment, "GetCallerIdentity", e);
        }
    }

    @Override
    public Spend spend(Environment environment, String account, LocalDate start, LocalDate end, String metric,
                       String tagOrDimension, boolean tag) {
        GetCostAndUsageRequest.Builder request = GetCostAndUsageRequest.builder()
                .timePeriod(DateInterval.builder().start(start.toString()).end(end.toString()).build())
                .granularity(Granularity.MONTHLY)
                .metrics(metric);
        if (tagOrDimension != null) {
            request.groupBy(GroupDefinition.builder()
                    .type(tag ? GroupDefinitionType.TAG : GroupDefinitionType.DIMENSION)
                    .key(tagOrDimension).build());
        }
        List<CostLine> lines = new ArrayList<>();
        String token = null;
        int calls = 0;
        do {
            if (calls == MAX_PAGES) {
                throw new Problem("cost.tooManyPages", environment.label(), MAX_PAGES);
            }
            GetCostAndUsageResponse page;
            try {
                page = clients.get().costExplorer(environment).getCostAndUsage(request.nextPageToken(token).build());
            } catch (SdkException e) {
                throw AwsProblems.of(environment, "GetCostAndUsage", e);
            }
            calls++;
            for (ResultByTime r : page.resultsByTime()) {
                YearMonth month = YearMonth.from(LocalDate.parse(r.timePeriod().start()));
                boolean estimated = Boolean.TRUE.equals(r.estimated());
                if (tagOrDimension == null) {
                    add(lines, month, account, "", r.total(), metric, estimated);
                }
                for (Group g : r.groups()) {
                    String key = g.keys().isEmpty() ? "" : g.keys().getFirst();
                    add(lines, month, account, tag ? tagValue(key) : key, g.metrics(), metric, estimated);
                }
            }
            token = page.nextPageToken();
        } while (token != null && !token.isEmpty());
        return new Spend(lines, calls);
    }

    private static void add(List<CostLine> lines, YearMonth month, String account, String group,
                            Map<String, MetricValue> metrics, String metric, boolean estimated) {
        MetricValue v = metrics.get(metric);
        if (v != null && v.amount() != null) {
            lines.add(new CostLine(month, account, group, new BigDecimal(v.amount()), v.unit(), estimated));
        }
    }

    /**
     * The value of a tag group key: Cost Explorer writes {@code camfleet:site$ams-01}, and {@code camfleet:site$}
     * for the cost without the tag.
     */
    static String tagValue(String key) {
        int dollar = key.indexOf('$');
        return dollar < 0 ? key : key.substring(dollar + 1);
    }
}
