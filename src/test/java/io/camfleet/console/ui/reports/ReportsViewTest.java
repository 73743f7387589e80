package io.camfleet.console.ui.reports;

import atlantafx.base.theme.PrimerLight;
import io.camfleet.console.adapter.reports.PdfBoxPreview;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.reports.ReportFakes;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.ScreenShots;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports screen over a report service on fake sources and writers (the fake PDF is a real one, drawn by the
 * real PDFBox preview): validation sentences, the preview's pages, an export's progress then its recent row, a
 * cancel, saving as scheduled.
 */
@ExtendWith(ApplicationExtension.class)
class ReportsViewTest {

    @TempDir
    static Path dir;

    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final Messages m = new Messages(Locale.ENGLISH);
    private final List<Path> opened = new CopyOnWriteArrayList<>();
    private ReportFakes fakes;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Path data = Files.createTempDirectory(dir, "data");
        fakes = new ReportFakes(data, Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC));
        ReportsViewModel vm = new ReportsViewModel(fakes.service, new PdfBoxPreview(),
                () -> List.of("AMER", "APAC", "EU"), new BackgroundTasks(workers), m, Platform::runLater);
        ReportsView view = new ReportsView(vm, m, ZoneOffset.UTC, opened::add);
        scene = new Scene(new javafx.scene.layout.StackPane(view.root()), 1440, 900);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        CountDownLatch hold = fakes.holdPdf;
        if (hold != null) {
            hold.countDown();
        }
        workers.shutdownNow();
        fakes.close();
    }

    private static void waitFor(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                condition::getAsBoolean).get());
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    /** Shown: it and every node above it visible. */
    private static boolean visible(FxRobot robot, String id) {
        for (Node n = robot.lookup(id).tryQuery().orElse(null); ; n = n.getParent()) {
            if (n == null) {
                return robot.lookup(id).tryQuery().isPresent();
            }
            if (!n.isVisible()) {
                return false;
            }
        }
    }

    private static void type(FxRobot robot, String id, String text) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(text));
    }

    @Test
    void validationSentencesThenAPreviewOfThePagesThenAnExportWithProgressAndItsRecentRow(FxRobot robot)
            throws Exception {
        // the period defaults to the 30 days before today (2026-12-01)
        assertThat(robot.lookup("#report-from").queryAs(javafx.scene.control.DatePicker.class).getValue())
                .isEqualTo(LocalDate.of(2026, 11, 1));
        waitFor(() -> robot.lookup("#report-regions").queryListView().getItems().size() == 3);

        // A sales proposal with no prospect says so, and nothing is built.
        robot.clickOn("#report-preview");
        waitFor(() -> visible(robot, "#report-problem"));
        assertThat(text(robot, "#report-problem")).isEqualTo("A sales proposal needs a prospect: type the company "
                + "it is for.");
        assertThat(fakes.pdfsStarted).hasValue(0);

        type(robot, "#report-prospect", "Acme Ltd");
        robot.clickOn("#report-export");
        waitFor(() -> text(robot, "#report-problem").equals("Choose the file to export to."));
        type(robot, "#report-out", dir.resolve("q4.docx").toString());
        robot.clickOn("#report-export");
        waitFor(() -> text(robot, "#report-problem").contains("name a file ending in .pdf"));

        // The compliance report hides the sales options; EU picked among the fleet's regions.
        robot.clickOn("#report-kind-compliance");
        assertThat(visible(robot, "#report-prospect")).isFalse();
        ListView<?> regions = robot.lookup("#report-regions").queryListView();
        robot.interact(() -> regions.getSelectionModel().select(2));
        robot.clickOn("#report-preview");
        waitFor(() -> robot.lookup("#report-pages").queryAs(HBox.class).getChildren().stream()
                .filter(n -> n instanceof ImageView).count() == 2);
        assertThat(visible(robot, "#report-problem")).isFalse();
        ImageView first = (ImageView) robot.lookup("#report-pages").queryAs(HBox.class).getChildren().getFirst();
        // A4 at 60 dpi: 595.28 x 60 / 72 = 496 pixels wide
        assertThat(first.getImage().getWidth()).isEqualTo(496);
        assertThat(fakes.asked.getLast().regions()).containsExactly("EU");
        assertThat(fakes.trail()).as("a preview is not an export").isEmpty();
        ScreenShots.save(scene, "reports-preview");
        robot.clickOn("#report-open");
        waitFor(() -> opened.size() == 1);
        assertThat(opened.getFirst().getFileName().toString()).startsWith("camfleet-preview-").endsWith(".pdf");

        // Export: progress and Cancel while the PDF is printed, then the files and the recent row.
        Path out = dir.resolve("reports/q4.pdf");
        type(robot, "#report-out", out.toString());
        fakes.holdPdf = new CountDownLatch(1);
        robot.clickOn("#report-export");
        waitFor(() -> visible(robot, "#report-cancel") && visible(robot, "#report-progress")
                && fakes.pdfsStarted.get() == 2);
        // building is the first 0.4 of the whole; the PDF, first of the 4 files, starts at 0.4
        waitFor(() -> text(robot, "#report-step").equals("Writing q4.pdf"));
        waitFor(() -> robot.lookup("#report-progress").queryAs(ProgressBar.class).getProgress() == 0.4);
        assertThat(robot.lookup("#report-export").queryAs(Button.class).isDisabled()).isTrue();
        ScreenShots.save(scene, "reports-exporting");
        fakes.holdPdf.countDown();
        waitFor(() -> robot.lookup("#report-recent").queryAs(TableView.class).getItems().size() == 1);
        waitFor(() -> text(robot, "#report-result").startsWith("Exported 4 file(s): q4.pdf, q4-patches.csv"));
        assertThat(visible(robot, "#report-cancel")).isFalse();
        assertThat(Files.exists(dir.resolve("reports/q4-tickets.csv"))).isTrue();
        assertThat(fakes.trail()).containsExactly("report.export STARTED", "report.export SUCCEEDED");
        ScreenShots.save(scene, "reports-exported");
    }

    @Test
    void cancelStopsAnExportUnderWayAndNothingIsWrittenOrListed(FxRobot robot) throws Exception {
        robot.clickOn("#report-kind-compliance");
        Path out = dir.resolve("cancelled/q4.pdf");
        type(robot, "#report-out", out.toString());
        fakes.holdPdf = new CountDownLatch(1);
        robot.clickOn("#report-export");
        waitFor(() -> fakes.pdfsStarted.get() == 1 && visible(robot, "#report-cancel"));

        robot.clickOn("#report-cancel");

        waitFor(() -> text(robot, "#report-result").equals("Export cancelled: no file was written."));
        assertThat(visible(robot, "#report-cancel")).isFalse();
        assertThat(robot.lookup("#report-export").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(Files.exists(out.getParent()) && Files.list(out.getParent()).findAny().isPresent()).isFalse();
        assertThat(robot.lookup("#report-recent").queryAs(TableView.class).getItems()).isEmpty();
        assertThat(fakes.trail()).containsExactly("report.export STARTED", "report.export CANCELLED");
    }

    @Test
    void savingAsScheduledRefusesABadNameInTheDialogThenSavesWithTheDayInTheFileName(FxRobot robot)
            throws Exception {
        robot.clickOn("#report-kind-evidence");
        type(robot, "#report-out", dir.resolve("packs/audit.zip").toString());
        robot.clickOn("#report-save");
        waitFor(() -> robot.lookup("#report-save-name").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#report-save-name").queryAs(TextField.class).setText("audit/monthly"));
        robot.clickOn("#report-save-ok");
        waitFor(() -> robot.lookup("#report-save-problem").queryAs(Label.class).getText()
                .contains("'audit/monthly' cannot name a saved report"));
        ScreenShots.save(robot.lookup("#report-save-name").query().getScene(), "reports-save-bad-name");

        robot.interact(() -> robot.lookup("#report-save-name").queryAs(TextField.class).setText("audit monthly"));
        robot.clickOn("#report-save-ok");
        waitFor(() -> text(robot, "#report-result").startsWith("Saved as audit monthly"));
        assertThat(fakes.service.saved().find("audit monthly")).hasValueSatisfying(s -> {
            assertThat(s.out()).isEqualTo(dir.resolve("packs/audit-{date}.zip").toString());
            assertThat(s.period().text()).isEqualTo("previous-month");
        });
    }
}
