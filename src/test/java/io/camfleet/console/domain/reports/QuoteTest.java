package io.camfleet.console.domain.reports;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Quotes worked out by hand, line by line, against the arithmetic. */
class QuoteTest {

    /**
     * EUR, 36 months. Licence per camera per month: 1-99 12.00, 100-999 10.50, 1000+ 9.00, 5 % off from 500 cameras.
     * Installation per site, once: 450.00, 10 % off from 10 sites. Support per site per month: 1-9 80.00, 10+ 65.00.
     */
    static PriceList listPrices() {
        return new PriceList(Currency.getInstance("EUR"), 36, List.of(
                new PriceList.Item("licence", "Camera licence", PriceList.Per.CAMERA, true, List.of(
                        tier(1, 99L, "12.00"), tier(100, 999L, "10.50"), tier(1000, null, "9.00")),
                        List.of(new PriceList.Discount(500, new BigDecimal("5")))),
                new PriceList.Item("install", "Site installation", PriceList.Per.SITE, false,
                        List.of(tier(1, null, "450.00")), List.of(new PriceList.Discount(10, new BigDecimal("10")))),
                new PriceList.Item("support", "Support", PriceList.Per.SITE, true,
                        List.of(tier(1, 9L, "80.00"), tier(10, null, "65.00")), List.of())));
    }

    static PriceList.Tier tier(long from, Long to, String price) {
        return new PriceList.Tier(from, Optional.ofNullable(to), new BigDecimal(price));
    }

    @Test
    void aSmallScopeIsPricedAtItsTierWithoutDiscount() {
        // 120 cameras at 4 sites:
        //   licence  120 in 100-999 -> 10.50 x 120 x 36 = 45,360.00, no discount (below 500)
        //   install  450.00 x 4 x 1 = 1,800.00, no discount (below 10 sites)
        //   support  4 in 1-9 -> 80.00 x 4 x 36 = 11,520.00
        //   subtotal 58,680.00, discounts 0.00, total 58,680.00
        Quote q = Quote.of(listPrices(), 120, 4);

        assertThat(q.lines()).extracting(QuoteLine::item, QuoteLine::quantity, QuoteLine::months,
                        QuoteLine::unitPrice, QuoteLine::gross, QuoteLine::discount, QuoteLine::total)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Camera licence", 120L, 36, new BigDecimal("10.50"),
                                new BigDecimal("45360.00"), new BigDecimal("0.00"), new BigDecimal("45360.00")),
                        org.assertj.core.groups.Tuple.tuple("Site installation", 4L, 1, new BigDecimal("450.00"),
                                new BigDecimal("1800.00"), new BigDecimal("0.00"), new BigDecimal("1800.00")),
                        org.assertj.core.groups.Tuple.tuple("Support", 4L, 36, new BigDecimal("80.00"),
                                new BigDecimal("11520.00"), new BigDecimal("0.00"), new BigDecimal("11520.00")));
        assertThat(q.subtotal()).isEqualTo(new BigDecimal("58680.00"));
        assertThat(q.discounts()).isEqualTo(new BigDecimal("0.00"));
        assertThat(q.total()).isEqualTo(new BigDecimal("58680.00"));
    }

    @Test
    void aLargeScopeGetsItsVolumeDiscounts() {
        // 600 cameras at 12 sites:
        //   licence  600 in 100-999 -> 10.50 x 600 x 36 = 226,800.00, 5 % = 11,340.00 -> 215,460.00
        //   install  450.00 x 12 = 5,400.00, 10 % = 540.00 -> 4,860.00
        //   support  12 in 10+ -> 65.00 x 12 x 36 = 28,080.00
        //   subtotal 260,280.00, discounts 11,880.00, total 248,400.00
        Quote q = Quote.of(listPrices(), 600, 12);

        assertThat(q.lines()).extracting(QuoteLine::discount).containsExactly(new BigDecimal("11340.00"),
                new BigDecimal("540.00"), new BigDecimal("0.00"));
        assertThat(q.lines()).extracting(QuoteLine::total).containsExactly(new BigDecimal("215460.00"),
                new BigDecimal("4860.00"), new BigDecimal("28080.00"));
        assertThat(q.subtotal()).isEqualTo(new BigDecimal("260280.00"));
        assertThat(q.discounts()).isEqualTo(new BigDecimal("11880.00"));
        assertThat(q.total()).isEqualTo(new BigDecimal("248400.00"));
    }

    @Test
    void theTopTierIsOpenEndedAndTheLargestDiscountReachedApplies() {
        // 1,000 cameras at 1 site, with a second licence discount of 8 % from 1,000:
        //   licence  1000 in 1000+ -> 9.00 x 1000 x 36 = 324,000.00, 8 % = 25,920.00 -> 298,080.00
        PriceList.Item licence = new PriceList.Item("licence", "Camera licence", PriceList.Per.CAMERA, true,
                listPrices().items().getFirst().tiers(), List.of(new PriceList.Discount(500, new BigDecimal("5")),
                new PriceList.Discount(1000, new BigDecimal("8"))));
        Quote q = Quote.of(new PriceList(Currency.getInstance("EUR"), 36, List.of(licence)), 1000, 1);

        assertThat(q.lines().getFirst().unitPrice()).isEqualTo(new BigDecimal("9.00"));
        assertThat(q.lines().getFirst().discount()).isEqualTo(new BigDecimal("25920.00"));
        assertThat(q.total()).isEqualTo(new BigDecimal("298080.00"));
    }

    @Test
    void halfACentIsRoundedUp() {
        // 1 x 0.05 EUR once, 50 % off: discount 0.025 -> HALF_UP 0.03 (HALF_EVEN would give 0.02); total 0.02.
        PriceList list = new PriceList(Currency.getInstance("EUR"), 12, List.of(new PriceList.Item("fee", "Fee",
                PriceList.Per.PROPOSAL, false, List.of(tier(1, null, "0.05")),
                List.of(new PriceList.Discount(1, new BigDecimal("50"))))));

        Quote q = Quote.of(list, 0, 0);

        assertThat(q.lines().getFirst().quantity()).isEqualTo(1);
        assertThat(q.discounts()).isEqualTo(new BigDecimal("0.03"));
        assertThat(q.total()).isEqualTo(new BigDecimal("0.02"));
    }

    @Test
    void yenHaveNoMinorUnit() {
        // JPY: 3 cameras x 1,250 once = 3,750; 7.5 % = 281.25 -> 281; total 3,469. Scale 0 throughout.
        PriceList list = new PriceList(Currency.getInstance("JPY"), 12, List.of(new PriceList.Item("cam", "Camera",
                PriceList.Per.CAMERA, false, List.of(tier(1, null, "1250")),
                List.of(new PriceList.Discount(1, new BigDecimal("7.5"))))));

        Quote q = Quote.of(list, 3, 1);

        assertThat(q.subtotal()).isEqualTo(new BigDecimal("3750"));
        assertThat(q.discounts()).isEqualTo(new BigDecimal("281"));
        assertThat(q.total()).isEqualTo(new BigDecimal("3469"));
    }

    @Test
    void anItemWithNothingToCountIsLeftOut() {
        // No cameras at 2 sites: no licence line; install 900.00; support 80.00 x 2 x 36 = 5,760.00; total 6,660.00.
        Quote q = Quote.of(listPrices(), 0, 2);

        assertThat(q.lines()).extracting(QuoteLine::item).containsExactly("Site installation", "Support");
        assertThat(q.total()).isEqualTo(new BigDecimal("6660.00"));
    }
}
