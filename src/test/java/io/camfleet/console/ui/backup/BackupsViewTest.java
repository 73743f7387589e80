package io.camfleet.console.ui.backup;

import atlantafx.base.theme.PrimerLight;
import io.camfleet.console.adapter.files.AuditAnchorFiles;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcAuditTrail;
import io.camfleet.console.domain.backup.BackupVersion;
import io.camfleet.console.domain.backup.DiffRow;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.backup.BackupSettings;
import io.camfleet.console.service.backup.ConfigBackups;
import io.camfleet.console.service.backup.LocalFolderCameras;
import io.camfleet.console.service.backup.OffsiteCopies;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.deploy.HostConnector;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.ui.common.BackgroundTasks;
import io.camfleet.console.ui.common.ScreenShots;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backups window of one camera, over a real H2 store, the camera's folder a local one: versions, the side-by-side
 * diff of the newest two, a restore refused at its question and then confirmed. Saves the screenshots with
 * -Dcamfleet.screenshots=DIR.
 */
@ExtendWith(ApplicationExtension.class)
class BackupsViewTest {

    private final ExecutorService workers = Executors.newSingleThreadExecutor();
    private final List<String> asked = new ArrayList<>();
    private final AtomicInteger changed = new AtomicInteger();
    private boolean agree;
    private Path temp;
    private Path folder;
    private CacheDatabase db;
    private BackupsViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        temp = Files.createTempDirectory("backups-view");
        folder = Files.createDirectories(temp.resolve("etc/camos"));
        Files.writeString(folder.resolve("camera.conf"), "fps=25\nres=1080p\nbitrate=4000\nprofile=main\n");
        Files.writeString(folder.resolve("agent.conf"), "endpoint=https://cloud.example\ninterval=30\n");
        Files.write(folder.resolve("client.key"), new byte[]{0x30, (byte) 0x82, 0, 1, (byte) 0xff});
        db = CacheDatabase.open(temp.resolve("data"), Clock.systemUTC());
        BackupSettings settings = new BackupSettings(folder.toString(), 1 << 20, 100, "", "", "");
        ConfigBackups backups = new ConfigBackups(db.backups(), new AuditService(new JdbcAuditTrail(db.dataSource()),
                new AuditAnchorFiles(temp.resolve("data")), new Operator("nina", ""), Clock.systemUTC()),
                Clock.systemUTC(), () -> settings, OffsiteCopies.NONE, new Messages(Locale.ROOT));
        HostConnector cameras = new LocalFolderCameras();
        Target cam = new Target("cam-7", "site-1", "", "", "");
        backups.backup(List.of(cam), cameras, "ops");
        Files.writeString(folder.resolve("camera.conf"), "fps=30\nres=1080p\nprofile=main\nnight=auto\n");
        Files.writeString(folder.resolve("override.conf"), "debug=1\n");
        Files.write(folder.resolve("client.key"), new byte[]{0x30, (byte) 0x82, 0, 2});
        backups.backup(List.of(cam), cameras, "ops");

        CameraLink link = new CameraLink() {
            @Override
            public Target target(String cameraId) {
                return cam;
            }

            @Override
            public HostConnector connector() {
                return cameras;
            }

            @Override
            public String sshUser() {
                return "ops";
            }
        };
        Messages m = new Messages(Locale.ENGLISH);
        vm = new BackupsViewModel("cam-7", backups, link, new BackgroundTasks(workers), m, Clock.systemUTC(),
                changed::incrementAndGet);
        BackupsView view = new BackupsView(vm, m, ZoneOffset.UTC, question -> {
            asked.add(question);
            return agree;
        });
        stage.setScene(new Scene(view.root(), 1280, 760));
        stage.show();
        vm.load();
    }

    @AfterEach
    void stop() throws Exception {
        workers.shutdownNow();
        db.close();
    }

    @SuppressWarnings("unchecked")
    private static <T> TableView<T> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    @Test
    void theNewestTwoVersionsShowSideBySideAndARestoreIsAskedFirst(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.versions().size() == 2 && !vm.rows().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#backup-last").queryAs(Label.class).getText()).startsWith("last backup 0 min ago");
        assertThat(vm.comparisonProperty().get()).isEqualTo("3 files differ between v1 and v2.");
        // camera.conf by hand: fps changed, bitrate removed, night=auto added after the unchanged profile line.
        TableView<DiffRow> diff = table(robot, "#backup-diff");
        List<DiffRow> rows = List.copyOf(diff.getItems());
        assertThat(rows).containsExactly(
                new DiffRow(DiffRow.Change.CHANGED, 1, "fps=25", 1, "fps=30"),
                new DiffRow(DiffRow.Change.SAME, 2, "res=1080p", 2, "res=1080p"),
                new DiffRow(DiffRow.Change.REMOVED, 3, "bitrate=4000", 0, ""),
                new DiffRow(DiffRow.Change.SAME, 4, "profile=main", 3, "profile=main"),
                new DiffRow(DiffRow.Change.ADDED, 0, "", 4, "night=auto"));
        assertThat(vm.files()).extracting(f -> f.path() + " " + f.change() + (f.binary() ? " binary" : ""))
                .containsExactly("camera.conf CHANGED", "client.key CHANGED binary", "override.conf ADDED");
        ScreenShots.save(robot.window(0).getScene(), "backups-diff");

        assertThat(robot.lookup("#backup-restore").queryAs(Node.class).isDisabled()).isTrue();
        robot.clickOn(robot.lookup("#backup-versions .table-row-cell").nth(1).queryAs(Node.class));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> vm.selectedProperty().get() != null && vm.selectedProperty().get().number() == 1);
        agree = false;
        robot.clickOn("#backup-restore");
        assertThat(asked).containsExactly("Version 1 (3 files) replaces the configuration folder of cam-7. Files the "
                + "version does not have are removed; what the camera holds now is backed up first, so this can be "
                + "undone.");
        assertThat(folder.resolve("override.conf")).as("not confirmed: nothing changed").exists();

        agree = true;
        robot.clickOn("#backup-restore");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.versions().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.statusProperty().get()).isEqualTo("cam-7 restored to v1: 3 files written, 1 removed, read "
                + "back and checked as v3.");
        assertThat(folder.resolve("override.conf")).doesNotExist();
        assertThat(folder.resolve("camera.conf")).hasContent("fps=25\nres=1080p\nbitrate=4000\nprofile=main\n");
        assertThat(vm.versions().getFirst()).extracting(BackupVersion::restoredFrom).isEqualTo(1);
        assertThat(changed.get()).isEqualTo(1);
        ScreenShots.save(robot.window(0).getScene(), "backups-restored");
    }
}
