package io.camfleet.console.service.cost;

import io.camfleet.console.service.common.Problem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CostSettingsTest {

    private static CostSettings read(String metric, String siteTag, Map<String, BigDecimal> prices) {
        return CostSettings.SECTION.read(new CostSettings.Stored(metric, siteTag, null, prices));
    }

    @Test
    void missingFieldsTakeTheDefaultsAndPricesOverrideTheTable() {
        CostSettings s = read(null, null, Map.of("gp3", new BigDecimal("0.0952")));

        assertThat(s.metric()).isEqualTo("UnblendedCost");
        assertThat(s.siteTag()).isEqualTo("camfleet:site");
        assertThat(s.customerTag()).isEqualTo("camfleet:customer");
        // 100 GB x 0.0952 = 9.52; gp2 keeps the default 0.10: 10 GB = 1.00
        assertThat(s.priceTable().volume("gp3", 100)).isEqualByComparingTo("9.52");
        assertThat(s.priceTable().volume("gp2", 10)).isEqualByComparingTo("1.00");
    }

    @Test
    void anUnknownMetricATagWithADollarAndANegativePriceAreRefused() {
        assertThatThrownBy(() -> read("Cost", null, null)).isInstanceOf(Problem.class)
                .satisfies(p -> assertThat(((Problem) p).key()).isEqualTo("cost.settings.metric"));
        assertThatThrownBy(() -> read(null, "site$", null)).isInstanceOf(Problem.class)
                .satisfies(p -> assertThat(((Problem) p).key()).isEqualTo("cost.settings.tag"));
        assertThatThrownBy(() -> read(null, null, Map.of("gp3", new BigDecimal("-0.01"))))
                .isInstanceOf(Problem.class)
                .satisfies(p -> assertThat(((Problem) p).key()).isEqualTo("cost.settings.price"));
    }
}
