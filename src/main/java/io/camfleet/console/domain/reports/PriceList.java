package io.camfleet.console.domain.reports;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the company charges, as a sales proposal quotes it: in one currency, for a term of months, item by item.
 * Checked when read (the reader names the line of a mistake); here only what the arithmetic relies on.
 *
 * @param termMonths how long the contract runs; monthly items are charged for each of its months
 */
public record PriceList(Currency currency, int termMonths, List<Item> items) {

    public PriceList {
        Objects.requireNonNull(currency, "currency");
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException("Not a currency money is counted in: " + currency);
        }
        if (termMonths < 1) {
            throw new IllegalArgumentException("A term lasts at least a month, not " + termMonths);
        }
        items = List.copyOf(items);
    }

    /** What an item's quantity counts. */
    public enum Per {
        /** Each camera of the proposed sites. */
        CAMERA,
        /** Each proposed site. */
        SITE,
        /** Once per proposal (a project fee). */
        PROPOSAL
    }

    /**
     * One thing sold.
     *
     * @param monthly   whether its price is per month of the term (a licence, support) or once (an installation)
     * @param tiers     the unit price by quantity: the whole quantity is priced at the tier it falls in; contiguous
     *                  from 1, the last one open-ended
     * @param discounts the volume discounts: the largest one whose threshold the quantity reaches applies
     */
    public record Item(String id, String name, Per per, boolean monthly, List<Tier> tiers,
                       List<Discount> discounts) {

        public Item {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(per, "per");
            tiers = List.copyOf(tiers);
            discounts = List.copyOf(discounts);
            if (tiers.isEmpty()) {
                throw new IllegalArgumentException("Item " + id + " has no price");
            }
        }

        /** The tier {@code quantity} falls in; empty below the first tier (0). */
        public Optional<Tier> tierFor(long quantity) {
            return tiers.stream().filter(t -> t.holds(quantity)).findFirst();
        }

        /** The discount in percent for {@code quantity}: the one with the highest threshold reached, else zero. */
        public BigDecimal discountPercentFor(long quantity) {
            return discounts.stream().filter(d -> quantity >= d.from())
                    .max((a, b) -> Long.compare(a.from(), b.from()))
                    .map(Discount::percent).orElse(BigDecimal.ZERO);
        }
    }

    /**
     * A band of quantities and its unit price.
     *
     * @param to the last quantity of the band, inclusive; empty for "and above"
     */
    public record Tier(long from, Optional<Long> to, BigDecimal unitPrice) {

        public Tier {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(unitPrice, "unitPrice");
            if (from < 1 || to.map(t -> t < from).orElse(false) || unitPrice.signum() < 0) {
                throw new IllegalArgumentException("Not a tier: " + from + "-" + to + " at " + unitPrice);
            }
        }

        public boolean holds(long quantity) {
            return quantity >= from && to.map(t -> quantity <= t).orElse(true);
        }
    }

    /** From {@code from} units on, {@code percent} off the item's lines (5 means 5 %). */
    public record Discount(long from, BigDecimal percent) {

        public Discount {
            Objects.requireNonNull(percent, "percent");
            if (from < 1 || percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("Not a discount: " + percent + " % from " + from);
            }
        }
    }
}
