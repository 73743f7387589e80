package io.camfleet.console.app;

import io.camfleet.console.adapter.aws.AwsClients;
import io.camfleet.console.adapter.aws.CostExplorerSeeder;
import io.camfleet.console.adapter.aws.Ec2Leftovers;
import io.camfleet.console.adapter.aws.FleetSeeder;
import io.camfleet.console.adapter.aws.MotoServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.camfleet.console.adapter.aws.CostExplorerSeeder.month;
import static io.camfleet.console.adapter.aws.CostExplorerSeeder.page;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code camfleet cost} end to end: two environments synced from a real moto_server (both sign in to moto's one
 * account), Cost Explorer answers queued in moto, EC2 leftovers seeded through the SDK.
 */
class CostCommandTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @TempDir
    Path dir;
    private Cli cli;

    private int run(String... args) {
        if (cli == null) {
            cli = Cli.onMoto(dir.resolve("home"), MOTO);
        }
        return cli.run(args);
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    /** eu: ams-01 with three cameras; us: nyc-01 with two; both synced into the data folder. */
    private void syncEuAndUs() {
        try (FleetSeeder eu = new FleetSeeder(MOTO.environment("eu", "moto-a", "eu-west-1"));
             FleetSeeder us = new FleetSeeder(MOTO.environment("us", "moto-b", "us-east-1"))) {
            eu.site("ams-01", null, FleetSeeder.siteAttributes("Amsterdam", "Northwind", "NL", "52.37", "4.89",
                    "Europe/Amsterdam", "GOLD")).thing("cam-1", "ams-01", Map.of()).thing("cam-2", "ams-01", Map.of())
                    .thing("cam-3", "ams-01", Map.of());
            us.site("nyc-01", null, FleetSeeder.siteAttributes("New_York", "Acme", "US", "40.71", "-74.0",
                    "America/New_York", "SILVER")).thing("cam-4", "nyc-01", Map.of()).thing("cam-5", "nyc-01", Map.of());
        }
        for (String[] e : new String[][] {{"eu", "moto-a", "eu-west-1"}, {"us", "moto-b", "us-east-1"}}) {
            assertThat(run("sync", "--profile", e[1], "--region", e[2], "--endpoint", MOTO.endpoint().toString(),
                    "--label", e[0], "--data-dir", data())).as(cli.err()).isZero();
        }
    }

    @Test
    void aMonthBySiteIsAskedOncePerAccountOverEveryPageAndSharedPerCamera() throws Exception {
        syncEuAndUs();
        CostExplorerSeeder.queue(MOTO.endpoint(), "[" + page("p2",
                month("2026-10-01", "2026-11-01", false, "camfleet:site$ams-01", "100.00",
                        "camfleet:site$", "34.00"))
                + "," + page(null, month("2026-10-01", "2026-11-01", false, "camfleet:site$ams-01", "20.50",
                "camfleet:site$nyc-01", "10.00")) + "]");

        int code = run("cost", "--month", "2026-10", "--by", "site", "--data-dir", data());

        // ams-01: 100.00 + 20.50 (second page) = 120.50 / 3 cameras = 40.1666.. -> 40.17
        // nyc-01: 10.00 / 2 = 5.00; untagged 34.00 apart; total 164.50; eu and us share moto's one account: 2 calls
        assertThat(code).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Cost of 2026-10 by site (UnblendedCost, USD); accounts: eu+us")
                .containsPattern("ams-01 +120\\.50 +3 cameras +40\\.17 per camera")
                .containsPattern("nyc-01 +10\\.00 +2 cameras +5\\.00 per camera")
                .containsPattern("\\(untagged\\) +34\\.00\\n")
                .containsPattern("Total +164\\.50")
                .contains("2 Cost Explorer call(s)", "an allocation, not a measurement");
    }

    @Test
    void csvNeutralisesFormulaLikeTagValuesAndKeepsThePrecision() throws Exception {
        syncEuAndUs();
        CostExplorerSeeder.queue(MOTO.endpoint(), "[" + page(null, month("2026-10-01", "2026-11-01", false,
                "camfleet:site$=HYPERLINK(\\\"http://x\\\")", "1.005", "camfleet:site$ams-01", "2.5")) + "]");

        assertThat(run("cost", "--month", "2026-10", "--by", "site", "--csv", "--data-dir", data()))
                .as(cli.err()).isZero();

        assertThat(cli.out().lines().toList()).containsExactly(
                "month,group,amount,unit,estimated,cameras,per_camera_allocated",
                "2026-10,ams-01,2.5,USD,false,3,0.83",
                "2026-10,\"'=HYPERLINK(\"\"http://x\"\")\",1.005,USD,false,0,");
    }

    @Test
    void byEnvironmentTheSharedAccountIsOneRowInJson() throws Exception {
        syncEuAndUs();
        CostExplorerSeeder.queue(MOTO.endpoint(), "[{\"ResultsByTime\": [{\"TimePeriod\": {\"Start\": "
                + "\"2026-10-01\", \"End\": \"2026-11-01\"}, \"Total\": {\"UnblendedCost\": {\"Amount\": "
                + "\"812.3456\", \"Unit\": \"USD\"}}, \"Groups\": [], \"Estimated\": false}]}]");

        assertThat(run("cost", "--month", "2026-10", "--by", "environment", "--json", "--data-dir", data()))
                .as(cli.err()).isZero();

        // eu and us sign in to moto's one account: one call, one row named by both, Cost Explorer's precision kept
        assertThat(cli.out()).contains("\"by\" : \"environment\"", "\"calls\" : 1", "\"group\" : \"eu+us\"",
                "\"amount\" : 812.3456").containsOnlyOnce("\"month\" : \"2026-10\"");
    }

    @Test
    void badMonthsGroupingsAndEnvironmentsAreRefusedWithASentenceAndExitTwo() {
        syncEuAndUs();

        assertThat(run("cost", "--month", "2026-13", "--data-dir", data())).isEqualTo(2);
        assertThat(cli.err()).contains("'2026-13' is not a month: write it as YYYY-MM");
        assertThat(run("cost", "--month", "2999-01", "--data-dir", data())).isEqualTo(2);
        assertThat(cli.err()).contains("Month 2999-01 has not begun");
        assertThat(run("cost", "--by", "region", "--data-dir", data())).isEqualTo(2);
        assertThat(cli.err()).contains("'region' is not a grouping: use one of service, site, customer, "
                + "environment.");
        assertThat(run("cost", "--env", "mars", "--data-dir", data())).isEqualTo(2);
        assertThat(cli.err()).contains("There is no environment 'mars': use one of eu, us.");
    }

    @Test
    void aDataFolderWithoutEnvironmentsSaysSo() {
        assertThat(run("cost", "--data-dir", data())).isEqualTo(2);
        assertThat(cli.err()).contains("No AWS environment is set up, so there is no cost to read");
    }

    @Test
    void cleanupListsTheLeftoversOfEachAccountAndRegionWithTheirMonthlyCost() throws Exception {
        syncEuAndUs();
        Ec2Leftovers seeded;
        try (AwsClients clients = MOTO.clients(op -> { })) {
            seeded = Ec2Leftovers.seed(clients.ec2(MOTO.environment("eu", "moto-a", "eu-west-1")));
        }

        assertThat(run("cost", "cleanup", "--json", "--data-dir", data())).as(cli.err()).isZero();

        // as in Ec2CleanupInventoryTest, but no synced camera runs an image, so both live images are unused:
        // 8.00 (volume) + 7.05 (stopped) + 0.75 (orphan snapshot) + 2 x 0.75 (unused images) = 17.30, 5 hints;
        // nothing in us-east-1 (the us environment's region)
        assertThat(cli.out()).contains("\"kind\" : \"unattached-volume\"", "\"resource\" : \""
                + seeded.freeVolume() + "\"", "\"monthlyUsd\" : 8.00", "\"kind\" : \"stopped-instance\"",
                "\"monthlyUsd\" : 7.05", "\"kind\" : \"orphan-snapshot\"", "\"kind\" : \"unused-image\"",
                "\"environment\" : \"eu\"").doesNotContain("\"environment\" : \"us\"");

        assertThat(run("cost", "cleanup", "--data-dir", data())).as(cli.err()).isZero();
        assertThat(cli.out()).contains("5 cleanup hints, about 17.30 USD a month");
    }
}
