package io.camfleet.console.ui.deploy;

import atlantafx.base.theme.PrimerLight;
import io.camfleet.console.adapter.files.ReleaseFile;
import io.camfleet.console.adapter.geo.NaturalEarthBasemap;
import io.camfleet.console.adapter.sim.DemoTargetRunner;
import io.camfleet.console.domain.availability.Availability;
import io.camfleet.console.domain.availability.Grouping;
import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.service.availability.AvailabilityFigures;
import io.camfleet.console.service.deploy.ErrorBudgets;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.FleetModel;
import io.camfleet.console.ui.common.HealthStyle;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.RadioButton;
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
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static io.camfleet.console.ui.common.ScreenShots.save;
import static io.camfleet.console.ui.deploy.DeploymentsRobot.rows;
import static io.camfleet.console.ui.deploy.DeploymentsRobot.set;
import static io.camfleet.console.ui.deploy.DeploymentsRobot.text;
import static io.camfleet.console.ui.deploy.DeploymentsRobot.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wizard with an error-budget guard: its dry run shows each wave's lowest budget and the site held back, the
 * confirmation says so, and the launched rollout skips that site's cameras, each shown as held back.
 */
@ExtendWith(ApplicationExtension.class)
class BudgetGuardWizardTest {

    @TempDir
    Path dir;
    private Stage stage;
    private DeploymentsFixture f;
    private DeploymentsViewModel vm;

    /**
     * Amsterdam untouched; Rotterdam down 450 s of a 500 s budget (GOLD 99.95 % over 1,000,000 s: 500 s), so
     * 50 s = 10 % left, below a 25 % guard.
     */
    private static final AvailabilityFigures FIGURES = new AvailabilityFigures() {
        @Override
        public List<Availability> by(Grouping grouping, Period period) {
            return List.of();
        }

        @Override
        public Map<String, Availability> sites(Collection<String> siteIds, Period period) {
            Map<String, Long> down = Map.of("S-AMS", 0L, "S-RTM", 450L);
            Map<String, Availability> out = new HashMap<>();
            for (String id : siteIds) {
                if (down.containsKey(id)) {
                    out.put(id, new Availability(Grouping.SITE, id, period, 1_000_000, 0, down.get(id), List.of(), 1,
                            0, 99.95));
                }
            }
            return out;
        }

        @Override
        public SiteDownRule rule() {
            return SiteDownRule.DEFAULT;
        }
    };

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() throws Exception {
        if (vm != null) {
            WaitForAsyncUtils.asyncFx(vm::close).get(10, TimeUnit.SECONDS);
        }
        if (f != null) {
            f.close();
        }
        WaitForAsyncUtils.asyncFx(stage::hide).get(10, TimeUnit.SECONDS);
    }

