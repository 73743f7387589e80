package io.camfleet.console.service.timeline;

import io.camfleet.console.domain.timeline.SiteEvent;
import io.camfleet.console.service.alerts.AlertStore;
import io.camfleet.console.service.common.Messages;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The timeline's alerts: each one raised at the site, raised again after a flap, acknowledged, resolved. */
public final class AlertHistory implements SiteHistorySource {

    private final AlertStore alerts;
    private final Messages messages;

    public AlertHistory(AlertStore alerts, Messages messages) {
        this.alerts = alerts;
        this.messages = messages;
    }

    @Override
    public List<SiteEvent> events(String siteId, Set<String> cameraIds, Instant from, Instant to, int limit) {
        return alerts.siteSteps(siteId, from, to, limit).stream().map(s -> {
            var a = s.alert();
            String by = s.step().by().isEmpty() ? "" : messages.text("timeline.by", s.step().by());
            return new SiteEvent(s.step().at(), SiteEvent.Kind.ALERT,
                    cameraIds.contains(a.subject()) ? a.subject() : "",
                    messages.text("timeline.alert." + s.step().step().name(), a.summary(),
                            messages.text("alerts.severity." + a.severity().name())) + by, s.id());
        }).toList();
    }
}
