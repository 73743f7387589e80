package io.camfleet.console.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camfleet.console.domain.alerts.AlertKind;
import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.domain.alerts.AlertStatus;
import io.camfleet.console.domain.alerts.AlertStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code camfleet kpi} as a pipeline runs it: figures of a real rollout, JSON, and bad dates. */
class KpiCommandTest {

    @TempDir
    Path dir;

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefusedInOneSentence() {
        Cli cli = new Cli(dir.resolve("home"));

        int code = cli.run("kpi", "--from", "2026-10-31", "--to", "2026-10-01", "--data-dir", dir.resolve("d").toString());

        assertThat(code).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo("camfleet: The period ends before it starts: --to 2026-10-01 is before"
                + " --from 2026-10-31; give a --to on or after --from.");
        assertThat(cli.out()).isEmpty();
        assertThat(dir.resolve("d")).doesNotExist();
    }

    @Test
    void aDateThatIsNotADateIsNamed() {
        Cli cli = new Cli(dir.resolve("home"));

        int code = cli.run("kpi", "--from", "2026-10-01", "--to", "2026-13-01", "--data-dir", dir.resolve("d").toString());

        assertThat(code).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo(
                "camfleet: --to 2026-13-01 is not a date: write it as YYYY-MM-DD, for example 2026-10-01.");
        assertThat(cli.run("kpi", "--from", "yesterday", "--to", "2026-10-01")).isEqualTo(2);
        assertThat(cli.err()).contains("--from yesterday is not a date");
    }

    @Test
    void aDemoRolloutShowsInTheFiguresOfItsDay() throws Exception {
        Cli cli = new Cli(dir.resolve("home"));
        String data = dir.resolve("data").toString();
        Path artifact = Files.writeString(dir.resolve("agent.tar.gz"), "agent");
        Path release = Files.writeString(dir.resolve("release.json"), """
                {"name": "camos-agent", "version": "7.0.0", "kind": "release", "artifact": "%s",
                 "sha256": "%s", "install": "install.sh", "healthCheck": "selftest", "rollback": "rollback.sh"}
                """.formatted(artifact.getFileName(), "0".repeat(64)));
        Path plan = Files.writeString(dir.resolve("plan.json"), "{\"waves\": \"50%\", \"maxConcurrency\": 50,"
                + " \"failureThreshold\": \"20%\", \"maintenanceWindows\": \"ignore\"}");
        assertThat(cli.run("deploy", "--release", release.toString(), "--targets", "region:OC", "--plan",
                plan.toString(), "--wait", "--data-dir", data)).as(cli.err()).isZero();
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        assertThat(cli.run("kpi", "--from", today, "--to", today, "--json", "--data-dir", data)).as(cli.err())
                .isZero();

        // One deployment started today, which succeeded (the few cameras the demo rolls back stay within its
        // threshold: the change stayed): 1 a day, 7 a week; 1 finished, no failure: 0 %; its
        // lead time runs from the release's storing (at the launch) to its success, so both spread figures exist.
        JsonNode kpi = new ObjectMapper().readTree(cli.out());
        JsonNode dora = kpi.get("dora");
        assertThat(dora.get("deployments").asInt()).isEqualTo(1);
        assertThat(dora.get("deploymentsPerDay").asDouble()).isEqualTo(1.0);
        assertThat(dora.get("deploymentsPerWeek").asDouble()).isEqualTo(7.0);
        assertThat(dora.get("changeFailure").get("finished").asInt()).isEqualTo(1);
        assertThat(dora.get("changeFailure").get("failures").asInt()).isZero();
        assertThat(dora.get("changeFailure").get("ratePercent").asDouble()).isZero();
        assertThat(dora.get("leadTime").get("count").asInt()).isEqualTo(1);
        assertThat(dora.get("leadTime").get("medianSeconds").asLong()).isBetween(0L, 600L);
        // The alert history of the folder: no alert was raised (no window watched the fleet), so none to count.
        assertThat(kpi.get("alerts").get("raised").asInt()).isZero();
        assertThat(dora.get("timeToRestore").get("count").asInt()).isZero();
        assertThat(dora.get("timeToRestore").get("medianSeconds").isNull()).isTrue();
        // The demo's health history, by the default rule.
        assertThat(kpi.get("availability").get("rule").asText()).isEqualTo("DARK");
        assertThat(kpi.get("availability").get("byRegion").size()).isPositive();

        assertThat(cli.run("kpi", "--from", today, "--to", today, "--data-dir", data)).isZero();
        assertThat(cli.out()).contains("Deployment frequency   1 started (1.00 a day, 7.00 a week), 0 still running",
                "Change failure rate    0.0 % (0 of 1 finished",
                "Time to restore        none in the period (no incident, 0 still open)",
                "Rule                   A site is down when all its cameras are offline");
    }

