package io.camfleet.console.service.backup;

import io.camfleet.console.domain.backup.BackupVersion;
import io.camfleet.console.domain.timeline.SiteEvent;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.timeline.SiteHistorySource;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The config backups and restores of a site's cameras, for its timeline. A restore shows as the version read back
 * right after it ("restored to v2, now v6"); a restore that failed shows through the audit source.
 */
final class BackupHistory implements SiteHistorySource {

    private final BackupStore store;
    private final Messages messages;

    BackupHistory(BackupStore store, Messages messages) {
        this.store = store;
        this.messages = messages;
    }

    @Override
    public List<SiteEvent> events(String siteId, Set<String> cameraIds, Instant from, Instant to, int limit) {
        return store.between(cameraIds, from, to, limit).stream().map(this::event).toList();
    }

    private SiteEvent event(BackupVersion v) {
        String summary = v.afterRestore()
                ? messages.text("backup.event.restored", v.cameraId(), v.restoredFrom(), v.number())
                : messages.text("backup.event.taken", v.cameraId(), v.number(), v.files());
        // The version number orders a camera's events at one instant as they were written.
        return new SiteEvent(v.takenAt(), SiteEvent.Kind.CONFIG, v.cameraId(), summary, v.number());
    }
}
