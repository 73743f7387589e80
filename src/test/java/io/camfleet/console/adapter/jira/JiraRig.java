package io.camfleet.console.adapter.jira;

import io.camfleet.console.service.tracker.LocalTicket;
import io.camfleet.console.service.tracker.TrackerLink;
import io.camfleet.console.service.tracker.TrackerSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A tracker on the fake with short timeouts, seeded jitter and waits that are recorded instead of slept. */
final class JiraRig {

    /** Short, but not so short that a busy machine's first answer counts as lost. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
    static final Duration FIRST_RETRY = Duration.ofMillis(400);

    final List<Duration> waits = new ArrayList<>();

    JiraCloudTracker open(TrackerLink.Configured link) {
        return JiraCloudTracker.open(link, new JiraCloudTracker.Timeouts(Duration.ofSeconds(2), REQUEST_TIMEOUT),
                new Retries(3, FIRST_RETRY, 4, Duration.ofSeconds(30), new Random(7)), d -> {
                    synchronized (waits) {
                        waits.add(d);
                    }
                });
    }

    static TrackerLink.Configured link(TrackerSettings settings, String token) {
        return (TrackerLink.Configured) settings.link(Map.of(TrackerSettings.TOKEN_VARIABLE, token));
    }

    static TrackerSettings withProject(TrackerSettings s, String project, String issueType) {
        return new TrackerSettings(s.baseUrl(), project, issueType, s.email(), s.priorities());
    }

    static LocalTicket ticket(String id) {
        return new LocalTicket(id, "Site LIS-04 is dark", LocalTicket.Severity.P2,
                "All four cameras stopped sending frames at 03:12.", List.of("LIS-04"),
                List.of("cam-lis-04-a", "cam-lis-04-b"));
    }
}
