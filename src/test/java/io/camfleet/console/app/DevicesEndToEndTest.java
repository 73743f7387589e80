package io.camfleet.console.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camfleet.console.adapter.files.AuditAnchorFiles;
import io.camfleet.console.adapter.google.FakeGoogleDirectory;
import io.camfleet.console.adapter.google.FakeGoogleDirectory.Kind;
import io.camfleet.console.adapter.google.GeneratedDevices;
import io.camfleet.console.adapter.google.GoogleDirectory;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcAuditTrail;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.devices.DeviceAction;
import io.camfleet.console.domain.devices.DeviceEvent;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ProvisionRequest;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.audit.AuditQuery;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.devices.ActionReport;
import io.camfleet.console.service.devices.DevicesService;
import io.camfleet.console.service.devices.SyncReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review devices on their real parts: the Directory API client over real HTTP against the WireMock fake of the
 * API, the cache in an H2 file, the audit trail in it, and the devices service between them.
 */
@Timeout(120)
class DevicesEndToEndTest {

    private static final String SERIAL = "5CD2417QK9";
    private final Clock clock = Clock.systemUTC();
    private final Instant now = clock.instant();

    @TempDir
    Path dir;
    private FakeGoogleDirectory google;
    private CacheDatabase db;
    private AuditService audit;

    @BeforeEach
    void open() throws Exception {
        google = FakeGoogleDirectory.start(Files.createDirectories(dir.resolve("google")));
        Path data = Files.createDirectories(dir.resolve("data"));
        db = CacheDatabase.open(data, clock);
        audit = new AuditService(new JdbcAuditTrail(db.dataSource()), new AuditAnchorFiles(data),
                new Operator("device.manager", ""), clock);
    }

    @AfterEach
    void close() {
        db.close();
        google.close();
    }

    /** A console's devices service: its own client of the directory, over the shared cache. */
    private DevicesService console() {
        return new DevicesService(GoogleDirectory.open(google.settings(), clock), db.devices(), audit,
                google::settings, clock);
    }

    private List<AuditEvent> audited(String action) {
        return new JdbcAuditTrail(db.dataSource()).search(AuditQuery.latest(1000)).stream()
                .filter(e -> e.action().equals(action)).toList();
    }

    /** The device the manager pre-registered, as it shows up once enrolled: active, unannotated. */
    private ReviewDevice enrolled() {
        return new ReviewDevice("dev-enrolled-1", DeviceType.CHROMEOS, SERIAL, "HP Chromebook x360 14c", "ACTIVE", "",
                "", "", "/Review/Enrollment", "131.0.6778.204", now, LocalDate.of(2031, 6, 30), now, List.of(), "");
    }

    private void queue(DevicesService devices) {
        devices.queue(ProvisionRequest.queued(SERIAL, "ines.costa@camfleet.test", "Porto desk 3", "RV-44010",
                "/Review/Porto", "device.manager", now));
    }

