package io.camfleet.console.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camfleet.console.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code camfleet availability} as a script sees it, on a new data folder of the demo fleet. */
class AvailabilityCommandTest {

    @TempDir
    Path dir;

    private Cli cli;
    private String data;

    private void open() {
        cli = new Cli(dir.resolve("home"));
        data = dir.resolve("data").toString();
    }

    @Test
    void aNewDemoFolderHasThisMonthsFiguresBySiteWithTheRuleAbove() {
        open();
        assertThat(cli.run("availability", "--data-dir", data)).as(cli.err()).isEqualTo(ExitCodes.OK);
        List<String> lines = cli.out().lines().toList();
        assertThat(lines.get(0)).startsWith("Availability by site, ");
        assertThat(lines.get(1)).isEqualTo("Rule in force: A site is down when all its cameras are offline.");
        assertThat(lines.get(3)).contains("Subject", "Uptime", "Downtime", "Incidents", "Budget left", "No data",
                "Maintenance excluded");
        // One line per site of the demo fleet, under the header.
        assertThat(lines).hasSize(4 + 2_500);
        assertThat(lines.get(4)).matches("\\S+ +\\d+\\.\\d{4} % .*");
    }

    @Test
    void lastMonthByCustomerAsJsonHasEveryFigure() throws Exception {
        open();
        String last = YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString();
        assertThat(cli.run("availability", "--by", "customer", "--month", last, "--json", "--data-dir", data))
                .as(cli.err()).isEqualTo(ExitCodes.OK);
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.get("by").asText()).isEqualTo("customer");
        assertThat(json.get("from").asText()).isEqualTo(last + "-01T00:00:00Z");
        assertThat(json.get("rule").asText()).isEqualTo("A site is down when all its cameras are offline");
        assertThat(json.get("figures")).isNotEmpty();
        for (JsonNode f : json.get("figures")) {
            assertThat(f.get("uptimePercent").asDouble()).as(f.toString()).isBetween(99.0, 100.0);
            assertThat(f.get("observedSeconds").asLong()).isPositive();
            assertThat(f.has("budgetLeftSeconds") && f.has("noDataSeconds") && f.has("maintenanceSeconds")
                    && f.has("incidents") && f.has("downtimeSeconds")).isTrue();
        }
    }

    @Test
    void csvByRegionHasAHeaderAndARowPerRegion() {
        open();
        assertThat(cli.run("availability", "--by", "REGION", "--csv", "--data-dir", data)).as(cli.err())
                .isEqualTo(ExitCodes.OK);
        List<String> lines = cli.out().lines().toList();
        assertThat(lines.get(0)).startsWith("subject,uptime_percent,downtime_seconds,incidents,budget_left_seconds");
        assertThat(lines).hasSize(1 + 7);
        assertThat(lines.subList(1, lines.size())).allMatch(l -> l.matches("[A-Z]+,\\d+\\.\\d+,\\d+,\\d+,.*"));
    }

    @Test
    void badInputIsOneSentenceAndTheUsageExitCode() {
        open();
        String[][] cases = {
                {"--by", "planet"}, {"--month", "2026-13"}, {"--month", "October"}, {"--month", "2999-01"},
                {"--month", "2020-01"}, {"--csv", "--json"}};
        String[] says = {"'planet' is not something availability is grouped by", "'2026-13' is not a month",
                "'October' is not a month", "The month 2999-01 has not begun yet",
                "There is no health history for 2020-01", "Choose one of --csv and --json"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = new String[cases[i].length + 3];
            args[0] = "availability";
            System.arraycopy(cases[i], 0, args, 1, cases[i].length);
            args[args.length - 2] = "--data-dir";
            args[args.length - 1] = data;
            assertThat(cli.run(args)).as(String.join(" ", cases[i])).isEqualTo(ExitCodes.USAGE);
            assertThat(cli.err().strip()).as(String.join(" ", cases[i])).startsWith("camfleet: " + says[i])
                    .doesNotContain("\n");
            assertThat(cli.out()).isEmpty();
        }
    }
}
