package io.camfleet.console.ui.timeline;

import atlantafx.base.theme.PrimerLight;
import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.fleet.Site;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.domain.timeline.SiteEvent;
import io.camfleet.console.domain.timeline.SiteEvent.Kind;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.fleet.FleetInventory;
import io.camfleet.console.service.timeline.HealthChanges;
import io.camfleet.console.service.timeline.SiteHistorySource;
import io.camfleet.console.service.timeline.SiteTimeline;
import io.camfleet.console.service.timeline.SpanList;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.ScreenShots;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.camfleet.console.domain.fleet.HealthState.OFFLINE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site timeline, headless: it opens on the last change before the outage, the outage's rows are tinted, the
 * chips hide and show kinds, the arrow keys move through the rows, and a site the fleet lacks is said in a sentence.
 */
@ExtendWith(ApplicationExtension.class)
class SiteTimelineViewTest {

    static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final ExecutorService workers = Executors.newSingleThreadExecutor();
    private Stage stage;

    private static Instant ago(int minutes) {
        return NOW.minus(Duration.ofMinutes(minutes));
    }

    private static SiteEvent event(int minutesAgo, Kind kind, String camera, String summary, long seq) {
        return new SiteEvent(ago(minutesAgo), kind, camera, summary, seq);
    }

    private SiteTimeline timeline() {
        FleetInventory fleet = FleetInventory.of(
                List.of(new Site("ams-004", "Amsterdam Docks", "Acme", "NL", "EU", 52.3, 4.9, "Europe/Amsterdam",
                        SlaTier.GOLD, "")),
                List.of(new CameraSystem("ams-004-c1", "ams-004", "c1", "", "", "", "", "", "6.4.2"),
                        new CameraSystem("ams-004-c2", "ams-004", "c2", "", "", "", "", "", "6.4.2")));
        // both cameras dark from 90 to 30 minutes ago: the outage
        SpanList history = new SpanList().add("ams-004-c1", OFFLINE, ago(92), ago(30))
                .add("ams-004-c2", OFFLINE, ago(90), ago(31));
        List<SiteEvent> given = List.of(
                event(600, Kind.DEPLOYMENT, "", "Deployment d-7 of camos-agent 6.5.1 launched", 1),
                event(130, Kind.CONFIG, "ams-004-c2", "Config restored to version 4 by nina", 1),
                event(100, Kind.DEPLOYMENT, "ams-004-c1", "Installing camos-agent 6.5.1 (deployment d-7)", 2),
                event(89, Kind.ALERT, "", "Alert raised (Critical): Site ams-004 is down", 3),
                event(60, Kind.TICKET, "", "Ticket 12 opened: Amsterdam Docks dark", 4),
                event(45, Kind.AUDIT, "ams-004-c1", "diag.run on ams-004-c1 by nina: SUCCEEDED", 5));
        SiteHistorySource source = (site, cameras, from, to, limit) -> given.stream()
                .filter(e -> !e.at().isBefore(from) && e.at().isBefore(to)).toList();
        return new SiteTimeline(() -> fleet, new HealthChanges(history, () -> SiteDownRule.DEFAULT,
                new Messages(Locale.ROOT)), List.of(source));
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    private SiteTimelineView show(String site) throws Exception {
        Messages m = new Messages(Locale.ENGLISH);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        SiteTimelineViewModel vm = new SiteTimelineViewModel(timeline(), new BackgroundTasks(workers), m, clock, ZONE,
                site);
        SiteTimelineView[] view = new SiteTimelineView[1];
        WaitForAsyncUtils.asyncFx(() -> {
            view[0] = new SiteTimelineView(vm, m, ZONE, clock);
            stage.setScene(new Scene(view[0].root(), 1200, 560));
            stage.show();
            stage.requestFocus();
            view[0].table().requestFocus();
            vm.load();
        }).get(10, TimeUnit.SECONDS);
        return view[0];
    }

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @SuppressWarnings("unchecked")
    private static TableView<SiteEvent> table(FxRobot robot) {
        return robot.lookup("#timeline-table").queryAs(TableView.class);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void itOpensOnTheLastChangeBeforeTheOutageWithTheOutageTintedAndTheKeysMoveThroughTheRows(FxRobot robot)
            throws Exception {
        show("ams-004");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table(robot).getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        // The outage: c1 at 92 min ago, c2 at 90 (dark from then), c2 back at 31 (up again). The last change
        // before 90 min ago is the install of 100 min ago; the window starts an hour before it (160 min ago), so
        // the deployment launched 600 min ago is not in it. 10:30 UTC is 11:30 in Amsterdam.
        TableView<SiteEvent> table = table(robot);
        assertThat(table.getSelectionModel().getSelectedItem().summary())
                .isEqualTo("Installing camos-agent 6.5.1 (deployment d-7)");
        assertThat(table.getItems()).extracting(SiteEvent::summary).first()
                .isEqualTo("Config restored to version 4 by nina");
        assertThat(table.getItems()).hasSize(11);
        assertThat(text(robot, "#timeline-status")).isEqualTo("Opens on the last change before the latest outage "
                + "(6 Dec 11:30 to 6 Dec 12:29), with the hour before it.");
        assertThat(robot.lookup("#timeline-older").queryAs(Label.class).isVisible()).isFalse();

        // the rows drawn as the outage are those from 90 min ago to 31 min ago
        List<String> tinted = robot.lookup("#timeline-table .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() != null && r.getStyleClass().contains("outage"))
                .map(r -> ((SiteEvent) r.getItem()).summary()).toList();
        assertThat(tinted).containsExactlyInAnyOrder("Went OFFLINE",
                "The site went down: its cameras are down by the site-down rule",
                "Alert raised (Critical): Site ams-004 is down", "Ticket 12 opened: Amsterdam Docks dark",
                "diag.run on ams-004-c1 by nina: SUCCEEDED");
        ScreenShots.save(stage.getScene(), "site-timeline");

        robot.type(KeyCode.DOWN);
        assertThat(table.getSelectionModel().getSelectedItem().summary()).isEqualTo("Went OFFLINE");
        assertThat(table.getSelectionModel().getSelectedItem().cameraId()).isEqualTo("ams-004-c1");

        // hiding health hides its six rows; the selected alert row stays selected
        robot.type(KeyCode.DOWN, 3);
        assertThat(table.getSelectionModel().getSelectedItem().kind()).isEqualTo(Kind.ALERT);
        robot.clickOn("#timeline-kind-HEALTH");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(5).noneMatch(e -> e.kind() == Kind.HEALTH);
        assertThat(table.getSelectionModel().getSelectedItem().kind()).isEqualTo(Kind.ALERT);
        robot.clickOn("#timeline-kind-HEALTH");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(11);
        assertThat(robot.lookup("#timeline-kind-HEALTH").queryAs(javafx.scene.control.ToggleButton.class).getText())
                .isEqualTo("Health 6");
    }

    @Test
    void aSiteTheFleetDoesNotHaveIsSaidInOneSentence(FxRobot robot) throws Exception {
        show("nowhere");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !text(robot, "#timeline-problem").isEmpty());
        assertThat(text(robot, "#timeline-problem")).isEqualTo("There is no site 'nowhere' in the fleet: check its "
                + "id on the map or with 'camfleet fleet'.");
        assertThat(table(robot).getItems()).isEmpty();
        Node reload = robot.lookup("#timeline-reload").query();
        assertThat(reload.isDisabled()).isFalse();
    }
}