    @Test
    void aQueuedSerialIsProvisionedOnceWhenItAppearsEnrolledAndTheNextSyncDoesNothing() {
        google.put(GeneratedDevices.chromeos(450, 11, now));
        DevicesService devices = console();
        queue(devices);

        SyncReport before = devices.sync(Progress.NONE);
        assertThat(before.count(DeviceType.CHROMEOS)).isEqualTo(450);
        assertThat(before.provisioned()).isEmpty();
        // 450 devices at 300 a page: 2 pages
        assertThat(google.count(Kind.CHROMEOS_LIST)).isEqualTo(2);

        google.put(List.of(enrolled()));
        SyncReport applied = devices.sync(Progress.NONE);
        assertThat(applied.provisioned()).containsExactly(SERIAL);
        assertThat(applied.provisioningFailures()).isEmpty();
        ReviewDevice inDirectory = google.device("dev-enrolled-1").orElseThrow();
        assertThat(List.of(inDirectory.reviewer(), inDirectory.location(), inDirectory.assetId(),
                inDirectory.orgUnit())).containsExactly("ines.costa@camfleet.test", "Porto desk 3", "RV-44010",
                "/Review/Porto");
        // one patch of the annotations and one move, and the move carried the org unit
        assertThat(google.count(Kind.CHROMEOS_PATCH)).isEqualTo(1);
        assertThat(google.requests(Kind.MOVE)).singleElement()
                .satisfies(r -> assertThat(r.query()).containsEntry("orgUnitPath", "/Review/Porto"));
        assertThat(devices.cached().devices()).filteredOn(d -> d.serial().equals(SERIAL)).singleElement()
                .satisfies(d -> assertThat(d.orgUnit()).isEqualTo("/Review/Porto"));

        SyncReport again = devices.sync(Progress.NONE);
        assertThat(again.provisioned()).isEmpty();
        assertThat(google.count(Kind.CHROMEOS_PATCH)).isEqualTo(1);
        assertThat(google.count(Kind.MOVE)).isEqualTo(1);
        assertThat(devices.cached().devices()).filteredOn(d -> d.serial().equals(SERIAL)).singleElement()
                .satisfies(d -> assertThat(d.reviewer()).isEqualTo("ines.costa@camfleet.test"));

        assertThat(devices.provisioning()).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(ProvisionRequest.State.PROVISIONED);
            assertThat(r.deviceId()).isEqualTo("dev-enrolled-1");
        });
        assertThat(audited("devices.provision")).extracting(AuditEvent::outcome)
                .containsExactlyInAnyOrder(AuditOutcome.STARTED, AuditOutcome.SUCCEEDED);
        assertThat(devices.history("dev-enrolled-1")).filteredOn(e -> e.kind() == DeviceEvent.Kind.PROVISIONED)
                .singleElement().satisfies(e -> assertThat(e.by()).isEqualTo("device.manager"));
    }

    @Test
    void twoConsolesSyncingAtOnceProvisionTheDeviceOnce() throws Exception {
        google.put(GeneratedDevices.chromeos(320, 12, now));
        google.put(List.of(enrolled()));
        DevicesService first = console();
        DevicesService second = console();
        queue(first);

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<SyncReport>> runs = new ArrayList<>();
            for (DevicesService console : List.of(first, second)) {
                runs.add(pool.submit(() -> {
                    together.await();
                    return console.sync(Progress.NONE);
                }));
            }
            List<String> provisioned = new ArrayList<>();
            for (Future<SyncReport> run : runs) {
                provisioned.addAll(run.get().provisioned());
            }
            assertThat(provisioned).containsExactly(SERIAL);
        } finally {
            pool.shutdownNow();
        }
        assertThat(google.count(Kind.CHROMEOS_PATCH)).isEqualTo(1);
        assertThat(google.count(Kind.MOVE)).isEqualTo(1);
        assertThat(audited("devices.provision")).filteredOn(e -> e.outcome() == AuditOutcome.SUCCEEDED).hasSize(1);
    }

    @Test
    void aBulkDisableOf120DevicesTakesThreeCallsReportsEachFailureAndTheNextListingShowsThemDisabled()
            throws Exception {
        google.put(GeneratedDevices.chromeos(300, 5, now));
        DevicesService devices = console();
        devices.sync(Progress.NONE);
        List<ReviewDevice> chosen = devices.cached().devices().stream().filter(ReviewDevice::active).limit(120)
                .toList();
        assertThat(chosen).hasSize(120);
        ReviewDevice refused = chosen.get(7);
        ReviewDevice alsoRefused = chosen.get(104);
        google.refuseStatusChange(refused.id(), 9, "Device is in an invalid state for this action");
        google.refuseStatusChange(alsoRefused.id(), 5, "Device not found");

        ActionReport report = devices.act(DeviceAction.DISABLE, chosen, "", "Reviewers' floor closed");

        // 120 devices, at most 50 a batchChangeStatus call: 50 + 50 + 20
        assertThat(google.count(Kind.BATCH_STATUS)).isEqualTo(3);
        assertThat(report.calls()).isEqualTo(3);
        ObjectMapper json = new ObjectMapper();
        List<Integer> sizes = new ArrayList<>();
        for (FakeGoogleDirectory.Request r : google.requests(Kind.BATCH_STATUS)) {
            sizes.add(json.readTree(r.body()).get("deviceIds").size());
        }
        assertThat(sizes).containsExactly(50, 50, 20);
        assertThat(report.done()).hasSize(118);
        assertThat(report.failed()).extracting(f -> f.device().id()).containsExactlyInAnyOrder(refused.id(),
                alsoRefused.id());
        assertThat(report.failed()).filteredOn(f -> f.device().id().equals(refused.id())).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("invalid state"));
        // each call audited before and after: the first (device 7) and the third (device 104) had a refusal
        assertThat(audited("devices.disable")).extracting(AuditEvent::outcome).containsExactlyInAnyOrder(
                AuditOutcome.STARTED, AuditOutcome.STARTED, AuditOutcome.STARTED, AuditOutcome.FAILED,
                AuditOutcome.FAILED, AuditOutcome.SUCCEEDED);

        devices.sync(Progress.NONE);
        Map<String, String> status = new java.util.HashMap<>();
        devices.cached().devices().forEach(d -> status.put(d.id(), d.status()));
        for (ReviewDevice d : chosen) {
            boolean wasRefused = d.id().equals(refused.id()) || d.id().equals(alsoRefused.id());
            assertThat(status.get(d.id())).as(d.serial()).isEqualTo(wasRefused ? "ACTIVE" : "DISABLED");
        }
    }
}