    /**
     * The alert store of the folder is the incident history: one site offline raised 2 h ago, acknowledged 3 min
     * later, resolved 40 min after raising; one camera degraded 1 h ago, open. Raised 2; time to acknowledge 3 min
     * (one acknowledged); time to restore 40 min (one incident, none open).
     */
    @Test
    void alertsOfTheFoldersAlertStoreAreItsIncidents() throws Exception {
        Cli cli = new Cli(dir.resolve("home"));
        Path data = dir.resolve("data");
        assertThat(cli.run("fleet", "--data-dir", data.toString())).isZero();
        java.time.Instant now = java.time.Instant.now();
        java.time.Instant raised = now.minusSeconds(7200);
        try (var db = io.camfleet.console.adapter.store.CacheDatabase.open(data, java.time.Clock.systemUTC())) {
            var store = db.alerts();
            var offline = store.raise(io.camfleet.console.domain.alerts.Alert.raise(AlertKind.SITE_OFFLINE,
                    AlertSeverity.CRITICAL, "S1", "S1", "dark", raised, false));
            var acked = new io.camfleet.console.domain.alerts.Alert(offline.id(), offline.kind(), offline.severity(),
                    "S1", "S1", "dark", AlertStatus.ACKNOWLEDGED, raised, raised.plusSeconds(180), "noc", "mine",
                    null, "", "", false, 0, null, false);
            assertThat(store.update(offline, acked, AlertStep.ACKNOWLEDGE, raised.plusSeconds(180), "noc", "mine"))
                    .isTrue();
            var resolved = new io.camfleet.console.domain.alerts.Alert(offline.id(), offline.kind(),
                    offline.severity(), "S1", "S1", "dark", AlertStatus.RESOLVED, raised, raised.plusSeconds(180),
                    "noc", "mine", raised.plusSeconds(2400), "", "", true, 0, null, false);
            assertThat(store.update(acked, resolved, AlertStep.RESOLVE, raised.plusSeconds(2400), "console", ""))
                    .isTrue();
            store.raise(io.camfleet.console.domain.alerts.Alert.raise(AlertKind.CAMERA_DEGRADED,
                    AlertSeverity.WARNING, "C1", "S1", "degraded", now.minusSeconds(3600), false));
        }
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

        assertThat(cli.run("kpi", "--from", yesterday, "--to", today, "--json", "--data-dir", data.toString()))
                .as(cli.err()).isZero();

        JsonNode kpi = new ObjectMapper().readTree(cli.out());
        assertThat(kpi.get("alerts").get("raised").asInt()).isEqualTo(2);
        assertThat(kpi.get("alerts").get("timeToAcknowledge").get("medianSeconds").asLong()).isEqualTo(180);
        assertThat(kpi.get("alerts").get("timeToAcknowledge").get("unacknowledged").asInt()).isEqualTo(1);
        JsonNode restore = kpi.get("dora").get("timeToRestore");
        assertThat(restore.get("count").asInt()).isEqualTo(1);
        assertThat(restore.get("medianSeconds").asLong()).isEqualTo(2400);
        assertThat(restore.get("open").asInt()).isZero();
    }