    private void show() throws Exception {
        f = new DeploymentsFixture(dir.resolve("data"), new ErrorBudgets(() -> Optional.of(FIGURES)));
        Map<String, String> versions = new HashMap<>();
        f.fleet.inventory().profiles().forEach(p -> p.cameras().forEach(c -> versions.put(c.id(),
                c.softwareVersion())));
        WaitForAsyncUtils.asyncFx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            FleetModel fleet = new FleetModel(Platform::runLater, f.workers);
            fleet.accept(f.fleet);
            vm = new DeploymentsViewModel(f.service, f.rollouts,
                    (kind, snapshot, user) -> new DemoTargetRunner(versions, 7, 0.02), ReleaseFile::read, fleet,
                    new BackgroundTasks(f.workers), f.m);
            DeploymentsView view = new DeploymentsView(vm, new NaturalEarthBasemap(), f.workers,
                    new SimpleBooleanProperty(false), ZoneOffset.UTC);
            ((javafx.scene.layout.Region) view.root()).getStylesheets().add(HealthStyle.stylesheet());
            stage.setScene(new Scene((javafx.scene.Parent) view.root(), 1500, 900));
            stage.show();
        }).get(10, TimeUnit.SECONDS);
        waitFor(() -> vm != null && stage.isShowing());
    }

    @Test
    void theWizardListsTheSiteHeldBackAndTheRolloutSkipsItsCameras(FxRobot robot) throws Exception {
        show();
        robot.clickOn("#deploy-new");
        waitFor(() -> robot.lookup("#deploy-wizard").tryQuery().isPresent()
                && !robot.lookup("#wizard-release").queryAs(ComboBox.class).getItems().isEmpty());
        robot.interact(() -> robot.lookup("#wizard-release").queryAs(ComboBox.class).getSelectionModel().select(0));
        robot.clickOn("#wizard-next");
        waitFor(() -> robot.lookup("#wizard-page-targets").query().isVisible());
        robot.interact(() -> robot.lookup("#wizard-by-filter").queryAs(RadioButton.class).setSelected(true));
        set(robot, "#wizard-filter", "region:EU");
        waitFor(() -> text(robot, "#wizard-target-count").equals("6 cameras at 2 sites"));
        robot.clickOn("#wizard-next");

        waitFor(() -> robot.lookup("#wizard-page-plan").query().isVisible());
        set(robot, "#wizard-waves", "50%");
        set(robot, "#wizard-threshold", "0");
        set(robot, "#wizard-budget-guard", "125%");
        save(robot.lookup("#deploy-wizard").query().getScene(), "deploy-guard-1-plan");
        robot.clickOn("#wizard-next");
        waitFor(() -> text(robot, "#wizard-error").equals("The plan is not valid: errorBudgetGuard is '125%': write "
                + "a whole share of the monthly error budget from 0% to 100%, such as \"25%\"."));
        set(robot, "#wizard-budget-guard", "25%");
        robot.clickOn("#wizard-next");

        waitFor(() -> robot.lookup("#wizard-page-dryRun").query().isVisible());
        String budgets = text(robot, "#wizard-dry-run-budgets");
        assertThat(budgets).contains(
                "Wave 1: lowest error budget left this month 100.0 % (Amsterdam Zuid); 0 sites below the guard",
                "Wave 2: lowest error budget left this month 10.0 % (Rotterdam Haven); 1 site below the guard",
                "Error-budget guard 25%: 1 site is held back, 3 cameras skipped with the reason in the journal:",
                "Rotterdam Haven (Wave 2): 10.0 % of its budget left, 3 cameras");
        save(robot.lookup("#deploy-wizard").query().getScene(), "deploy-guard-2-dry-run");
        robot.clickOn("#wizard-next");
        assertThat(text(robot, "#wizard-confirm-text")).contains("The error-budget guard 25% holds back 1 site now");
        robot.clickOn("#wizard-reviewed");
        save(robot.lookup("#deploy-wizard").query().getScene(), "deploy-guard-3-confirm");
        robot.clickOn("#wizard-next");
        waitFor(() -> robot.lookup("#deploy-wizard").tryQuery().isEmpty());

        waitFor(() -> text(robot, "#deploy-state").equals("Succeeded"));
        assertThat(rows(robot)).filteredOn(t -> t.cameraId().startsWith("RTM"))
                .extracting(DeploymentsViewModel.TargetRow::state).containsOnly(TargetState.HELD_BACK).hasSize(3);
        assertThat(rows(robot)).filteredOn(t -> t.cameraId().startsWith("AMS"))
                .extracting(DeploymentsViewModel.TargetRow::state).doesNotContain(TargetState.HELD_BACK);
        assertThat(robot.lookup("#wave-bars .label").queryAll().stream().map(n -> ((javafx.scene.control.Label) n)
                .getText())).contains("0/3 done \u00b7 0 failed \u00b7 0 running \u00b7 3 held back");
        save(robot.lookup("#deployments").query().getScene(), "deploy-guard-4-held-back");
    }
}
