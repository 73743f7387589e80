package io.camfleet.console.service.cost;

import io.camfleet.console.domain.cost.CleanupHint;
import io.camfleet.console.domain.cost.CostLine;
import io.camfleet.console.domain.cost.Ec2Inventory;
import io.camfleet.console.service.environments.Environment;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The service over recording ports: which accounts and regions it asks, and for which dates. */
class CostServiceTest {

    private static final Clock DEC_6 = Clock.fixed(Instant.parse("2026-12-06T13:00:00Z"), ZoneOffset.UTC);

    private final Environment euProd = Environment.of("prod-eu", "prod", "eu-west-1", null);
    private final Environment usProd = Environment.of("prod-us", "prod", "us-east-1", null);
    private final Environment euProd2 = Environment.of("prod-eu2", "prod", "eu-west-1", null);
    private final Environment staging = Environment.of("staging", "stage", "eu-west-1", null);

    /** prod-* sign in to account 111, staging to 222; each call is recorded. */
    private final class Recorder implements SpendReader, InventoryReader {
        final List<String> asked = new ArrayList<>();

        @Override
        public String accountOf(Environment e) {
            return e.profile().equals("prod") ? "111" : "222";
        }

        @Override
        public Spend spend(Environment e, String account, LocalDate start, LocalDate end, String metric,
                           String key, boolean tag) {
            asked.add(e.label() + " as " + account + " " + start + ".." + end + " " + metric + " " + key + " " + tag);
            return new Spend(List.of(new CostLine(YearMonth.from(start), account, "x", BigDecimal.ONE, "USD", false)),
                    2);
        }

        @Override
        public Ec2Inventory inventory(Environment e) {
            asked.add("ec2 " + e.label() + " " + e.region());
            return new Ec2Inventory(List.of(new Ec2Inventory.Volume("vol-" + e.label(), "gp2", 10, false)),
                    List.of(), List.of(), List.of(), Set.of());
        }
    }

    private CostService service(Recorder r, List<Environment> envs) {
        return new CostService(r, r, () -> envs, () -> CostSettings.DEFAULTS, Map::of, Set::of, DEC_6);
    }

    @Test
    void environmentsSharingAnAccountAreAskedOnceAndNamedTogether() {
        Recorder r = new Recorder();

        CostReport report = service(r, List.of(euProd, staging, usProd)).month(YearMonth.of(2026, 10),
                Grouping.SITE, null);

        assertThat(r.asked).containsExactly(
                "prod-eu as prod-eu+prod-us 2026-10-01..2026-11-01 UnblendedCost camfleet:site true",
                "staging as staging 2026-10-01..2026-11-01 UnblendedCost camfleet:site true");
        assertThat(report.accounts()).containsExactly("prod-eu+prod-us", "staging");
        assertThat(report.calls()).isEqualTo(4);
    }

    @Test
    void historyIsTheSixClosedMonthsAndThisMonthToDateInOneAsk() {
        Recorder r = new Recorder();

        CostReport report = service(r, List.of(staging)).history(Grouping.SERVICE, "staging");

        // 2026-12 minus 6 months = 2026-06-01; this month to date ends tomorrow, 2026-12-07
        assertThat(r.asked).containsExactly("staging as staging 2026-06-01..2026-12-07 UnblendedCost SERVICE false");
        assertThat(report.from()).isEqualTo(YearMonth.of(2026, 6));
        assertThat(report.to()).isEqualTo(YearMonth.of(2026, 12));
    }

    @Test
    void cleanupReadsEachAccountAndRegionOnce() {
        Recorder r = new Recorder();

        List<CleanupHint> hints = service(r, List.of(euProd, euProd2, usProd, staging)).cleanup(null);

        // prod-eu and prod-eu2: account 111 in eu-west-1, read once and named together
        assertThat(r.asked).containsExactly("ec2 prod-eu eu-west-1", "ec2 prod-us us-east-1",
                "ec2 staging eu-west-1");
        assertThat(hints).extracting(CleanupHint::environment)
                .containsExactlyInAnyOrder("prod-eu+prod-eu2", "prod-us", "staging");
    }
}