    /**
     * The demo fleet's cameras by image age, from a catalogue kept for environment "eu" as the AWS estate screen
     * keeps it: the first camera's image built 10 days ago (under 90 days), the second's (another image) 200 days ago
     * (180 to 364), every other image unread (unknown). The counts are the cameras on each image, counted here.
     */
    @Test
    void theCamerasByImageAgeComeFromTheImagesLastReadNeverFromAws() throws Exception {
        Cli cli = new Cli(dir.resolve("home"));
        Path data = dir.resolve("data");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(cli.run("kpi", "--from", today, "--to", today, "--data-dir", data.toString())).as(cli.err())
                .isZero();
        assertThat(cli.out()).containsPattern("Image ages             unknown for all \\d+ cameras: no image they "
                + "run is among the images last read from AWS");

        java.time.Instant now = java.time.Instant.now();
        java.util.Map<String, Long> byImage;
        String young;
        String old;
        try (var db = io.camfleet.console.adapter.store.CacheDatabase.open(data, java.time.Clock.systemUTC())) {
            var cameras = db.fleet().read().fleet().cameras();
            byImage = cameras.stream().collect(java.util.stream.Collectors.groupingBy(c -> c.image(),
                    java.util.stream.Collectors.counting()));
            young = cameras.getFirst().image();
            old = cameras.stream().map(c -> c.image()).filter(i -> !i.equals(young) && !i.isEmpty()).findFirst()
                    .orElseThrow();
            var cache = new io.camfleet.console.service.estate.EstateCache(db.snapshots(),
                    java.time.Clock.systemUTC());
            cache.refresh("eu", io.camfleet.console.service.kpi.EstateImageDates.KIND, () -> java.util.List.of(
                    entry(young, now.minus(java.time.Duration.ofDays(10))),
                    entry(old, now.minus(java.time.Duration.ofDays(200)))));
        }
        io.camfleet.console.app.features.SettingsFile.in(data).write(
                io.camfleet.console.service.environments.SourceSettings.SECTION,
                io.camfleet.console.service.environments.SourceSettings.DEMO.withEnvironments(java.util.List.of(
                        new io.camfleet.console.service.environments.Environment("eu", "default", "eu-west-1",
                                null))));

        assertThat(cli.run("kpi", "--from", today, "--to", today, "--json", "--data-dir", data.toString()))
                .as(cli.err()).isZero();

        long cameras = byImage.values().stream().mapToLong(Long::longValue).sum();
        JsonNode ages = new ObjectMapper().readTree(cli.out()).get("imageAges");
        assertThat(ages.get("cameras").asLong()).isEqualTo(cameras);
        assertThat(ages.get("known").asBoolean()).isTrue();
        assertThat(ages.get("byBand").get("UNDER_90_DAYS").asLong()).isEqualTo(byImage.get(young));
        assertThat(ages.get("byBand").get("UNDER_180_DAYS").asLong()).isZero();
        assertThat(ages.get("byBand").get("UNDER_365_DAYS").asLong()).isEqualTo(byImage.get(old));
        assertThat(ages.get("byBand").get("A_YEAR_OR_MORE").asLong()).isZero();
        assertThat(ages.get("byBand").get("UNKNOWN").asLong()).isEqualTo(cameras - byImage.get(young)
                - byImage.get(old));

        assertThat(cli.run("kpi", "--from", today, "--to", today, "--data-dir", data.toString())).isZero();
        assertThat(cli.out()).contains("Image ages             " + cameras + " cameras: " + byImage.get(young)
                + " under 90 days, 0 90 to 179 days, " + byImage.get(old) + " 180 to 364 days, 0 a year or more, "
                + (cameras - byImage.get(young) - byImage.get(old)) + " age unknown");
    }

    private static io.camfleet.console.domain.images.CatalogueEntry entry(String image, java.time.Instant created) {
        return new io.camfleet.console.domain.images.CatalogueEntry("eu",
                new io.camfleet.console.domain.images.MachineImage("ami-" + Math.abs(image.hashCode()), image,
                        "eu-west-1", created, "available", null, java.util.Map.of()),
                image, java.util.List.of(), new io.camfleet.console.domain.images.ImageUsage("ami-1",
                java.util.List.of(), java.util.List.of()), io.camfleet.console.domain.images.OutdatedRule.Verdict.current());
    }
}
