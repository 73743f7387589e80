package io.camfleet.console.ui.estate;

import atlantafx.base.theme.PrimerLight;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.domain.cost.CostLine;
import io.camfleet.console.domain.cost.Ec2Inventory;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.cost.CostService;
import io.camfleet.console.service.cost.CostSettings;
import io.camfleet.console.service.cost.InventoryReader;
import io.camfleet.console.service.cost.SpendReader;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.estate.EstateCache;
import io.camfleet.console.ui.common.BackgroundTasks;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Cost tab with a Cost Explorer that answers when the test lets it: a refresh under way can be cancelled and the
 * last reading stays; the rows shown (filtered) are what the CSV export writes; no environment says where to add one.
 */
@ExtendWith(ApplicationExtension.class)
class CostTabCancelTest {

    @TempDir
    Path folder;

    private final Clock clock = Clock.fixed(CostTabModelTest.T0, ZoneOffset.UTC);
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final Messages m = new Messages(Locale.ENGLISH);
    private final Environment eu = Environment.of("eu", "", "eu-west-1", "");
    private final SlowAws aws = new SlowAws();
    private CacheDatabase db;
    private CostTab tab;

    /** Answers two services in December; holds the answer while {@code hold} is armed. */
    static final class SlowAws implements SpendReader, InventoryReader {
        volatile CountDownLatch hold = new CountDownLatch(0);

        @Override
        public String accountOf(Environment e) {
            return "111";
        }

        @Override
        public SpendReader.Spend spend(Environment e, String account, LocalDate start, LocalDate end,
                                       String metric, String key, boolean tag) {
            try {
                hold.await();
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
                throw new java.util.concurrent.CancellationException();
            }
            return new SpendReader.Spend(List.of(
                    new CostLine(CostTabModelTest.DEC, account, "Amazon Simple Storage Service",
                            new BigDecimal("4.20"), "USD", true),
                    new CostLine(CostTabModelTest.DEC, account, "=cmd|' /C calc'!A0", new BigDecimal("1"), "USD",
                            true)), 1);
        }

        @Override
        public Ec2Inventory inventory(Environment e) {
            return new Ec2Inventory(List.of(), List.of(), List.of(), List.of(), Set.of());
        }
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        db = CacheDatabase.open(folder, clock);
        CostService service = new CostService(aws, aws, () -> List.of(eu), () -> CostSettings.DEFAULTS, Map::of,
                Set::of, clock);
        tab = new CostTab(new CostTabModel(service, new EstateCache(db.snapshots(), clock),
                new BackgroundTasks(workers), m), m, ZoneOffset.UTC, clock);
        stage.setScene(new Scene(new StackPane(tab.root()), 1400, 850));
        stage.show();
    }

    @AfterEach
    void stop() {
        aws.hold.countDown();
        workers.shutdownNow();
        db.close();
    }

    @Test
    void withNoEnvironmentTheTabSaysWhereToAddOneAndOnceOneIsPickedThatNothingWasReadYet(FxRobot robot)
            throws Exception {
        robot.interact(() -> tab.show(null));

        assertThat(((Label) tab.table().getPlaceholder()).getText()).isEqualTo(m.text("estate.cost.noEnvironment"));
        assertThat(((Label) tab.hints().table().getPlaceholder()).getText())
                .isEqualTo(m.text("estate.cost.noEnvironment"));

        robot.interact(() -> tab.show(eu));
        assertThat(((Label) tab.table().getPlaceholder()).getText()).isEqualTo(m.text("estate.cost.never", "eu"));
        assertThat(((Label) tab.hints().table().getPlaceholder()).getText())
                .isEqualTo(m.text("estate.cost.hints.never"));
        assertThat(tab.chart().root().isVisible()).as("no empty axes").isFalse();
    }

    @Test
    void aRefreshUnderWayCanBeCancelledAndTheLastReadingStays(FxRobot robot) throws Exception {
        robot.interact(() -> tab.show(eu));
        robot.clickOn("#estate-cost-refresh");
        waitFor(() -> tab.table().getItems().size() == 2);

        aws.hold = new CountDownLatch(1);
        robot.clickOn("#estate-cost-refresh");
        waitFor(() -> robot.lookup("#estate-cost-cancel").queryAs(Button.class).isVisible());
        assertThat(robot.lookup("#estate-cost-refresh").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn("#estate-cost-cancel");

        waitFor(() -> !robot.lookup("#estate-cost-cancel").queryAs(Button.class).isVisible());
        assertThat(robot.lookup("#estate-cost-status").queryAs(Label.class).getText())
                .isEqualTo(m.text("estate.cost.cancelled"));
        assertThat(tab.table().getItems()).hasSize(2);
        assertThat(robot.lookup("#estate-cost-refresh").queryAs(Button.class).isDisabled()).isFalse();
    }

    @Test
    void theCsvExportWritesTheRowsTheFilterLeavesWithFormulasNeutralised(FxRobot robot) throws Exception {
        robot.interact(() -> tab.show(eu));
        robot.clickOn("#estate-cost-refresh");
        waitFor(() -> tab.table().getItems().size() == 2);
        robot.clickOn("#estate-cost-search").write("cmd");
        waitFor(() -> tab.table().getItems().size() == 1);
        Path out = folder.resolve("cost.csv");

        robot.interact(() -> tab.exportCsv(out));

        waitFor(() -> Files.exists(out));
        assertThat(Files.readString(out).split("\r\n")).containsExactly(
                "group,2026-06,2026-07,2026-08,2026-09,2026-10,2026-11,2026-12,unit,estimated",
                "'=cmd|' /C calc'!A0,0,0,0,0,0,0,1,USD,true");
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                condition::getAsBoolean).get());
    }
}
