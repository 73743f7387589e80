package io.camfleet.console.app.features;

import io.camfleet.console.adapter.aws.AwsClients;
import io.camfleet.console.adapter.aws.S3BackupCopies;
import io.camfleet.console.cli.BackupCommand;
import io.camfleet.console.cli.RestoreCommand;
import io.camfleet.console.service.backup.BackupSettings;
import io.camfleet.console.service.backup.ConfigBackups;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.environments.SourceSettings;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Config backups of the cameras: versions of each camera's configuration folder in the store (and in S3 where a
 * bucket is configured), their diffs and restores; {@code camfleet backup|restore}. The backups dialog is opened from
 * the ticket screen and the site detail, with a camera.
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

    @Override
    public List<Object> commands(Messages m) {
        return List.of(new BackupCommand(m), new RestoreCommand(m));
    }
}
