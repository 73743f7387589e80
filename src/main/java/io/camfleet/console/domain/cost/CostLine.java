package io.camfleet.console.domain.cost;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One amount of a Cost Explorer answer: what one account spent in one month on one group (a service such as
 * {@code Amazon Elastic Compute Cloud - Compute}, or a tag value such as a site id).
 *
 * @param month     the calendar month
 * @param account   the environments reading that account, e.g. {@code prod-eu+prod-us}: Cost Explorer answers per
 *                  account, so environments sharing one share its lines
 * @param group     the service name or tag value; "" for cost without the tag
 * @param amount    in {@code unit}, as Cost Explorer gave it (not rounded)
 * @param unit      the currency, e.g. {@code USD}
 * @param estimated whether the month is not closed yet (Cost Explorer's own flag)
 */
public record CostLine(YearMonth month, String account, String group, BigDecimal amount, String unit,
                       boolean estimated) {

    public CostLine {
        Objects.requireNonNull(month, "month");
        account = Objects.requireNonNullElse(account, "");
        group = Objects.requireNonNullElse(group, "");
        Objects.requireNonNull(amount, "amount");
        unit = Objects.requireNonNullElse(unit, "USD");
    }

    /** Whether the line is the cost the tag is missing on. */
    public boolean untagged() {
        return group.isEmpty();
    }
}
