package io.camfleet.console.ui.timeline;

import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.timeline.SiteTimeline;
import io.camfleet.console.ui.common.BackgroundTasks;

import java.time.Clock;

/** The site timeline without its controls: what was read, the kinds shown, the row selected. */
public final class SiteTimelineViewModel {

    private final SiteTimeline timeline;
    private final BackgroundTasks tasks;
    private final Messages m;
    private final Clock clock;
    private final String siteId;

    public SiteTimelineViewModel(SiteTimeline timeline, BackgroundTasks tasks, Messages messages, Clock clock,
                                 String siteId) {
        this.timeline = timeline;
        this.tasks = tasks;
        this.m = messages;
        this.clock = clock;
        this.siteId = siteId;
    }

    /** Reads the site's timeline off the FX thread. */
    public void load() {
    }
}
