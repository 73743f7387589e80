package io.camfleet.console.ui.timeline;

import io.camfleet.console.service.common.Messages;
import javafx.scene.Parent;
import javafx.scene.layout.VBox;

import java.time.Clock;
import java.time.ZoneId;

/** The site timeline: one chronological table of everything that happened at a site. */
public final class SiteTimelineView {

    private final VBox root = new VBox(10);

    public SiteTimelineView(SiteTimelineViewModel vm, Messages messages, ZoneId zone, Clock clock) {
    }

    public Parent root() {
        return root;
    }
}
