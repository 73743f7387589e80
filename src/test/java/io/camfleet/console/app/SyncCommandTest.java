package io.camfleet.console.app;

import io.camfleet.console.adapter.aws.CborToJsonBridge;
import io.camfleet.console.adapter.aws.FleetSeeder;
import io.camfleet.console.adapter.aws.MotoServer;
import io.camfleet.console.cli.Commands;
import io.camfleet.console.service.Environment;
import io.camfleet.console.service.Messages;
import io.camfleet.console.service.Operator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code camfleet sync} and {@code camfleet fleet} against a real moto_server, through the user's AWS config. */
class SyncCommandTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        ConsoleRuntime runtime = new ConsoleRuntime(Clock.systemUTC(),
                Map.of("AWS_CONFIG_FILE", MOTO.configFile().toString()), dir.resolve("home").toString(),
                new Operator("tester", ""), new Messages(Locale.ENGLISH));
        runtime.interceptAws(List.of(new CborToJsonBridge()));
        CommandLine cmd = Commands.commandLine(runtime, new Messages(Locale.ENGLISH));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void syncPrintsItsCountsAndFleetSummarizesTheCache() {
        Environment prod = MOTO.environment("prod-eu", "moto-a", "eu-west-1");
        try (FleetSeeder seed = new FleetSeeder(prod)) {
            seed.site("ams-01", null, FleetSeeder.siteAttributes("Amsterdam", "Northwind", "NL", "52.37", "4.89",
                            "Europe/Amsterdam", "GOLD"))
                    .site("lost", null, FleetSeeder.siteAttributes("Lost", "Acme", "NL", null, null, "UTC", "GOLD"))
                    .thing("cam-1", "ams-01", Map.of()).thing("cam-2", "lost", Map.of())
                    .metrics("cam-1", Instant.now().minusSeconds(20), Map.of("Heartbeat", 1.0));
        }
        String data = dir.resolve("data").toString();

        int code = run("sync", "--profile", "moto-a", "--region", "eu-west-1", "--endpoint",
                MOTO.endpoint().toString(), "--label", "prod-eu", "--data-dir", data);

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("prod-eu: 2 sites, 2 cameras, 1 unplaced, 0 removed (full sync");

        out.getBuffer().setLength(0);
        assertThat(run("fleet", "--json", "--data-dir", data)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"source\" : \"AWS: prod-eu\"", "\"sites\" : 2", "\"cameras\" : 2",
                "\"unplaced\" : 1", "\"ONLINE\" : 1", "\"UNKNOWN\" : 1", "\"prod-eu\" : 2");
    }

    @Test
    void aProfileWithoutCredentialsFailsWithTheReasonAndLeavesTheCacheAlone() {
        String data = dir.resolve("data").toString();
        int code = run("sync", "--profile", "nobody", "--region", "eu-west-1", "--endpoint",
                MOTO.endpoint().toString(), "--data-dir", data);

        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).contains("no AWS credentials for profile nobody");
        assertThat(run("fleet", "--json", "--data-dir", data)).isZero();
        assertThat(out.toString()).contains("\"sites\" : 0");
    }

    @Test
    void aBadRegionIsBadInput() {
        assertThat(run("sync", "--region", "Mars", "--data-dir", dir.resolve("data").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("'Mars' is not an AWS region");
    }
}
