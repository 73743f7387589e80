package io.camfleet.console.service.findings;

import io.camfleet.console.adapter.files.AuditAnchorFiles;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcAuditTrail;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.service.audit.AuditQuery;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.service.environments.Environment;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A findings service on a real H2 cache file and a real audit trail, with a fleet of three cameras and a clock. */
final class FindingsRig implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    /** cam-1 by SSM node and image ami-1; cam-2 by host name and SSH address, ami-1; cam-3 on ami-2. */
    static final List<CameraSystem> FLEET = List.of(
            new CameraSystem("cam-1", "lisbon", "cam-1.lisbon.example", "10.0.0.11", "", "mi-0aaa", "", "ami-1",
                    "4.2.0"),
            new CameraSystem("cam-2", "lisbon", "gate-cam.lisbon.example", "ops@10.0.0.12:2222", "", "i-0bbb", "",
                    "ami-1", "4.2.0"),
            new CameraSystem("cam-3", "porto", "cam-3.porto.example", "10.0.1.13", "", "", "", "ami-2", "4.1.0"));

    final TestClock clock = new TestClock(T0);
    final CacheDatabase db;
    final AuditService audit;
    final List<CameraSystem> cameras = new ArrayList<>(FLEET);
    final List<Environment> environments = new ArrayList<>();
    InspectorSource inspector = e -> List.of();
    FindingsSettings settings = FindingsSettings.DEFAULTS;
    final FindingsService service;

    FindingsRig(Path dir) {
        db = CacheDatabase.open(dir.resolve("data"), clock);
        audit = new AuditService(new JdbcAuditTrail(db.dataSource()), new AuditAnchorFiles(dir.resolve("data")),
                new Operator("nina", ""), clock);
        service = new FindingsService(db.findings(), audit, clock, () -> cameras, () -> environments,
                e -> inspector.activeFindings(e), () -> settings);
    }

    List<AuditEvent> audited(String action) {
        return audit.search(new AuditQuery("", Set.of(), 1000)).stream().filter(e -> e.action().equals(action))
                .toList();
    }

    @Override
    public void close() {
        db.close();
    }
}
