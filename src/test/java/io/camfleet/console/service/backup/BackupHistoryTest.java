package io.camfleet.console.service.backup;

import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.domain.backup.BackupVersion;
import io.camfleet.console.domain.backup.OffsiteCopy;
import io.camfleet.console.domain.backup.TakenFile;
import io.camfleet.console.domain.backup.VersionChecksum;
import io.camfleet.console.domain.timeline.SiteEvent;
import io.camfleet.console.service.common.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The backups and restores of a site's cameras as its timeline shows them, read from a real H2 store. */
class BackupHistoryTest {

    static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");

    @TempDir
    Path dir;

    private static BackupVersion version(String camera, Instant at, int restoredFrom, List<TakenFile> files) {
        return new BackupVersion(camera, 0, at, "nina", VersionChecksum.of(files.stream().map(TakenFile::file)
                .toList()), files.size(), 10, restoredFrom, OffsiteCopy.NONE);
    }

    private static List<TakenFile> files(String content) {
        return List.of(TakenFile.of("a.conf", content.getBytes(StandardCharsets.UTF_8)),
                TakenFile.of("b.conf", "b\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void backupsAndRestoresOfTheSitesCamerasAreConfigEventsInTheRangeAsked() {
        try (CacheDatabase db = CacheDatabase.open(dir, Clock.systemUTC())) {
            BackupStore store = db.backups();
            store.add(version("cam-1", T0, 0, files("1")), files("1"));
            store.add(version("cam-1", T0.plus(Duration.ofHours(1)), 0, files("2")), files("2"));
            store.add(version("cam-1", T0.plus(Duration.ofHours(2)), 1, files("1")), files("1"));
            store.add(version("cam-9", T0.plus(Duration.ofHours(1)), 0, files("x")), files("x"));
            store.add(version("cam-1", T0.plus(Duration.ofHours(5)), 0, files("3")), files("3"));
            ConfigBackups backups = new ConfigBackups(store, null, Clock.systemUTC(), () -> BackupSettings.DEFAULTS,
                    OffsiteCopies.NONE, new Messages(Locale.ENGLISH));

            List<SiteEvent> events = backups.history().events("site-1", Set.of("cam-1", "cam-2"),
                    T0.plus(Duration.ofMinutes(30)), T0.plus(Duration.ofHours(5)), 10).stream()
                    .sorted(Comparator.comparing(SiteEvent::at)).toList();

            // v1 is before the range, v4 at its end (exclusive); cam-9 is another site's camera.
            assertThat(events).containsExactly(
                    new SiteEvent(T0.plus(Duration.ofHours(1)), SiteEvent.Kind.CONFIG, "cam-1",
                            "Config backup v2 of cam-1 (2 files)", 2),
                    new SiteEvent(T0.plus(Duration.ofHours(2)), SiteEvent.Kind.CONFIG, "cam-1",
                            "Config of cam-1 restored to v1 (now v3)", 3));
            assertThat(backups.history().events("site-1", Set.of("cam-1"), T0, T0.plus(Duration.ofDays(1)), 1))
                    .extracting(SiteEvent::summary).containsExactly("Config backup v4 of cam-1 (2 files)");
        }
    }
}
