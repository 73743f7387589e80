package io.camfleet.console.service.timeline;

import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.domain.timeline.SiteEvent;
import io.camfleet.console.domain.timeline.SiteOutages;
import io.camfleet.console.domain.timeline.SiteOutages.CameraSpan;
import io.camfleet.console.domain.timeline.Timeline;
import io.camfleet.console.service.availability.HealthHistory;
import io.camfleet.console.service.common.Messages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The timeline's health changes, from the long health history: each camera going to a state other than ONLINE and
 * coming back, and the site going down and coming back up by the site-down rule in force. It also finds the site's
 * latest outage, where the timeline opens.
 */
public final class HealthChanges implements SiteHistorySource {

    private final HealthHistory history;
    private final Supplier<SiteDownRule> rule;
    private final Messages messages;

    /** @param rule the site-down rule in force, read at each question */
    public HealthChanges(HealthHistory history, Supplier<SiteDownRule> rule, Messages messages) {
        this.history = history;
        this.rule = rule;
        this.messages = messages;
    }

    /** The latest outage of the site whose cameras are {@code cameraIds} that started before {@code to}. */
    public Optional<Timeline.Outage> latestOutage(Set<String> cameraIds, Instant from, Instant to) {
        List<Timeline.Outage> outages = SiteOutages.of(rule.get(), cameraIds, spans(cameraIds, from, to));
        return outages.stream().filter(o -> o.from().isBefore(to)).reduce((a, b) -> b)
                .map(o -> o.to() != null && !o.to().isBefore(to) ? new Timeline.Outage(o.from(), null) : o);
    }

    @Override
    public List<SiteEvent> events(String siteId, Set<String> cameraIds, Instant from, Instant to, int limit) {
        List<CameraSpan> spans = spans(cameraIds, from, to);
        List<SiteEvent> events = new ArrayList<>();
        // Within one instant: cameras by id, each one's end before its next start, then the site's verdict on them.
        spans.sort(Comparator.comparing(CameraSpan::cameraId).thenComparing(CameraSpan::from));
        Set<String> startsAt = new HashSet<>();
        for (CameraSpan s : spans) {
            startsAt.add(s.cameraId() + '@' + s.from());
        }
        List<Pending> pending = new ArrayList<>();
        for (CameraSpan s : spans) {
            if (inside(s.from(), from, to)) {
                pending.add(new Pending(s.from(), s.cameraId(), 1,
                        messages.text("timeline.health.went", s.state().name())));
            }
            // a stretch followed at once by another is a move between two states, said by the next one's start
            if (s.to() != null && inside(s.to(), from, to) && !startsAt.contains(s.cameraId() + '@' + s.to())) {
                pending.add(new Pending(s.to(), s.cameraId(), 0,
                        messages.text("timeline.health.back", s.state().name())));
            }
        }
        for (Timeline.Outage o : SiteOutages.of(rule.get(), cameraIds, spans)) {
            if (inside(o.from(), from, to)) {
                pending.add(new Pending(o.from(), "", 2, messages.text("timeline.health.siteDown")));
            }
            if (o.to() != null && inside(o.to(), from, to)) {
                pending.add(new Pending(o.to(), "", 3, messages.text("timeline.health.siteUp")));
            }
        }
        pending.sort(Comparator.comparing(Pending::at).thenComparingInt(Pending::rank)
                .thenComparing(Pending::cameraId));
        for (int i = Math.max(0, pending.size() - limit); i < pending.size(); i++) {
            Pending p = pending.get(i);
            events.add(new SiteEvent(p.at(), SiteEvent.Kind.HEALTH, p.cameraId(), p.summary(), i));
        }
        return events;
    }

    /** One change before it is numbered: {@code rank} orders the changes of one instant. */
    private record Pending(Instant at, String cameraId, int rank, String summary) {
    }

    private static boolean inside(Instant at, Instant from, Instant to) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    private List<CameraSpan> spans(Set<String> cameraIds, Instant from, Instant to) {
        List<CameraSpan> spans = new ArrayList<>();
        if (cameraIds.isEmpty() || !to.isAfter(from)) {
            return spans;
        }
        history.spansOf(cameraIds, new Period(from, to), (camera, state, start, end) -> spans.add(new CameraSpan(
                camera, state, Instant.ofEpochSecond(start),
                end == HealthHistory.OPEN ? null : Instant.ofEpochSecond(end))));
        return spans;
    }
}
