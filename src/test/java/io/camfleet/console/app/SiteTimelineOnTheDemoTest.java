package io.camfleet.console.app;

import atlantafx.base.theme.PrimerLight;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camfleet.console.cli.ConsoleBackend;
import io.camfleet.console.cli.ExitCodes;
import io.camfleet.console.domain.timeline.SiteEvent;
import io.camfleet.console.domain.timeline.Timeline;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.timeline.SiteTimeline;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.ScreenShots;
import io.camfleet.console.ui.timeline.SiteTimelineView;
import io.camfleet.console.ui.timeline.SiteTimelineViewModel;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site timeline as the data folder's features compose it, on a new demo folder: a site that went dark in the
 * demo's past opens on its outage, with the site's going down among its rows.
 */
@ExtendWith(ApplicationExtension.class)
class SiteTimelineOnTheDemoTest {

    @TempDir
    Path dir;

    private final ExecutorService workers = Executors.newSingleThreadExecutor();
    private Stage stage;
    private ConsoleBackend.Session session;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    @AfterEach
    void stop() {
        workers.shutdownNow();
        if (session != null) {
            session.close();
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void aDemoSiteThatWentDarkOpensOnItsOutage(FxRobot robot) throws Exception {
        Cli cli = new Cli(dir.resolve("home"));
        Path data = dir.resolve("data");
        assertThat(cli.run("availability", "--json", "--data-dir", data.toString())).as(cli.err())
                .isEqualTo(ExitCodes.OK);
        session = cli.runtime().open(data);
        session.fleet().openCache();
        SiteTimeline timelines = session.part(SiteTimeline.class);
        // the first site with cameras lost this month whose timeline finds an outage (the demo's ISP outages)
        String site = null;
        Timeline found = null;
        for (JsonNode f : new ObjectMapper().readTree(cli.out()).get("figures")) {
            if (f.get("cameraSecondsLost").asLong() > 0) {
                Timeline t = timelines.of(f.get("subject").asText(), Clock.systemUTC().instant());
                if (t.outage() != null) {
                    site = f.get("subject").asText();
                    found = t;
                    break;
                }
            }
        }
        assertThat(site).isNotNull();
        Timeline read = found;
        assertThat(read.events()).anyMatch(e -> e.kind() == SiteEvent.Kind.HEALTH && e.cameraId().isEmpty()
                && e.at().equals(read.outage().from()));

        Messages m = new Messages(Locale.ENGLISH);
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        SiteTimelineViewModel vm = new SiteTimelineViewModel(timelines, new BackgroundTasks(workers), m,
                Clock.systemUTC(), zone, site);
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setScene(new Scene(new SiteTimelineView(vm, m, zone, Clock.systemUTC()).root(), 1200, 620));
            stage.show();
            vm.load();
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.timelineProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<SiteEvent> table = robot.lookup("#timeline-table").queryAs(TableView.class);
        assertThat(table.getItems()).isNotEmpty();
        assertThat(table.getSelectionModel().getSelectedItem()).isNotNull();
        assertThat(table.getSelectionModel().getSelectedItem().at()).isEqualTo(
                vm.timelineProperty().get().focused().orElseThrow().at());
        ScreenShots.save(stage.getScene(), "site-timeline-demo");
    }
}
