package io.camfleet.console.app.features;

import io.camfleet.console.adapter.aws.AwsClients;
import io.camfleet.console.adapter.aws.S3BackupCopies;
import io.camfleet.console.cli.BackupCommand;
import io.camfleet.console.cli.ConsoleBackend;
import io.camfleet.console.cli.RestoreCommand;
import io.camfleet.console.service.backup.BackupSettings;
import io.camfleet.console.service.backup.ConfigBackups;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.service.deploy.HostConnector;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.fleet.SiteSummary;
import io.camfleet.console.ui.backup.BackupsWindow;
import io.camfleet.console.ui.backup.CameraLink;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Config backups of the cameras: versions of each camera's configuration folder in the store (and in S3 where a
 * bucket is configured), their diffs and restores; {@code camfleet backup|restore}. The backups dialog is opened from
 * the ticket screen and the site detail, with a camera ({@link #window}); the site details show each camera's last
 * backup.
 */
public final class BackupsFeature implements Feature {

    private final Supplier<AwsClients> aws;
    private final Messages messages;

    /** @param aws the console's AWS clients, built only when a version is put to S3 */
    public BackupsFeature(Supplier<AwsClients> aws, Messages messages) {
        this.aws = aws;
        this.messages = messages;
    }

    @Override
    public void open(OpenFolder folder, FolderParts.Builder parts) {
        var file = SettingsFile.in(folder.folder().path());
        // read at each backup: at most every 10 s, so a change in Settings applies within that
        Supplier<BackupSettings> settings = Recent.of(() -> file.read().get(BackupSettings.SECTION),
                Duration.ofSeconds(10));
        parts.add(ConfigBackups.class, new Lazy<>(() -> new ConfigBackups(folder.database().backups(),
                folder.audit(), folder.clock(), settings, new S3BackupCopies(aws,
                () -> file.read().get(SourceSettings.SECTION).environments()), messages)));
    }

    /** Keeps the site details' "Config backup" column current: read at opening and after each new fleet snapshot. */
    @Override
    public void opened(WindowContext w, ConsoleBackend.Session session) {
        Runnable read = w.tasks().debounce(Duration.ofSeconds(2), () -> lastBackups(w));
        w.fleet().snapshotProperty().addListener((o, a, b) -> read.run());
        read.run();
    }

    /** Reads when each camera was last backed up, off the FX thread, into the window's fleet model. */
    static void lastBackups(WindowContext w) {
        w.session().find(ConfigBackups.class).ifPresent(backups -> w.tasks()
                .job(w.messages().text("backup.ui.task.ages"), p -> backups.lastBackups()).quiet()
                .onSuccess(last -> {
                    var shown = w.fleet().lastConfigBackups();
                    shown.keySet().retainAll(last.keySet());
                    last.forEach((id, at) -> {
                        if (!at.equals(shown.get(id))) {
                            shown.put(id, at);
                        }
                    });
                })
                .start());
    }

    /**
     * The backups window of one main window, for the buttons that open it (a ticket's camera, the site detail): it
     * reaches cameras with {@code executor} and {@code sshUser} as the caller's other tools do, finds each camera in
     * the window's fleet, and refreshes the last backups shown after each backup or restore.
     */
    public static BackupsWindow window(WindowContext w, ConsoleBackend backend, Supplier<ExecutorKind> executor,
                                       Supplier<String> sshUser) {
        CameraLink link = new CameraLink() {
            @Override
            public Target target(String cameraId) {
                for (SiteSummary s : w.fleet().snapshot().sites()) {
                    for (CameraSystem c : s.profile().cameras()) {
                        if (c.id().equals(cameraId)) {
                            return new Target(c.id(), c.siteId(), c.sshAddress(), c.jumpHost(), c.ssmNodeId());
                        }
                    }
                }
                throw Problem.badInput("backup.noCamera", cameraId);
            }

            @Override
            public HostConnector connector() {
                return backend.connector(executor.get(), w.folder(), w.fleet().snapshot(), sshUser.get());
            }

            @Override
            public String sshUser() {
                return sshUser.get();
            }
        };
        return new BackupsWindow(() -> w.session().part(ConfigBackups.class), link, w.tasks(), w.messages(),
                w.zone(), () -> lastBackups(w));
    }

    @Override
    public List<Object> commands(Messages m) {
        return List.of(new BackupCommand(m), new RestoreCommand(m));
    }
}
