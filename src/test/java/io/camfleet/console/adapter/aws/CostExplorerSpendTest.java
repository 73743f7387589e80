package io.camfleet.console.adapter.aws;

import io.camfleet.console.domain.cost.CostLine;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.cost.SpendReader;
import io.camfleet.console.service.environments.Environment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import static io.camfleet.console.adapter.aws.CostExplorerSeeder.month;
import static io.camfleet.console.adapter.aws.CostExplorerSeeder.page;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cost Explorer's GetCostAndUsage against a real moto_server, seeded through its moto-api. */
class CostExplorerSpendTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private final AwsClients clients = MOTO.clients(op -> { });

    @AfterEach
    void close() {
        clients.close();
    }

    @Test
    void everyPageIsReadAndTagKeysBecomeTheirValuesWithTheUntaggedCostAsEmpty() throws Exception {
        CostExplorerSeeder.queue(MOTO.endpoint(), "[" + page("page-2",
                month("2026-09-01", "2026-10-01", false, "camfleet:site$ams-01", "10.50", "camfleet:site$", "3.25"))
                + "," + page(null,
                month("2026-09-01", "2026-10-01", false, "camfleet:site$nyc-01", "4.00"),
                month("2026-10-01", "2026-10-07", true, "camfleet:site$ams-01", "1.10")) + "]");
        Environment eu = MOTO.environment("eu", "moto-a", "eu-west-1");

        SpendReader.Spend spend = new CostExplorerSpend(() -> clients).spend(eu, "eu", LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 10, 7), "UnblendedCost", "camfleet:site", true);

        YearMonth sep = YearMonth.of(2026, 9);
        assertThat(spend.calls()).isEqualTo(2);
        assertThat(spend.lines()).containsExactly(
                new CostLine(sep, "eu", "ams-01", new BigDecimal("10.50"), "USD", false),
                new CostLine(sep, "eu", "", new BigDecimal("3.25"), "USD", false),
                new CostLine(sep, "eu", "nyc-01", new BigDecimal("4.00"), "USD", false),
                new CostLine(YearMonth.of(2026, 10), "eu", "ams-01", new BigDecimal("1.10"), "USD", true));
    }

    @Test
    void anUngroupedAnswerIsItsTotalAndTheAccountComesFromSts() throws Exception {
        CostExplorerSeeder.queue(MOTO.endpoint(), "[{\"ResultsByTime\": [{\"TimePeriod\": {\"Start\": "
                + "\"2026-10-01\", \"End\": \"2026-11-01\"}, \"Total\": {\"UnblendedCost\": {\"Amount\": \"42.4242\", "
                + "\"Unit\": \"USD\"}}, \"Groups\": [], \"Estimated\": false}]}]");
        Environment us = MOTO.environment("us", "moto-b", "us-east-1");
        CostExplorerSpend reader = new CostExplorerSpend(() -> clients);

        SpendReader.Spend spend = reader.spend(us, "us", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1),
                "UnblendedCost", null, false);

        assertThat(spend.lines()).containsExactly(new CostLine(YearMonth.of(2026, 10), "us", "",
                new BigDecimal("42.4242"), "USD", false));
        assertThat(reader.accountOf(us)).matches("\\d{12}");
    }

    @Test
    void aCostExplorerOutOfReachIsOneSentenceNamingWhere() throws Exception {
        Environment eu = MOTO.environment("eu", "moto-a", "eu-west-1");
        Environment gone = Environment.of("eu", "moto-a", "eu-west-1", "http://127.0.0.1:9");

        assertThatThrownBy(() -> new CostExplorerSpend(() -> clients).spend(gone, "eu", LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 10, 1), "UnblendedCost", "SERVICE", false))
                .isInstanceOf(Problem.class)
                .satisfies(p -> assertThat(((Problem) p).key()).isEqualTo("aws.unreachable"));
        assertThat(eu).isNotNull();
    }

    @Test
    void anAnswerThatNeverStopsPagingIsRefusedAfterTheLastPageAllowed() throws Exception {
        StringBuilder pages = new StringBuilder("[");
        for (int i = 1; i <= CostExplorerSpend.MAX_PAGES + 1; i++) {
            pages.append(i == 1 ? "" : ",").append(page("p" + i,
                    month("2026-09-01", "2026-10-01", false, "S" + i, "1")));
        }
        CostExplorerSeeder.queue(MOTO.endpoint(), pages.append("]").toString());
        Environment eu = MOTO.environment("eu", "moto-a", "eu-west-1");

        assertThatThrownBy(() -> new CostExplorerSpend(() -> clients).spend(eu, "eu", LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 10, 1), "UnblendedCost", "SERVICE", false))
                .isInstanceOf(Problem.class)
                .satisfies(p -> assertThat(((Problem) p).key()).isEqualTo("cost.tooManyPages"));
    }

    @Test
    void tagValuesAreWhatFollowsTheFirstDollar() {
        assertThat(CostExplorerSpend.tagValue("camfleet:site$ams-01")).isEqualTo("ams-01");
        assertThat(CostExplorerSpend.tagValue("camfleet:site$")).isEmpty();
        assertThat(CostExplorerSpend.tagValue("camfleet:site$a$b")).isEqualTo("a$b");
        assertThat(CostExplorerSpend.tagValue("Amazon Simple Storage Service")).isEqualTo("Amazon Simple Storage Service");
    }
}
