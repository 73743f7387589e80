package io.camfleet.console.service.cost;

import io.camfleet.console.domain.cost.CostLine;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * The cost of some months, as Cost Explorer gave it.
 *
 * @param from     the first month
 * @param to       the last month (the current one is month to date)
 * @param grouping what the lines' groups are
 * @param accounts the accounts asked, each as the environments reading it ({@code prod-eu+prod-us})
 * @param lines    every line of every account
 * @param calls    the Cost Explorer calls made ($0.01 each)
 * @param asOf     when it was read
 */
public record CostReport(YearMonth from, YearMonth to, Grouping grouping, List<String> accounts,
                         List<CostLine> lines, int calls, Instant asOf) {

    public CostReport {
        accounts = List.copyOf(accounts);
        lines = List.copyOf(lines);
    }

    /** The lines of one month. */
    public List<CostLine> in(YearMonth month) {
        return lines.stream().filter(l -> l.month().equals(month)).toList();
    }

    /** Whether any line is an estimate (a month not closed yet). */
    public boolean estimated() {
        return lines.stream().anyMatch(CostLine::estimated);
    }
}
