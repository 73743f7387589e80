package io.camfleet.console.service.timeline;

import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.timeline.SiteEvent;
import io.camfleet.console.service.audit.AuditTargets;
import io.camfleet.console.service.audit.AuditTrail;
import io.camfleet.console.service.common.Messages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The timeline's audited actions whose target names the site or one of its cameras: what operators did there (a host
 * key trusted, alerts silenced, a service restarted, a config restored).
 */
public final class AuditHistory implements SiteHistorySource {

    /** Tickets opened for the site name it in their audit target; the ticket's own row says that. */
    private static final String SHOWN_ELSEWHERE = "ticket.";

    private final AuditTrail trail;
    private final Messages messages;

    public AuditHistory(AuditTrail trail, Messages messages) {
        this.trail = trail;
        this.messages = messages;
    }

    @Override
    public List<SiteEvent> events(String siteId, Set<String> cameraIds, Instant from, Instant to, int limit) {
        Set<String> names = new LinkedHashSet<>(cameraIds);
        names.add(siteId);
        List<SiteEvent> out = new ArrayList<>();
        for (AuditEvent e : trail.naming(names, from, to, limit)) {
            if (e.action().startsWith(SHOWN_ELSEWHERE)) {
                continue;
            }
            out.add(new SiteEvent(e.at(), SiteEvent.Kind.AUDIT, cameraOf(e.target(), cameraIds),
                    messages.text("timeline.audit", e.action(), e.target(), e.actor(), e.outcome().name()), e.seq()));
        }
        return out;
    }

    /** The one camera of the site the target names, or "" when it names the site or several cameras. */
    private static String cameraOf(String target, Set<String> cameraIds) {
        String found = "";
        for (String camera : cameraIds) {
            if (AuditTargets.names(target, List.of(camera))) {
                if (!found.isEmpty()) {
                    return "";
                }
                found = camera;
            }
        }
        return found;
    }
}
