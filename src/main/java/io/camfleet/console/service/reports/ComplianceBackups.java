package io.camfleet.console.service.reports;

import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.reports.Block;
import io.camfleet.console.domain.reports.Section;
import io.camfleet.console.domain.reports.Table;
import io.camfleet.console.service.backup.ConfigBackups;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Section 5: each camera's last config backup and its age at the report's date. A camera whose last backup is older
 * than {@link #STALE} days, or that was never backed up, is stale: a weekly backup is what a restore can count on.
 */
final class ComplianceBackups {

    /** Whole days after which a camera's last config backup is stale. */
    static final int STALE = 7;

    private ComplianceBackups() {
    }

    static Section section(ComplianceContext c, Optional<ConfigBackups> backups) {
        Map<String, Instant> last = backups.map(ConfigBackups::lastBackups).orElse(Map.of());
        boolean any = !last.isEmpty();
        int cameras = any ? c.fleet().cameraCount() : 0;
        int stale = 0;
        for (int i = 0; i < cameras; i++) {
            stale += stale(last.get(c.fleet().camera(i).id()), c.now()) ? 1 : 0;
        }
        List<Block> headline = !any ? List.of() : List.of(new Block.Facts(List.of(
                c.fact("report.compliance.backups.cameras", cameras),
                c.fact("report.compliance.backups.backedUp",
                        IntStream.range(0, cameras).filter(i -> last.containsKey(c.fleet().camera(i).id())).count()),
                c.fact("report.compliance.backups.stale", stale))));
        Iterable<List<Object>> rows = () -> IntStream.range(0, cameras).mapToObj(i -> {
            CameraSystem cam = c.fleet().camera(i);
            Instant at = last.get(cam.id());
            return ComplianceContext.row(cam.id(), cam.siteId(), at,
                    at == null ? null : Duration.between(at, c.now()).toDays(), c.yes(stale(at, c.now())));
        }).iterator();
        Table table = new Table("backups", List.of(c.text("report.compliance.col.camera"),
                c.text("report.compliance.col.site"), c.dateTime("report.compliance.col.lastBackup"),
                c.integer("report.compliance.col.ageDays"), c.text("report.compliance.col.stale")), rows,
                any ? c.t("report.compliance.backups.summary", stale, cameras, STALE) : "");
        return c.section("report.compliance.backups.title", "report.compliance.backups.about",
                any ? null : c.t("report.compliance.backups.gap"), headline, List.of(table));
    }

    static boolean stale(Instant last, Instant now) {
        return last == null || Duration.between(last, now).toDays() >= STALE;
    }
}
