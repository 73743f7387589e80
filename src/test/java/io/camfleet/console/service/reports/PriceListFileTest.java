package io.camfleet.console.service.reports;

import io.camfleet.console.domain.reports.PriceList;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The price-list file: a good one read whole, and each mistake named by its line and field. */
class PriceListFileTest {

    /** The README's example; line numbers below count from 1 at the comment. */
    static final String GOOD = """
            # CamFleet list prices, 2027
            currency: EUR
            termMonths: 36
            items:
              - id: licence
                name: Camera licence
                per: camera
                monthly: true
                tiers:
                  - {from: 1, to: 99, price: 12.00}
                  - {from: 100, to: 999, price: 10.50}
                  - {from: 1000, price: 9.00}
                discounts:
                  - {from: 500, percent: 5}
              - id: install
                name: Site installation
                per: site
                tiers:
                  - {from: 1, price: 450.00}
                discounts:
                  - {from: 10, percent: 10}
              - id: support
                name: "Support, 24/7"
                per: site
                monthly: true
                tiers:
                  - {from: 1, to: 9, price: 80.00}
                  - {from: 10, price: 65.00}
            """;

    @TempDir
    Path dir;

    @Test
    void aGoodPriceListIsReadWhole() throws Exception {
        Path file = dir.resolve("prices.yaml");
        Files.writeString(file, GOOD);

        PriceList list = PriceListFile.read(file);

        assertThat(list.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(list.termMonths()).isEqualTo(36);
        assertThat(list.items()).extracting(PriceList.Item::id).containsExactly("licence", "install", "support");
        PriceList.Item licence = list.items().getFirst();
        assertThat(licence.per()).isEqualTo(PriceList.Per.CAMERA);
        assertThat(licence.monthly()).isTrue();
        assertThat(licence.tiers()).extracting(PriceList.Tier::unitPrice).containsExactly(new BigDecimal("12.00"),
                new BigDecimal("10.50"), new BigDecimal("9.00"));
        assertThat(licence.tierFor(99).orElseThrow().unitPrice()).isEqualTo(new BigDecimal("12.00"));
        assertThat(licence.tierFor(100).orElseThrow().unitPrice()).isEqualTo(new BigDecimal("10.50"));
        assertThat(licence.tierFor(5000).orElseThrow().unitPrice()).isEqualTo(new BigDecimal("9.00"));
        assertThat(licence.discountPercentFor(499)).isEqualByComparingTo("0");
        assertThat(licence.discountPercentFor(500)).isEqualByComparingTo("5");
        assertThat(list.items().get(1).monthly()).isFalse();
        assertThat(list.items().get(2).name()).isEqualTo("Support, 24/7");
    }

    @Test
    void anUnknownCurrencyIsNamedWithItsLine() {
        assertBad(GOOD.replace("currency: EUR", "currency: EUX"), "currency", 2, "currency");
        assertBad(GOOD.replace("currency: EUR", "currency: eur"), "currency", 2, "currency");
    }

    @Test
    void aGapBetweenTiersIsNamedWithItsLine() {
        Problem p = assertBad(GOOD.replace("{from: 100, to: 999", "{from: 101, to: 999"), "gap", 11, "from");
        assertThat(new Messages(Locale.ROOT).text(p)).contains("line 11").contains("100 to 100 have no price")
                .contains("Camera licence");
    }

    @Test
    void overlappingTiersAreNamedWithTheirLine() {
        assertBad(GOOD.replace("{from: 100, to: 999", "{from: 90, to: 999"), "overlap", 11, "from");
        assertBad(GOOD.replace("{from: 1, to: 99,", "{from: 5, to: 99,"), "firstTier", 10, "from");
        assertBad(GOOD.replace("{from: 1, to: 99,", "{from: 0, to: 99,"), "whole", 10, "from");
    }

    @Test
    void aBoundedLastTierOrAnOpenMiddleTierLeavesQuantitiesUnpriced() {
        assertBad(GOOD.replace("{from: 1000, price: 9.00}", "{from: 1000, to: 5000, price: 9.00}"), "lastTier",
                12, "to");
        assertBad(GOOD.replace("{from: 100, to: 999, price", "{from: 100, price"), "openTier", 11, "to");
    }

    @Test
    void aNegativePriceIsNamedWithItsLine() {
        assertBad(GOOD.replace("price: 450.00", "price: -450.00"), "negative", 19, "price");
    }

    @Test
    void aPriceThatIsNotANumberIsNamedWithItsLine() {
        Problem p = assertBad(GOOD.replace("price: 65.00", "price: sixty-five"), "number", 28, "price");
        assertThat(p.getMessage()).contains("line 28, price: 'sixty-five' is not a number");
        assertBad(GOOD.replace("price: 65.00", "price: \"65,00\""), "number", 28, "price");
    }

    @Test
    void aPriceFinerThanTheCurrencyIsRefused() {
        assertBad(GOOD.replace("price: 10.50", "price: 10.505"), "decimals", 11, "price");
    }

    @Test
    void badDiscountsAreNamedWithTheirLine() {
        assertBad(GOOD.replace("{from: 500, percent: 5}", "{from: 500, percent: 120}"), "percent", 14, "percent");
        assertBad(GOOD.replace("{from: 10, percent: 10}", "{from: 10, percent: ten}"), "number", 21, "percent");
    }

    @Test
    void otherMistakesAreNamedWithTheirLine() {
        assertBad(GOOD.replace("termMonths: 36", "termMonths: 0"), "whole", 3, "termMonths");
        assertBad(GOOD.replace("per: camera", "per: cameras"), "per", 7, "per");
        assertBad(GOOD.replace("monthly: true\n    tiers:\n      - {from: 1, to: 99",
                "monthly: yes please\n    tiers:\n      - {from: 1, to: 99"), "monthly", 8, "monthly");
        assertBad(GOOD.replace("    name: Site installation", "    nmae: Site installation"), "unknownField", 16,
                "nmae");
        assertBad(GOOD.replace("  - id: support", "  - id: install"), "duplicateItem", 22, "id");
        // the price list's fields start at line 2, after the comment
        assertBad(GOOD.replace("currency: EUR\n", ""), "missing", 2, "currency");
    }

    @Test
    void aFileThatIsNotYamlIsNamedWithItsLine() {
        assertBad(GOOD.replace("    per: site\n    tiers:", "    per: site\n   tiers: ["), "syntax", 18, null);
    }

    @Test
    void aMissingFileIsSaid(@TempDir Path empty) {
        Problem p = catchThrowableOfType(Problem.class, () -> PriceListFile.read(empty.resolve("none.yaml")));
        assertThat(p.key()).isEqualTo("report.sales.priceList.unreadable");
        assertThat(p.args()[0]).isEqualTo(empty.resolve("none.yaml").toString());
    }

    @Test
    void aFileTooLargeToBeAPriceListIsNotRead() throws Exception {
        Path big = dir.resolve("video.mp4");
        Files.write(big, new byte[(int) PriceListFile.MAX_BYTES + 1]);

        Problem p = catchThrowableOfType(Problem.class, () -> PriceListFile.read(big));

        assertThat(p.key()).isEqualTo("report.sales.priceList.tooLarge");
        assertThat(p.getMessage()).contains(big.toString()).contains("1,024 KB");
    }

    @Test
    void aFileThatIsNotTextIsSaid() throws Exception {
        Path png = dir.resolve("logo.png");
        Files.write(png, SalesFixture.logoPng());

        Problem p = catchThrowableOfType(Problem.class, () -> PriceListFile.read(png));

        assertThat(p.key()).isEqualTo("report.sales.priceList.notText");
        assertThat(p.getMessage()).contains(png.toString()).contains("price list's YAML file");
    }

    /** Reads {@code text} and expects the problem {@code reason} at {@code line}, about {@code field}. */
    private static Problem assertBad(String text, String reason, int line, String field) {
        assertThat(text).isNotEqualTo(GOOD);
        Problem p = catchThrowableOfType(Problem.class, () -> PriceListFile.parse("prices.yaml", text));
        assertThat(p).as(reason).isNotNull();
        assertThat(p.key()).isEqualTo("report.sales.priceList." + reason);
        assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_INPUT);
        assertThat(p.args()[0]).isEqualTo("prices.yaml");
        assertThat(p.args()[1]).as("line").isEqualTo(line);
        if (field != null) {
            assertThat(p.args()[2]).as("field").isEqualTo(field);
        }
        assertThat(p.getMessage()).contains("prices.yaml").contains("line " + line);
        return p;
    }
}
