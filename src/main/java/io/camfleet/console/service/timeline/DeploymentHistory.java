package io.camfleet.console.service.timeline;

import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.domain.timeline.SiteEvent;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.deploy.DeploymentJournal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The timeline's deployments: each deployment with a target at the site launched, paused, finished; and on each of
 * the site's cameras, the install starting and how it ended. The steps in between (dispatched, verifying) are left
 * out: they say nothing an operator looking for a cause needs.
 */
public final class DeploymentHistory implements SiteHistorySource {

    private final DeploymentJournal journal;
    private final Messages messages;

    public DeploymentHistory(DeploymentJournal journal, Messages messages) {
        this.journal = journal;
        this.messages = messages;
    }

    @Override
    public List<SiteEvent> events(String siteId, Set<String> cameraIds, Instant from, Instant to, int limit) {
        List<SiteEvent> out = new ArrayList<>();
        for (var t : journal.siteTransitions(siteId, from, to, limit)) {
            var e = t.event();
            String release = t.releaseName() + " " + t.releaseVersion();
            String summary;
            if (e.cameraId().isEmpty()) {
                summary = e.from().isEmpty()
                        ? messages.text("timeline.deployment.launched", t.deploymentId(), release)
                        : messages.text("timeline.deployment.moved", t.deploymentId(), release, e.to());
            } else if (shown(e.to())) {
                summary = TargetState.INSTALLING.name().equals(e.to())
                        ? messages.text("timeline.deployment.installing", t.deploymentId(), release)
                        : messages.text("timeline.deployment.target", t.deploymentId(), release, e.to());
            } else {
                continue;
            }
            if (!e.detail().isBlank() && !e.cameraId().isEmpty() && !TargetState.INSTALLING.name().equals(e.to())) {
                summary = messages.text("timeline.withDetail", summary, e.detail());
            }
            out.add(new SiteEvent(e.at(), SiteEvent.Kind.DEPLOYMENT, e.cameraId(), summary, t.id()));
        }
        return out;
    }

    /** A target's install starting, and where it ended (or that contact was lost). */
    private static boolean shown(String state) {
        try {
            TargetState s = TargetState.valueOf(state);
            return s == TargetState.INSTALLING || s.isFinal() || s == TargetState.UNKNOWN;
        } catch (IllegalArgumentException e) {
            return true; // a state this console does not know: shown rather than hidden
        }
    }
}
