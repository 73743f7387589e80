package io.camfleet.console.app;

import io.camfleet.console.ui.common.ScreenShots;
import io.camfleet.console.service.settings.Settings;
import io.camfleet.console.ui.shell.WindowSettings;
import atlantafx.base.controls.Message;
import io.camfleet.console.adapter.aws.CborToJsonBridge;
import io.camfleet.console.adapter.aws.FleetSeeder;
import io.camfleet.console.adapter.aws.MotoServer;
import io.camfleet.console.adapter.sim.WorldCities;
import io.camfleet.console.adapter.sim.WorldCity;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.ui.fleettable.SiteRow;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import static io.camfleet.console.app.WindowFixture.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real fleet from AWS, end to end: a moto_server seeded with 2,000 things in two environments shows them in the
 * table and on the map; with the server stopped, the console opens on the cache with an "as of" banner.
 */
@ExtendWith(ApplicationExtension.class)
class AwsFleetUiTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private static final int EU_SITES = 240;
    private static final int US_SITES = 160;
    private static final int THINGS_PER_SITE = 5;

    @TempDir
    Path dir;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private static void seed(Environment env, String region, int sites, int metricsEvery) {
        List<WorldCity> cities = WorldCities.load().stream().filter(c -> c.region().equals(region)).toList();
        try (FleetSeeder seed = new FleetSeeder(env)) {
            seed.region(region).indexConnectivity();
            // Seeding goes through the SDK, a call per group and thing: in parallel, moto serves each on a thread.
            IntStream.range(0, sites).parallel().forEach(i -> {
                WorldCity city = cities.get(i % cities.size());
                String group = String.format("%s-site-%03d", region.toLowerCase(Locale.ROOT), i);
                double jitter = (i / cities.size()) * 0.05;
                seed.site(group, region, FleetSeeder.siteAttributes(city.name().replace(' ', '_'),
                        i % 3 == 0 ? "Northwind" : i % 3 == 1 ? "Acme_Retail" : "Globex",
                        city.countryCode(), String.valueOf(city.latitude() + jitter),
                        String.valueOf(city.longitude() + jitter), city.timeZone(), i % 4 == 0 ? "PLATINUM" : "GOLD"));
                for (int t = 0; t < THINGS_PER_SITE; t++) {
                    String thing = group + "-cam-" + t;
                    seed.thing(thing, group, Map.of("softwareVersion", t == 0 ? "6.5.0" : "6.4.2",
                            "image", "ami-0camos2404"));
                    if ((i * THINGS_PER_SITE + t) % metricsEvery == 0) {
                        seed.metrics(thing, Instant.now().minusSeconds(30), Map.of("Heartbeat", 1.0,
                                "TemperatureC", 79.0, "DiskUsedPercent", 55.0));
                    }
                }
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static TableView<SiteRow> sites(FxRobot robot) {
        return (TableView<SiteRow>) robot.lookup("#fleet-sites").queryAs(TableView.class);
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    private static List<Message> banners(FxRobot robot) {
        return robot.lookup(n -> n instanceof Message).queryAllAs(Message.class).stream().toList();
    }

    private WindowFixture open(Path data, Settings preferences) {
        ConsoleRuntime runtime = new ConsoleRuntime(Clock.systemUTC(),
                Map.of("AWS_CONFIG_FILE", MOTO.configFile().toString()), dir.resolve("home").toString(),
                new Operator("tester", ""), new Messages(Locale.ENGLISH));
        runtime.interceptAws(List.of(new CborToJsonBridge()));
        WindowFixture window = new WindowFixture();
        WaitForAsyncUtils.asyncFx(() -> window.open(stage, data, runtime,
                runtime.source(preferences.get(SourceSettings.SECTION), 200, 42), preferences, runtime.environments(),
                settings -> runtime.source(settings, 200, 42)));
        WaitForAsyncUtils.waitForFxEvents();
        return window;
    }

    @Test
    void twoThousandThingsInTwoEnvironmentsShowInTheTableAndOnTheMapAndStayWhenAwsIsGone(FxRobot robot)
            throws Exception {
        Environment eu = MOTO.environment("prod-eu", "moto-a", "eu-west-1");
        Environment us = MOTO.environment("prod-us", "moto-b", "us-east-1");
        seed(eu, "EU", EU_SITES, 40);
        seed(us, "NA", US_SITES, 40);
        Settings preferences = WindowFixture.sized(1500, 940)
                .with(SourceSettings.SECTION, SourceSettings.DEMO.withKind(SourceSettings.Kind.AWS).withEnvironments(List.of(eu, us)));
        Path data = dir.resolve("data");

        WindowFixture window = open(data, preferences);
        try {
            waitFor(() -> robot.lookup("#fleet-sites").tryQuery().isPresent()
                    && sites(robot).getItems().size() == EU_SITES + US_SITES);
            waitFor(() -> text(robot, "#status-source").startsWith("AWS: prod-eu, prod-us"));
            List<String> environments = new ArrayList<>();
            sites(robot).getItems().forEach(r -> environments.add(r.summary().site().environment()));
            assertThat(environments).containsOnly("prod-eu", "prod-us");
            assertThat(sites(robot).getItems().stream().mapToInt(r -> r.summary().profile().cameras().size()).sum())
                    .isEqualTo((EU_SITES + US_SITES) * THINGS_PER_SITE);
            ScreenShots.save(robot.lookup("#fleet-sites").query().getScene(), "aws-fleet-table");
            robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
            waitFor(() -> robot.lookup("#fleet-map").tryQuery().map(Node::isVisible).orElse(false));
            waitFor(() -> robot.lookup(".map-count").queryAll().stream()
                    .mapToInt(n -> Integer.parseInt(((Label) n).getText().replace(",", ""))).sum()
                    == EU_SITES + US_SITES);
            WaitForAsyncUtils.sleep(500, java.util.concurrent.TimeUnit.MILLISECONDS);
            ScreenShots.save(robot.lookup("#fleet-map").query().getScene(), "aws-fleet-map");
        } finally {
            window.close();
        }

        // AWS out of reach: the console opens on what the cache holds, and says as of when, and why.
        MOTO.stop();
        WindowFixture offline = open(data, preferences.with(WindowSettings.SECTION,
                preferences.get(WindowSettings.SECTION).withLook(false, "FLEET_TABLE")));
        try {
            waitFor(() -> robot.lookup("#fleet-sites").tryQuery().isPresent()
                    && sites(robot).getItems().size() == EU_SITES + US_SITES);
            waitFor(() -> !banners(robot).isEmpty());
            Message banner = banners(robot).get(0);
            assertThat(banner.getTitle()).isEqualTo("The fleet could not be refreshed");
            assertThat(banner.getDescription()).startsWith("Showing the cache as of ")
                    .contains("prod-eu, prod-us: AWS cannot be reached at " + MOTO.endpoint());
            assertThat(robot.lookup("#banner-action").queryButton().getText()).isEqualTo("Retry");
            ScreenShots.save(robot.lookup("#fleet-sites").query().getScene(), "aws-fleet-offline");
        } finally {
            offline.close();
        }
    }
}
