package io.camfleet.console.ui.estate;

import io.camfleet.console.adapter.aws.AwsClients;
import io.camfleet.console.adapter.aws.Ec2Images;
import io.camfleet.console.adapter.files.AuditAnchorFiles;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcAuditTrail;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.images.ImageTagKeys;
import io.camfleet.console.domain.images.OutdatedRule;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.estate.EstateCache;
import io.camfleet.console.service.images.ImageActions;
import io.camfleet.console.service.images.ImageCatalogue;
import io.camfleet.console.service.images.ImageSettings;
import io.camfleet.console.ui.common.BackgroundTasks;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.testfx.api.FxRobot;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The images tab as the console builds it, over the real parts: an H2 data folder (fleet cache, audit trail, estate
 * snapshots), the EC2 adapter on the given AWS clients, and the estate screen around it with its environment picker.
 */
final class ImagesTabRig implements AutoCloseable {

    static final Messages M = new Messages(Locale.ENGLISH);
    static final ImageSettings SETTINGS = new ImageSettings(new OutdatedRule(90, true), List.of(),
            List.of("us-east-1", "eu-west-1"), ImageTagKeys.DEFAULTS, 60);

    final CacheDatabase db;
    final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    final ImageCatalogue catalogue;
    final ImageActions actions;
    final EstateCache cache;
    final EstateView view;
    final ImagesTab tab;
    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    ImagesTabRig(Path folder, AwsClients clients, List<Environment> environments, Duration pollEvery) {
        Clock clock = Clock.systemUTC();
        db = CacheDatabase.open(folder, clock);
        AuditService audit = new AuditService(new JdbcAuditTrail(db.dataSource()), new AuditAnchorFiles(folder),
                new Operator("nina", ""), clock);
        audit.addListener(audited::add);
        Ec2Images cloud = new Ec2Images(() -> clients, Duration.ofMillis(50));
        // the cameras as ImagesFeature reads them: from the fleet cache, at each use
        catalogue = new ImageCatalogue(cloud, () -> SETTINGS, () -> environments,
                () -> db.fleet().read().fleet().cameras(), clock);
        actions = new ImageActions(cloud, catalogue, audit, clock);
        cache = new EstateCache(db.snapshots(), clock);
        BackgroundTasks tasks = new BackgroundTasks(workers);
        tab = new ImagesTab(() -> catalogue, () -> actions, () -> cache, tasks, M, ZoneId.of("UTC"), clock,
                pollEvery);
        view = new EstateView(() -> environments, List.of(tab), tasks, M);
    }

    @Override
    public void close() {
        workers.shutdownNow();
        db.close();
    }

    @SuppressWarnings("unchecked")
    static TableView<ImageRow> table(FxRobot robot) {
        return robot.lookup("#images-table").queryAs(TableView.class);
    }

    static List<String> shownIds(FxRobot robot) {
        return table(robot).getItems().stream().map(ImageRow::id).toList();
    }

    static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @SuppressWarnings("unchecked")
    static void pick(FxRobot robot, Environment env) {
        ComboBox<Environment> picker = robot.lookup("#estate-environment").queryAs(ComboBox.class);
        robot.interact(() -> picker.setValue(env));
    }
}
