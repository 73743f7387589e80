package io.camfleet.console.ui.shell;

import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.common.TestClock;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.FleetService;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.Fleets;
import io.camfleet.console.service.fleet.TestFleetSource;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.FleetModel;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.camfleet.console.service.fleet.Fleets.camera;
import static io.camfleet.console.service.fleet.Fleets.site;
import static org.assertj.core.api.Assertions.assertThat;

/** The status bar says how fresh the cache is, also in the moment between reading a fleet and storing it. */
@ExtendWith(ApplicationExtension.class)
class StatusBarTest {

    private final Messages m = new Messages(Locale.ENGLISH);
    private final TestClock clock = new TestClock(Instant.parse("2026-12-06T03:00:00Z"));

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.show();
    }

    @Test
    void aFleetReadButNotYetStoredIsNotCalledAnEmptyCache(FxRobot robot) {
        FleetService fleet = Fleets.uncached(new TestFleetSource("Demo fleet", now -> new FleetData(
                List.of(site("A", "Alpha", "Acme", "NL", "EU"), site("B", "Bravo", "Acme", "US", "NA")),
                List.of(camera("A1", "A", "6.4.2"), camera("B1", "B", "6.4.2")), Map.of())), clock);
        List<FleetSnapshot> published = new ArrayList<>();
        fleet.addListener(published::add);
        fleet.reload(Progress.NONE);
        // The fleet is shown first, then stored; the table already lists its sites while the cache is written.
        FleetSnapshot shownBeforeStored = published.get(0);
        assertThat(shownBeforeStored.siteCount()).isEqualTo(2);
        assertThat(shownBeforeStored.asOf()).isNull();

        FleetModel model = new FleetModel(Runnable::run, Runnable::run);
        List<String> texts = new ArrayList<>();
        robot.interact(() -> {
            StatusBar bar = new StatusBar(model, new BackgroundTasks(Runnable::run), m, ZoneOffset.UTC);
            Label asOf = (Label) bar.lookup("#status-as-of");
            texts.add(asOf.getText());
            model.accept(shownBeforeStored);
            texts.add(asOf.getText());
            model.accept(published.get(published.size() - 1));
            texts.add(asOf.getText());
        });

        assertThat(texts.get(0)).as("nothing loaded yet").isEqualTo("Cache empty");
        assertThat(texts.get(1)).isEqualTo("Saving the fleet to the cache\u2026");
        assertThat(texts.get(2)).isEqualTo("Cache as of 6 Dec 03:00:00");
    }

    @Test
    void theSourcesTooltipSaysWhatTheLastSyncCostInCallsPerEnvironment(FxRobot robot) {
        FleetData two = new FleetData(List.of(site("A", "Alpha", "Acme", "NL", "EU")),
                List.of(camera("A1", "A", "6.4.2")), Map.of());
        TestFleetSource demo = new TestFleetSource("Demo fleet", now -> two);
        io.camfleet.console.service.fleet.FleetSource aws = new io.camfleet.console.service.fleet.FleetSource() {
            @Override
            public String name() {
                return "AWS: prod-eu, prod-us";
            }

            @Override
            public FleetData load(Instant now, Progress progress) {
                return two;
            }

            @Override
            public List<io.camfleet.console.service.fleet.SourceCalls> calls() {
                return List.of(new io.camfleet.console.service.fleet.SourceCalls("prod-eu", 6,
                                "SearchIndex 4, GetIndexingConfiguration 1, ListMetrics 1", "FLEET_INDEX"),
                        new io.camfleet.console.service.fleet.SourceCalls("prod-us", 9,
                                "DescribeThingGroup 3, ListThingsInThingGroup 2", "REGISTRY",
                                new io.camfleet.console.service.common.Problem("sync.because.noQueue", "prod-us")));
            }
        };
        FleetService demoFleet = Fleets.uncached(demo, clock);
        FleetService awsFleet = Fleets.uncached(aws, clock);
        demoFleet.reload(Progress.NONE);
        awsFleet.reload(Progress.NONE);

        FleetModel model = new FleetModel(Runnable::run, Runnable::run);
        List<javafx.scene.control.Tooltip> tips = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        robot.interact(() -> {
            StatusBar bar = new StatusBar(model, new BackgroundTasks(Runnable::run), m, ZoneOffset.UTC);
            Label source = (Label) bar.lookup("#status-source");
            model.accept(demoFleet.current());
            tips.add(source.getTooltip());
            model.accept(awsFleet.current());
            tips.add(source.getTooltip());
            texts.add(source.getTooltip().getText());
            stage.setScene(new javafx.scene.Scene(bar, 1100, 40));
            source.getTooltip().show(stage, stage.getX() + 20, stage.getY() + 60);
        });
        // With -Dcamfleet.screenshots=DIR: the bar and its source's tooltip, to look at.
        io.camfleet.console.ui.common.ScreenShots.save(stage.getScene(), "status-bar");
        io.camfleet.console.ui.common.ScreenShots.save(tips.get(1).getScene(), "status-bar-calls-tooltip");
        robot.interact(() -> tips.get(1).hide());

        assertThat(tips.get(0)).as("the demo makes no calls").isNull();
        assertThat(texts.get(0)).isEqualTo("Last sync of prod-eu: AWS calls: 6 (SearchIndex 4, "
                + "GetIndexingConfiguration 1, ListMetrics 1); read through the fleet index\n"
                + "Last sync of prod-us: AWS calls: 9 (DescribeThingGroup 3, ListThingsInThingGroup 2); read through "
                + "the registry listings, group by group (fleet indexing with thing groups is off)\n"
                + "prod-us: read everything instead of only the changes, because no registry events queue is set "
                + "for prod-us (set one in Settings to sync only the changes)");
    }
}
