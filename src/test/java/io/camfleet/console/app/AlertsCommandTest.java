package io.camfleet.console.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.cli.ExitCodes;
import io.camfleet.console.domain.alerts.Alert;
import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.domain.alerts.AlertStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code camfleet alerts} on a real data folder, its cache holding alerts as the window raised them. */
class AlertsCommandTest {

    @TempDir
    Path dir;
    private Cli cli;
    private String data;
    private long dark;
    private long stale;

    @BeforeEach
    void seed() {
        cli = new Cli(dir.resolve("home"));
        Path folder = dir.resolve("data");
        data = folder.toString();
        folder.toFile().mkdirs();
        try (CacheDatabase db = CacheDatabase.open(folder, Clock.systemUTC())) {
            dark = db.alerts().raise(Alert.raise(AlertKind.SITE_OFFLINE, AlertSeverity.CRITICAL, "ams", "ams",
                    "Site Amsterdam Docks (ams) is down: 8 of 8 cameras offline for 1 min.",
                    Instant.parse("2026-12-07T10:02:31Z"), false)).id();
            stale = db.alerts().raise(Alert.raise(AlertKind.SYNC_STALE, AlertSeverity.WARNING, "aws", "",
                    "No successful sync from aws for 15 min.", Instant.parse("2026-12-07T10:15:00Z"), true)).id();
        }
    }

    @Test
    void listShowsTheOpenAlertsAsTextAndAsJson() throws Exception {
        assertThat(cli.run("alerts", "list", "--data-dir", data)).as(cli.err()).isZero();
        assertThat(cli.out()).contains("ID", "SUMMARY", "Site Amsterdam Docks (ams) is down", "SITE_OFFLINE",
                "CRITICAL", "[silenced]");

        assertThat(cli.run("alerts", "list", "--json", "--data-dir", data)).as(cli.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("id").asLong()).isEqualTo(dark);
        assertThat(json.get(0).get("status").asText()).isEqualTo("RAISED");
        assertThat(json.get(0).get("dedupKey").asText()).isEqualTo("camfleet-site-offline-ams-" + dark);
        assertThat(json.get(1).get("silenced").asBoolean()).isTrue();
    }

    @Test
    void ackAndResolveTakeTheStepsWithTheNoteAndTheResolvedAlertLeavesTheOpenList() throws Exception {
        assertThat(cli.run("alerts", "ack", Long.toString(dark), "--note", "Calling the site", "--data-dir", data))
                .as(cli.err()).isZero();
        assertThat(cli.out()).contains("Alert " + dark + " acknowledged");
        assertThat(cli.run("alerts", "resolve", Long.toString(dark), "--note", "Power back", "--data-dir", data))
                .as(cli.err()).isZero();

        assertThat(cli.run("alerts", "list", "--json", "--data-dir", data)).isZero();
        assertThat(new ObjectMapper().readTree(cli.out())).singleElement()
                .satisfies(a -> assertThat(a.get("id").asLong()).isEqualTo(stale));
        assertThat(cli.run("alerts", "list", "--status", "all", "--json", "--data-dir", data)).isZero();
        JsonNode resolved = new ObjectMapper().readTree(cli.out()).get(1);
        assertThat(resolved.get("status").asText()).isEqualTo(AlertStatus.RESOLVED.name());
        assertThat(resolved.get("acknowledgedNote").asText()).isEqualTo("Calling the site");
        assertThat(resolved.get("acknowledgedBy").asText()).isEqualTo("tester");
        assertThat(resolved.get("resolvedNote").asText()).isEqualTo("Power back");
        assertThat(resolved.get("resolvedAutomatically").asBoolean()).isFalse();
    }

    @Test
    void anUnknownIdAMissingNoteOrAResolvedAlertIsOneClearSentenceAndAUsageExit() {
        assertThat(cli.run("alerts", "ack", "999", "--note", "x", "--data-dir", data)).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err().strip()).isEqualTo("camfleet: There is no alert 999: check its id with "
                + "'camfleet alerts list --status all'.");

        assertThat(cli.run("alerts", "ack", "abc", "--note", "x", "--data-dir", data)).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("'abc' is not an alert id");

        assertThat(cli.run("alerts", "ack", Long.toString(dark), "--data-dir", data)).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("The note is missing");

        assertThat(cli.run("alerts", "resolve", Long.toString(dark), "--note", "done", "--data-dir", data)).isZero();
        assertThat(cli.run("alerts", "ack", Long.toString(dark), "--note", "late", "--data-dir", data))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("Alert " + dark + " is already resolved (by tester at");
        assertThat(cli.err().lines().count()).isEqualTo(1);
    }

    @Test
    void silenceNeedsADurationItUnderstands() {
        assertThat(cli.run("alerts", "silence", "--site", "ams", "--for", "2h", "--note", "power work",
                "--data-dir", data)).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Alerts of site ams, kind *, silenced until");
        assertThat(cli.run("alerts", "silence", "--site", "ams", "--for", "soon", "--note", "x", "--data-dir", data))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("'soon' is not a duration");
    }
}
