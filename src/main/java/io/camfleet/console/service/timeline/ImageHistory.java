package io.camfleet.console.service.timeline;

import io.camfleet.console.domain.timeline.SiteEvent;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.fleet.ImageChanges;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The timeline's image changes: each camera of the site moving from one OS image to another, as the fleet cache saw
 * it when a sync or a reload stored the new image. The image actions of the AWS estate (build, copy, deprecate,
 * deregister) are not per site: they stay audit rows.
 */
public final class ImageHistory implements SiteHistorySource {

    private final ImageChanges changes;
    private final Messages messages;

    public ImageHistory(ImageChanges changes, Messages messages) {
        this.changes = changes;
        this.messages = messages;
    }

    @Override
    public List<SiteEvent> events(String siteId, Set<String> cameraIds, Instant from, Instant to, int limit) {
        return changes.atSite(siteId, from, to, limit).stream()
                .map(c -> new SiteEvent(c.at(), SiteEvent.Kind.IMAGE, c.cameraId(),
                        messages.text("timeline.image.changed", c.fromImage(), c.toImage()), c.id()))
                .toList();
    }
}
