package io.camfleet.console.service.backup;

import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.SettingsSection;

import java.util.Objects;

/**
 * What a config backup reads and where it is copied (section {@code backup} of {@code settings.json}).
 *
 * @param configFolder    the camera's configuration folder, absolute, read over SFTP
 * @param maxVersionBytes the largest folder taken as one version; a larger one is refused, never cut
 * @param maxFiles        the most files one version holds; more are refused
 * @param s3Bucket        the bucket each new version is also put to; "" for none
 * @param s3Prefix        the key prefix in the bucket ("" for none); keys are {@code prefix/camera/version.zip}
 * @param environment     the label of the environment whose AWS profile and region reach the bucket; "" for the first
 */
public record BackupSettings(String configFolder, long maxVersionBytes, int maxFiles, String s3Bucket,
                             String s3Prefix, String environment) {

    public static final BackupSettings DEFAULTS = new BackupSettings("/etc/camos", 5L * 1024 * 1024, 500, "", "", "");

    public static final SettingsSection<BackupSettings> SECTION = SettingsSection.of("backup", DEFAULTS,
            Stored.class, BackupSettings::read, BackupSettings::write);

    public BackupSettings {
        configFolder = Objects.requireNonNullElse(configFolder, "").strip();
        s3Bucket = Objects.requireNonNullElse(s3Bucket, "").strip();
        s3Prefix = Objects.requireNonNullElse(s3Prefix, "").strip();
        environment = Objects.requireNonNullElse(environment, "").strip();
    }

    /** Whether new versions are also put to S3. */
    public boolean offsite() {
        return !s3Bucket.isEmpty();
    }

    private static BackupSettings read(Stored s) {
        BackupSettings d = DEFAULTS;
        BackupSettings v = new BackupSettings(s.configFolder == null ? d.configFolder : s.configFolder,
                s.maxVersionBytes == null ? d.maxVersionBytes : s.maxVersionBytes,
                s.maxFiles == null ? d.maxFiles : s.maxFiles, s.s3Bucket, s.s3Prefix, s.environment);
        if (!v.configFolder.startsWith("/") || v.configFolder.contains("/../") || v.configFolder.endsWith("/..")) {
            throw Problem.badInput("backup.settings.folder", v.configFolder);
        }
        if (v.maxVersionBytes < 1 || v.maxVersionBytes > 256L * 1024 * 1024 || v.maxFiles < 1 || v.maxFiles > 100_000) {
            throw Problem.badInput("backup.settings.bounds", v.maxVersionBytes, v.maxFiles);
        }
        return v;
    }

    private static Stored write(BackupSettings v) {
        return new Stored(v.configFolder, v.maxVersionBytes, v.maxFiles, v.s3Bucket, v.s3Prefix, v.environment);
    }

    /** As kept in the file. */
    record Stored(String configFolder, Long maxVersionBytes, Integer maxFiles, String s3Bucket, String s3Prefix,
                  String environment) {
    }
}
