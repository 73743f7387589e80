package io.camfleet.console.ui.timeline;

import atlantafx.base.theme.PrimerLight;
import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.fleet.FleetInventory;
import io.camfleet.console.service.timeline.HealthChanges;
import io.camfleet.console.service.timeline.SiteTimeline;
import io.camfleet.console.service.timeline.SpanList;
import io.camfleet.console.ui.common.BackgroundTasks;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The window the "Site timeline" buttons open: one per site, brought to the front when asked for again. */
@ExtendWith(ApplicationExtension.class)
class SiteTimelineWindowTest {

    private final ExecutorService workers = Executors.newSingleThreadExecutor();
    private SiteTimelineWindow windows;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        FleetInventory fleet = FleetInventory.of(List.of(
                        new Site("ams", "Amsterdam", "Acme", "NL", "EU", 52.3, 4.9, "UTC", SlaTier.GOLD, ""),
                        new Site("rtm", "Rotterdam", "Acme", "NL", "EU", 51.9, 4.4, "UTC", SlaTier.GOLD, "")),
                List.of(new CameraSystem("a-1", "ams", "a-1", "", "", "", "", "", "6.4.2")));
        SiteTimeline timeline = new SiteTimeline(() -> fleet, new HealthChanges(new SpanList(),
                () -> SiteDownRule.DEFAULT, new Messages(Locale.ROOT)), List.of());
        Messages m = new Messages(Locale.ENGLISH);
        windows = new SiteTimelineWindow(() -> timeline, new BackgroundTasks(workers), m, ZoneOffset.UTC,
                Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC));
        stage.setScene(new Scene(new StackPane(new Label("main window")), 400, 300));
        stage.show();
    }

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    private static List<String> titles() {
        return Window.getWindows().stream().filter(Window::isShowing).filter(w -> w instanceof Stage)
                .map(w -> ((Stage) w).getTitle()).filter(t -> t != null && t.startsWith("Site timeline")).toList();
    }

    @Test
    @Timeout(60)
    void eachSiteHasOneWindowAndAskingAgainBringsItBack() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            windows.open("ams");
            windows.open("rtm");
            windows.open("ams");
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(titles()).containsExactlyInAnyOrder("Site timeline: ams", "Site timeline: rtm");

        WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(w -> w instanceof Stage s
                && "Site timeline: ams".equals(s.getTitle())).findFirst().orElseThrow().hide())
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(titles()).containsExactly("Site timeline: rtm");
        WaitForAsyncUtils.asyncFx(() -> windows.open("ams")).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(titles()).containsExactlyInAnyOrder("Site timeline: ams", "Site timeline: rtm");
    }
}
