package io.camfleet.console.ui.estate;

import atlantafx.base.theme.PrimerLight;
import io.camfleet.console.adapter.aws.AwsClients;
import io.camfleet.console.adapter.aws.CostExplorerSeeder;
import io.camfleet.console.adapter.aws.CostExplorerSpend;
import io.camfleet.console.adapter.aws.Ec2CleanupInventory;
import io.camfleet.console.adapter.aws.Ec2Leftovers;
import io.camfleet.console.adapter.aws.MotoServer;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.domain.cost.CleanupHint;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.cost.CostService;
import io.camfleet.console.service.cost.CostSettings;
import io.camfleet.console.service.cost.Grouping;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.estate.EstateCache;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.ScreenShots;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.camfleet.console.adapter.aws.CostExplorerSeeder.month;
import static io.camfleet.console.adapter.aws.CostExplorerSeeder.page;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Cost tab in the estate screen over a real moto_server with two environments ("eu" on eu-west-1 and "us" on
 * us-east-1) and a real H2 cache: Cost Explorer's answers per grouping and environment, the cleanup hints with their
 * cost, and the last reading shown "as of" once AWS is out of reach.
 */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CostTabTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @TempDir
    static Path folder;

    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final Messages m = new Messages(Locale.ENGLISH);
    private AwsClients clients;
    private CacheDatabase db;
    private Environment eu;
    private Environment us;
    private Stage stage;
    /** The images the fleet's cameras run: one of the seeded images, so that it is no hint. */
    private volatile Set<String> cameraImages = Set.of();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        clients = MOTO.clients(op -> { });
        db = CacheDatabase.open(folder, clock);
        eu = MOTO.environment("eu", "moto-a", "eu-west-1");
        us = MOTO.environment("us", "moto-b", "us-east-1");
        stage.setScene(new Scene(new StackPane(), 1500, 950));
        stage.show();
    }

    /** The estate screen with only the cost tab, over the H2 cache kept in {@code folder} between the tests. */
    private void screen(FxRobot robot) {
        CostService service = new CostService(new CostExplorerSpend(() -> clients),
                new Ec2CleanupInventory(() -> clients), () -> List.of(eu, us), () -> CostSettings.DEFAULTS,
                () -> Map.of("ams-01", 4), () -> cameraImages, clock);
        BackgroundTasks tasks = new BackgroundTasks(workers);
        robot.interact(() -> {
            CostTab tab = new CostTab(new CostTabModel(service, new EstateCache(db.snapshots(), clock), tasks, m),
                    m, ZoneOffset.UTC, clock);
            EstateView view = new EstateView(() -> List.of(eu, us), List.of(tab), tasks, m);
            ((StackPane) stage.getScene().getRoot()).getChildren().setAll(view.root());
        });
    }

    @AfterEach
    void stop() {
        workers.shutdownNow();
        db.close();
        clients.close();
    }

    @Test
    @Order(1)
    void eachEnvironmentAndGroupingShowsItsOwnCostAndTheHintsTheirsAndSwitchingBackAsksNothing(FxRobot robot)
            throws Exception {
        Ec2Leftovers leftovers = Ec2Leftovers.seed(clients.ec2(eu));
        cameraImages = Set.of(leftovers.cameraImage());
        CostExplorerSeeder.queue(MOTO.endpoint(), "[" + page(null,
                month("2026-10-01", "2026-11-01", false, "Amazon Elastic Compute Cloud - Compute", "120.40",
                        "Amazon Simple Storage Service", "8.10"),
                month("2026-11-01", "2026-12-01", false, "Amazon Elastic Compute Cloud - Compute", "130.00",
                        "Amazon Simple Storage Service", "9.00", "AWS IoT", "2.50"),
                month("2026-12-01", "2026-12-07", true, "Amazon Elastic Compute Cloud - Compute", "25.20",
                        "Amazon Simple Storage Service", "1.80")) + "]");
        screen(robot);
        waitFor(() -> text("#estate-cost-asof").equals(m.text("estate.asOf.never")));
        assertThat(placeholder()).isEqualTo(m.text("estate.cost.never", "eu"));

        robot.clickOn("#estate-cost-refresh");
        waitFor(() -> table().getItems().size() == 3);
        // December to date: 25.20 + 1.80 = 27.00; June to November: 120.40 + 8.10 + 130.00 + 9.00 + 2.50 = 270.00.
        assertThat(text("#estate-cost-totals")).isEqualTo(m.text("estate.cost.totals.estimated", "Dec '26", "27.00",
                "USD", "Jun '26", "Nov '26", "270.00"));
        assertThat(table().getItems()).extracting(CostFigures.Row::group).first()
                .isEqualTo("Amazon Elastic Compute Cloud - Compute");
        assertThat(text("#estate-cost-asof")).startsWith("As of 6 Dec 2026 10:00");
        List<CleanupHint> hints = hintsTable().getItems();
        waitFor(() -> hintsTable().getItems().size() == 4);
        // 100 GB gp3 x 0.08 = 8.00; stopped: 8 GB gp2 x 0.10 + 50 GB io1 x 0.125 = 7.05; two 15 GB snapshots x 0.05
        // = 0.75 each; in all 8.00 + 7.05 + 0.75 + 0.75 = 16.55.
        assertThat(hints).extracting(CleanupHint::resource).contains(leftovers.freeVolume(), leftovers.stopped());
        assertThat(text("#estate-cost-hints-summary")).contains("4 hints, about 16.55 USD a month");
        robot.interact(() -> hintsTable().getSelectionModel().select(0));
        robot.clickOn("#estate-cost-hints-copy");
        assertThat(WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get())
                .isEqualTo(hints.getFirst().resource());
        ScreenShots.save(stage.getScene(), "estate-cost-eu-service");

        CostExplorerSeeder.queue(MOTO.endpoint(), "[" + page(null,
                month("2026-11-01", "2026-12-01", false, "camfleet:site$ams-01", "30.00", "camfleet:site$", "4.00"),
                month("2026-12-01", "2026-12-07", true, "camfleet:site$ams-01", "6.00")) + "]");
        robot.interact(() -> grouping().setValue(Grouping.SITE));
        waitFor(() -> placeholder().equals(m.text("estate.cost.never", "eu")));
        robot.clickOn("#estate-cost-refresh");
        waitFor(() -> table().getItems().size() == 2);
        // ams-01's November, 30.00, over its 4 cameras: 7.50 each; the untagged cost is nobody's.
        assertThat(table().getItems()).extracting(CostFigures.Row::group, CostFigures.Row::cameras,
                CostFigures.Row::perCamera).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ams-01", 4, new BigDecimal("7.50")),
                org.assertj.core.groups.Tuple.tuple("", null, null));
        ScreenShots.save(stage.getScene(), "estate-cost-eu-site");

        robot.interact(() -> picker().setValue(us));
        waitFor(() -> placeholder().equals(m.text("estate.cost.never", "us")));
        MOTO.beforeEach(null); // us is another account: its Cost Explorer answers afresh
        CostExplorerSeeder.queue(MOTO.endpoint(), "[" + page(null,
                month("2026-12-01", "2026-12-07", true, "camfleet:site$nyc-01", "11.00")) + "]");
        robot.clickOn("#estate-cost-refresh");
        waitFor(() -> table().getItems().size() == 1 && hintsAsOfSet());
        assertThat(table().getItems().getFirst().group()).isEqualTo("nyc-01");
        assertThat(hintsTable().getItems()).isEmpty();
        assertThat(((Label) hintsTable().getPlaceholder()).getText()).isEqualTo(m.text("estate.cost.hints.none",
                "us"));
        ScreenShots.save(stage.getScene(), "estate-cost-us-site");

        robot.interact(() -> picker().setValue(eu));
        waitFor(() -> table().getItems().size() == 2 && hintsTable().getItems().size() == 4);
        assertThat(table().getItems().getFirst().group()).as("eu by site, from the cache").isEqualTo("ams-01");
        robot.interact(() -> grouping().setValue(Grouping.SERVICE));
        waitFor(() -> table().getItems().size() == 3);
    }

    @Test
    @Order(2)
    void withAwsOutOfReachTheLastReadingStaysShownAsOfItsTimeAndTheRefreshSaysWhy(FxRobot robot) throws Exception {
        MOTO.stop();
        screen(robot);
        waitFor(() -> table().getItems().size() == 3);
        assertThat(text("#estate-cost-asof")).startsWith("As of 6 Dec 2026 10:00");
        assertThat(hintsTable().getItems()).hasSize(4);

        robot.clickOn("#estate-cost-refresh");
        waitFor(() -> !text("#estate-cost-problem").isEmpty(), 60);
        assertThat(text("#estate-cost-problem")).as("Cost Explorer and EC2 fail alike: said once")
                .startsWith("AWS cannot be reached at " + MOTO.endpoint()).containsOnlyOnce("cannot be reached");
        assertThat(table().getItems()).as("the last reading stays").hasSize(3);
        assertThat(hintsTable().getItems()).hasSize(4);
        assertThat(text("#estate-cost-asof")).startsWith("As of 6 Dec 2026 10:00");
        ScreenShots.save(stage.getScene(), "estate-cost-offline");
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        waitFor(condition, 20);
    }

    private static void waitFor(BooleanSupplier condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                condition::getAsBoolean).get());
    }

    private TableView<CostFigures.Row> table() {
        return new FxRobot().lookup("#estate-cost-table").queryAs(TableView.class);
    }

    private TableView<CleanupHint> hintsTable() {
        return new FxRobot().lookup("#estate-cost-hints").queryAs(TableView.class);
    }

    private boolean hintsAsOfSet() {
        return !((Label) hintsTable().getPlaceholder()).getText().equals(m.text("estate.cost.hints.never"));
    }

    private String placeholder() {
        return ((Label) table().getPlaceholder()).getText();
    }

    private static String text(String id) {
        return new FxRobot().lookup(id).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    private static ChoiceBox<Grouping> grouping() {
        return new FxRobot().lookup("#estate-cost-grouping").queryAs(ChoiceBox.class);
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<Environment> picker() {
        return new FxRobot().lookup("#estate-environment").queryAs(ComboBox.class);
    }
}
