package io.camfleet.console.domain.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * The price of a proposed scope by a price list: a line per item charged, and the sums. Each line's gross and
 * discount are rounded half up to the currency's minor unit (cents; none for JPY; mils for BHD), and the sums are
 * sums of rounded lines, so that the printed lines add up to the printed total.
 */
public record Quote(Currency currency, int termMonths, List<QuoteLine> lines, BigDecimal subtotal,
                    BigDecimal discounts, BigDecimal total) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Quote {
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(lines);
        Objects.requireNonNull(subtotal, "subtotal");
        Objects.requireNonNull(discounts, "discounts");
        Objects.requireNonNull(total, "total");
    }

    /**
     * Prices {@code cameras} cameras at {@code sites} sites. An item whose quantity is zero (no cameras) is left out.
     */
    public static Quote of(PriceList prices, long cameras, long sites) {
        int digits = prices.currency().getDefaultFractionDigits();
        List<QuoteLine> lines = new ArrayList<>();
        BigDecimal subtotal = BigDecimal.ZERO.setScale(digits);
        BigDecimal discounts = BigDecimal.ZERO.setScale(digits);
        for (PriceList.Item item : prices.items()) {
            long quantity = switch (item.per()) {
                case CAMERA -> cameras;
                case SITE -> sites;
                case PROPOSAL -> 1;
            };
            var tier = item.tierFor(quantity);
            if (tier.isEmpty()) {
                continue;
            }
            int months = item.monthly() ? prices.termMonths() : 1;
            BigDecimal unit = tier.get().unitPrice();
            BigDecimal gross = unit.multiply(BigDecimal.valueOf(quantity)).multiply(BigDecimal.valueOf(months))
                    .setScale(digits, RoundingMode.HALF_UP);
            BigDecimal percent = item.discountPercentFor(quantity);
            BigDecimal discount = gross.multiply(percent).divide(HUNDRED).setScale(digits, RoundingMode.HALF_UP);
            lines.add(new QuoteLine(item.name(), quantity, months, unit, percent, gross, discount,
                    gross.subtract(discount)));
            subtotal = subtotal.add(gross);
            discounts = discounts.add(discount);
        }
        return new Quote(prices.currency(), prices.termMonths(), lines, subtotal, discounts,
                subtotal.subtract(discounts));
    }
}
