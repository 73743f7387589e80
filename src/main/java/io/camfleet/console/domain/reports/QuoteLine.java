package io.camfleet.console.domain.reports;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of a quote. Money is in the quote's currency, rounded half up to its minor unit.
 *
 * @param months    the months charged (the term for a monthly item, 1 for a one-off)
 * @param unitPrice the price of one unit (for one month, when monthly), as the price list gives it
 * @param gross     quantity x unit price x months, rounded
 * @param discount  the volume discount taken off {@code gross}, rounded
 * @param total     gross less discount
 */
public record QuoteLine(String item, long quantity, int months, BigDecimal unitPrice, BigDecimal discountPercent,
                        BigDecimal gross, BigDecimal discount, BigDecimal total) {

    public QuoteLine {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(discountPercent, "discountPercent");
        Objects.requireNonNull(gross, "gross");
        Objects.requireNonNull(discount, "discount");
        Objects.requireNonNull(total, "total");
    }
}
