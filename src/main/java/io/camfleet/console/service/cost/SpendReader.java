package io.camfleet.console.service.cost;

import io.camfleet.console.domain.cost.CostLine;
import io.camfleet.console.service.environments.Environment;

import java.time.LocalDate;
import java.util.List;

/** Port: what an AWS account spent, from Cost Explorer, and which account an environment reads. */
public interface SpendReader {

    /**
     * The account id the environment's credentials sign in to.
     *
     * @throws io.camfleet.console.service.common.Problem when AWS cannot be asked
     */
    String accountOf(Environment environment);

    /**
     * Monthly cost from {@code start} to {@code end} (exclusive), every page of it.
     *
     * @param account  what the lines name as their account
     * @param tagOrDimension the tag key (for a tag grouping), {@code SERVICE}, or null for no grouping
     * @param tag      whether {@code tagOrDimension} is a tag key
     */
    Spend spend(Environment environment, String account, LocalDate start, LocalDate end, String metric,
                String tagOrDimension, boolean tag);

    /** @param calls the Cost Explorer calls made (each costs $0.01) */
    record Spend(List<CostLine> lines, int calls) {
    }
}
