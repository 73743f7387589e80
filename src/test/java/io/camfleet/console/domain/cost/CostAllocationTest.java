package io.camfleet.console.domain.cost;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CostAllocationTest {

    private static final YearMonth OCT = YearMonth.of(2026, 10);

    private static CostLine line(String account, String group, String amount) {
        return new CostLine(OCT, account, group, new BigDecimal(amount), "USD", false);
    }

    @Test
    void siteCostIsSummedOverAccountsAndSharedEquallyPerCameraWithTheUntaggedCostApart() {
        // ams-01: 100.00 (eu) + 20.50 (us) = 120.50 over 3 cameras = 40.1666.. -> 40.17
        // nyc-01: 10.00 over 4 cameras = 2.50; zrh-01: 7.00, not in the fleet -> no share
        // untagged: 33.33 + 0.67 = 34.00, last, never spread over the sites
        List<CostLine> lines = List.of(line("eu", "ams-01", "100.00"), line("us", "ams-01", "20.50"),
                line("us", "nyc-01", "10.00"), line("eu", "", "33.33"), line("us", "", "0.67"),
                line("eu", "zrh-01", "7.00"));

        List<SiteCost> sites = CostAllocation.bySite(lines, Map.of("ams-01", 3, "nyc-01", 4));

        assertThat(sites).containsExactly(
                new SiteCost("ams-01", new BigDecimal("120.50"), 3, new BigDecimal("40.17")),
                new SiteCost("nyc-01", new BigDecimal("10.00"), 4, new BigDecimal("2.50")),
                new SiteCost("zrh-01", new BigDecimal("7.00"), 0, null),
                new SiteCost("", new BigDecimal("34.00"), 0, null));
        assertThat(CostAllocation.total(lines)).isEqualByComparingTo("171.50");
    }

    @Test
    void groupsAndAccountsAreSummedLargestFirstThenByName() {
        // EC2: 5 + 7 = 12; S3: 12 (ties broken by name: EC2 before S3); CloudWatch 0.40
        List<CostLine> lines = List.of(line("eu", "EC2", "5"), line("us", "EC2", "7"), line("eu", "S3", "12"),
                line("us", "CloudWatch", "0.40"));

        assertThat(CostAllocation.byGroup(lines)).containsExactly(Map.entry("EC2", new BigDecimal("12")),
                Map.entry("S3", new BigDecimal("12")), Map.entry("CloudWatch", new BigDecimal("0.40")));
        // eu: 5 + 12 = 17; us: 7 + 0.40 = 7.40
        assertThat(CostAllocation.byAccount(lines)).containsExactly(Map.entry("eu", new BigDecimal("17")),
                Map.entry("us", new BigDecimal("7.40")));
    }

    @Test
    void aShareIsRoundedHalfEvenToTheCent() {
        // 0.125 / 1 = 0.125 -> 0.12 (half even); 0.135 -> 0.14; 1.00 / 3 = 0.333.. -> 0.33
        assertThat(CostAllocation.perCamera(new BigDecimal("0.125"), 1)).isEqualByComparingTo("0.12");
        assertThat(CostAllocation.perCamera(new BigDecimal("0.135"), 1)).isEqualByComparingTo("0.14");
        assertThat(CostAllocation.perCamera(new BigDecimal("1.00"), 3)).isEqualByComparingTo("0.33");
        assertThat(CostAllocation.perCamera(new BigDecimal("1.00"), 0)).isNull();
    }
}
