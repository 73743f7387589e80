package io.camfleet.console.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camfleet.console.adapter.google.FakeGoogleDirectory;
import io.camfleet.console.adapter.google.GeneratedDevices;
import io.camfleet.console.adapter.sim.DemoDirectory;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcAuditTrail;
import io.camfleet.console.cli.ExitCodes;
import io.camfleet.console.domain.devices.ComplianceRule;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.audit.AuditQuery;
import io.camfleet.console.service.devices.DeviceSettings;
import io.camfleet.console.service.settings.SettingsStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code camfleet devices} on a real data folder, over the demo directory (the settings' default). */
class DevicesCommandTest {

    @TempDir
    Path dir;
    private Cli cli;
    private String data;

    @BeforeEach
    void folder() {
        cli = new Cli(dir.resolve("home"));
        data = dir.resolve("data").toString();
    }

    private JsonNode listJson(String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("devices", "list", "--json", "--data-dir", data));
        args.addAll(List.of(more));
        assertThat(cli.run(args.toArray(String[]::new))).as(cli.err()).isZero();
        return new ObjectMapper().readTree(cli.out());
    }

    private JsonNode device(String serial) throws Exception {
        return StreamSupport.stream(listJson().get("devices").spliterator(), false)
                .filter(d -> d.get("serial").asText().equals(serial)).findFirst().orElseThrow();
    }

    private List<String> audited() {
        try (CacheDatabase db = CacheDatabase.open(Path.of(data), Clock.systemUTC())) {
            return new JdbcAuditTrail(db.dataSource()).search(AuditQuery.latest(1000)).stream()
                    .map(e -> e.action() + " " + e.target() + " " + e.outcome()).toList();
        }
    }

    @Test
    void syncPrintsItsReportAndListShowsTheDevicesWithTheRulesTheyBreak() throws Exception {
        assertThat(cli.run("devices", "sync", "--data-dir", data)).as(cli.err()).isZero();
        // the demo directory: 270 ChromeOS devices on one page of 300, 30 Android on one of 100
        assertThat(cli.out()).startsWith("Synced 300 devices (270 ChromeOS, 30 Android) from demo in 2 calls");

        assertThat(cli.run("devices", "list", "--data-dir", data)).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Devices of demo as of ", "Breaking a rule: os-behind ", "SERIAL", "BREAKS",
                "/Review/", "ANDROID");
        assertThat(cli.out().lines().filter(l -> l.contains("/Review/") || l.contains(" ANDROID "))).hasSize(300);
        // the columns line up whatever the length of a reviewer's email
        int orgUnit = cli.out().lines().filter(l -> l.startsWith("SERIAL")).findFirst().orElseThrow()
                .indexOf("ORG UNIT");
        assertThat(cli.out().lines().filter(l -> l.contains(" CHROMEOS ")))
                .allSatisfy(l -> assertThat(l.indexOf(" /Review/") + 1).as(l).isEqualTo(orgUnit));

        JsonNode json = listJson();
        assertThat(json.get("source").asText()).isEqualTo("demo");
        assertThat(json.get("count").asInt()).isEqualTo(300);
        List<String> broken = new ArrayList<>();
        json.get("devices").forEach(d -> d.get("breaks").forEach(r -> broken.add(r.asText())));
        // the demo breaks every rule somewhere, its reviewers group being the reviewers list
        for (ComplianceRule rule : ComplianceRule.values()) {
            assertThat(broken).as(rule.cliName()).contains(rule.cliName());
        }
    }

    @Test
    void listByRuleShowsOnlyTheDevicesBreakingItAndAnUnknownRuleNamesTheValidOnes() throws Exception {
        JsonNode all = listJson();
        long expected = StreamSupport.stream(all.get("devices").spliterator(), false)
                .filter(d -> d.get("breaks").toString().contains("\"not-synced\"")).count();
        JsonNode notSynced = listJson("--rule", "not-synced");
        assertThat(notSynced.get("count").asLong()).isEqualTo(expected).isPositive();
        notSynced.get("devices").forEach(d -> assertThat(d.get("breaks").toString()).contains("not-synced"));

        assertThat(cli.run("devices", "list", "--rule", "stale", "--data-dir", data)).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err().strip()).isEqualTo("camfleet: 'stale' is not a compliance rule: use one of os-behind, "
                + "updates-ended, updates-ending, not-synced, no-reviewer, unknown-reviewer.");
    }

    @Test
    void exportWritesOneRowADeviceAndABadPathIsASentence() throws Exception {
        Path csv = dir.resolve("compliance.csv");
        assertThat(cli.run("devices", "export", "--compliance", csv.toString(), "--data-dir", data))
                .as(cli.err()).isZero();
        assertThat(cli.out()).contains("Wrote the compliance of 300 devices to " + csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(301);
        assertThat(lines.get(0)).startsWith("serial,type,model,status");
        assertThat(audited()).anyMatch(a -> a.startsWith("devices.export " + csv));

        assertThat(cli.run("devices", "export", "--data-dir", data)).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("Missing required option: '--compliance=FILE'");
        Path nowhere = dir.resolve("no/such/folder/out.csv");
        assertThat(cli.run("devices", "export", "--compliance", nowhere.toString(), "--data-dir", data))
                .isNotZero();
        assertThat(cli.err()).contains("The compliance export could not be written to").doesNotContain("Exception");
        assertThat(nowhere).doesNotExist();
    }

    @Test
    void aQueuedSerialIsProvisionedAtTheNextSyncOnce() throws Exception {
        String serial = DemoDirectory.unprovisionedSerials().get(0);
        Path queue = dir.resolve("queue.csv");
        Files.writeString(queue, "serial,reviewer,location,assetId,orgUnit\n" + serial
                + ",grace.otieno@review.example.com,Nairobi desk 4,RV-30001,/Review/Nairobi\n");
        assertThat(cli.run("devices", "provision", "--csv", queue.toString(), "--data-dir", data))
                .as(cli.err()).isZero();
        assertThat(cli.out()).contains("Queued 1 devices for provisioning (" + serial + ")");

        assertThat(cli.run("devices", "sync", "--data-dir", data)).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Provisioned " + serial);
        JsonNode d = device(serial);
        assertThat(d.get("reviewer").asText()).isEqualTo("grace.otieno@review.example.com");
        assertThat(d.get("orgUnit").asText()).isEqualTo("/Review/Nairobi");
        assertThat(d.get("assetId").asText()).isEqualTo("RV-30001");

        assertThat(cli.run("devices", "sync", "--data-dir", data)).as(cli.err()).isZero();
        assertThat(cli.out()).doesNotContain("Provisioned");
        // one provisioning performed: its start and its success
        assertThat(audited()).filteredOn(a -> a.startsWith("devices.provision")).extracting(a -> a.split(" ")[2])
                .containsExactlyInAnyOrder("STARTED", "SUCCEEDED");
    }

    @Test
    void aBadRowRejectsTheWholeQueueFileNamingTheRow() throws Exception {
        Path queue = dir.resolve("queue.csv");
        Files.writeString(queue, "serial,reviewer,orgUnit\n5CD5041QK7,ana.silva@review.example.com,/Review/Porto\n"
                + "5CD5041QK8,not-an-email,/Review/Porto\n");
        assertThat(cli.run("devices", "provision", "--csv", queue.toString(), "--data-dir", data))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).startsWith("camfleet: Row 3 of ").contains("\"not-an-email\" is not an email address",
                "Nothing was queued");

        assertThat(cli.run("devices", "sync", "--data-dir", data)).as(cli.err()).isZero();
        assertThat(cli.out()).doesNotContain("Provisioned");
        assertThat(cli.run("devices", "provision", "--data-dir", data)).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("devices", "provision", "--csv", dir.resolve("missing.csv").toString(), "--data-dir", data))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("cannot be read");
    }

    @Test
    void disableTakesTheLostDeviceOutWithTheReasonAuditedAndRefusesWhatItCannotDo() throws Exception {
        JsonNode active = StreamSupport.stream(listJson().get("devices").spliterator(), false)
                .filter(d -> d.get("type").asText().equals("CHROMEOS") && d.get("status").asText().equals("ACTIVE")
                        && !d.get("reviewer").asText().isEmpty())
                .findFirst().orElseThrow();
        String serial = active.get("serial").asText();
        assertThat(cli.run("devices", "disable", "--serial", serial, "--reason", "lost on the train",
                "--data-dir", data)).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Disabled " + serial + " (reviewer " + active.get("reviewer").asText()
                + "): lost on the train.");
        assertThat(device(serial).get("status").asText()).isEqualTo("DISABLED");
        assertThat(audited()).anyMatch(a -> a.startsWith("devices.disable ") && a.contains(active.get("id").asText()));

        assertThat(cli.run("devices", "disable", "--serial", serial, "--reason", "again", "--data-dir", data))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains(serial + " is already");

        assertThat(cli.run("devices", "disable", "--serial", "NOPE123", "--reason", "lost", "--data-dir", data))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err().strip()).isEqualTo("camfleet: No cached device has the serial NOPE123: check it with "
                + "'camfleet devices list', or run 'camfleet devices sync' if the device is new.");

        assertThat(cli.run("devices", "disable", "--serial", serial, "--data-dir", data)).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("The reason is missing");
        assertThat(cli.run("devices", "disable", "--serial", serial, "--reason", "  ", "--data-dir", data))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err().lines().count()).isEqualTo(1);
    }

    @Test
    void onAWorkspaceTheCommandsUseTheDirectoryApiAndABadKeyIsASentenceWhileTheCacheStillLists() throws Exception {
        try (FakeGoogleDirectory google = FakeGoogleDirectory.start(Files.createDirectories(dir.resolve("google")))) {
            google.put(GeneratedDevices.chromeos(310, 9, Instant.now()));
            google.put(GeneratedDevices.android(4, 9, Instant.now()));
            SettingsStore settings = cli.runtime().settings(Files.createDirectories(Path.of(data)));
            settings.write(DeviceSettings.SECTION, google.settings());

            assertThat(cli.run("devices", "list", "--data-dir", data)).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(cli.err()).contains("No devices are cached yet for the Google directory");
            assertThat(google.apiCalls()).isZero();

            assertThat(cli.run("devices", "sync", "--data-dir", data)).as(cli.err()).isZero();
            // 310 ChromeOS devices at 300 a page: 2 pages; 4 tablets: 1 page; and the token: 4 calls
            assertThat(cli.out()).startsWith("Synced 314 devices (310 ChromeOS, 4 Android) from "
                    + FakeGoogleDirectory.CUSTOMER + " in 4 calls");
            assertThat(google.apiCalls()).isEqualTo(3);
            assertThat(google.count(FakeGoogleDirectory.Kind.TOKEN)).isEqualTo(1);

            Path missing = dir.resolve("keys/gone.json");
            DeviceSettings s = google.settings();
            settings.write(DeviceSettings.SECTION, new DeviceSettings(s.customerId(), s.adminSubject(),
                    missing.toString(), s.scopes(), s.apiBaseUrl(), s.tokenUrl(), "", "", "", s.rules()));
            // credentials missing: exit 3, as for AWS
            assertThat(cli.run("devices", "sync", "--data-dir", data)).as(cli.err())
                    .isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(cli.err().strip()).startsWith("camfleet: The devices sync failed while listing the ChromeOS "
                    + "devices (page 1): The service account key file " + missing + " does not exist.")
                    .endsWith("The cache keeps the devices as of the last sync; sync again once that is fixed.");
            assertThat(listJson().get("count").asInt()).isEqualTo(314);
        }
    }

    @Test
    void aProvisioningTheDirectoryRefusesExitsOneNamingTheSerialAndIsTriedAgainAtTheNextSync() throws Exception {
        try (FakeGoogleDirectory google = FakeGoogleDirectory.start(Files.createDirectories(dir.resolve("google")))) {
            google.put(List.of(new ReviewDevice("dev-1", DeviceType.CHROMEOS, "5CD7777AB1", "ASUS Chromebox 5",
                    "ACTIVE", "", "", "", "/Review/Enrollment", "131.0.6778.204", Instant.now(), null, Instant.now(),
                    List.of(), "")));
            cli.runtime().settings(Files.createDirectories(Path.of(data)))
                    .write(DeviceSettings.SECTION, google.settings());
            Path queue = dir.resolve("queue.csv");
            Files.writeString(queue, "serial,reviewer,orgUnit\n5CD7777AB1,ana.silva@camfleet.test,/Review/Porto\n");
            assertThat(cli.run("devices", "provision", "--csv", queue.toString(), "--data-dir", data))
                    .as(cli.err()).isZero();
            google.fail(FakeGoogleDirectory.Kind.MOVE, 0, FakeGoogleDirectory.Fault.forbidden());

            assertThat(cli.run("devices", "sync", "--data-dir", data)).isEqualTo(ExitCodes.FAILED);
            assertThat(cli.out()).startsWith("Synced 1 devices");
            assertThat(cli.err()).startsWith("camfleet: Could not provision 5CD7777AB1: ")
                    .contains("It stays in the queue and is tried again at the next sync.");

            assertThat(cli.run("devices", "sync", "--data-dir", data)).as(cli.err()).isZero();
            assertThat(cli.out()).contains("Provisioned 5CD7777AB1");
            assertThat(google.device("dev-1").orElseThrow().orgUnit()).isEqualTo("/Review/Porto");
        }
    }

    @Test
    void helpListsTheSubcommands() {
        assertThat(cli.run("devices", "--help")).isZero();
        assertThat(cli.out()).contains("sync", "list", "export", "provision", "disable");
    }
}
