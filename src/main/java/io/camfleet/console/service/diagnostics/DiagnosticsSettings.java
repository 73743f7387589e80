package io.camfleet.console.service.diagnostics;

import io.camfleet.console.service.common.SettingsSection;

import java.util.List;
import java.util.Objects;

/**
 * Where a camera keeps what a diagnostics bundle takes, and how much it may take (section {@code diagnostics} of
 * {@code settings.json}). A value out of bounds makes the section unreadable: the defaults are used with a warning.
 *
 * @param logFolders     the camera's log folders, absolute paths
 * @param configFolder   the camera's configuration folder, an absolute path; its files are redacted in the bundle
 * @param maxBundleBytes the most bytes of files one bundle holds, before compression
 * @param maxFileBytes   the most bytes taken of one file; a longer log is cut, keeping its end
 * @param sshUser        the login on the cameras, for bundles and the terminal
 */
public record DiagnosticsSettings(List<String> logFolders, String configFolder, long maxBundleBytes,
                                  long maxFileBytes, String sshUser) {

    public static final long MB = 1024L * 1024;
    public static final DiagnosticsSettings DEFAULTS = new DiagnosticsSettings(List.of("/var/log/camos"),
            "/etc/camos", 50 * MB, 10 * MB, "camfleet");

    public static final SettingsSection<DiagnosticsSettings> SECTION = SettingsSection.of("diagnostics", DEFAULTS,
            Stored.class, DiagnosticsSettings::read, DiagnosticsSettings::write);

    /** A bundle is kept on the operator's disk and attached to a ticket: more than this is not a bundle any more. */
    static final long MAX_BUNDLE_LIMIT = 2048 * MB;

    public DiagnosticsSettings {
        logFolders = List.copyOf(Objects.requireNonNull(logFolders, "logFolders"));
        Objects.requireNonNull(configFolder, "configFolder");
        Objects.requireNonNull(sshUser, "sshUser");
        for (String folder : logFolders) {
            absolute("logFolders", folder);
        }
        absolute("configFolder", configFolder);
        if (maxFileBytes < 1024 || maxFileBytes > maxBundleBytes) {
            throw new IllegalArgumentException("maxFileBytes must be from 1024 to maxBundleBytes (" + maxBundleBytes
                    + "), not " + maxFileBytes);
        }
        if (maxBundleBytes > MAX_BUNDLE_LIMIT) {
            throw new IllegalArgumentException("maxBundleBytes must be at most " + MAX_BUNDLE_LIMIT + ", not "
                    + maxBundleBytes);
        }
        if (!sshUser.matches("[a-z_][a-z0-9_.-]{0,31}")) {
            throw new IllegalArgumentException("sshUser must be a login name (lower-case letters, digits, _ . -), not '"
                    + sshUser + "'");
        }
    }

    private static void absolute(String field, String path) {
        if (!path.startsWith("/") || path.contains("\0") || path.contains("\n") || path.split("/").length > 32
                || List.of(path.split("/")).contains("..")) {
            throw new IllegalArgumentException(field + " must be an absolute path on the camera, not '" + path + "'");
        }
    }

    private static DiagnosticsSettings read(Stored s) {
        DiagnosticsSettings d = DEFAULTS;
        return new DiagnosticsSettings(s.logFolders == null ? d.logFolders : s.logFolders,
                s.configFolder == null ? d.configFolder : s.configFolder,
                s.maxBundleBytes == null ? d.maxBundleBytes : s.maxBundleBytes,
                s.maxFileBytes == null ? d.maxFileBytes : s.maxFileBytes,
                s.sshUser == null ? d.sshUser : s.sshUser);
    }

    private static Stored write(DiagnosticsSettings v) {
        return new Stored(v.logFolders, v.configFolder, v.maxBundleBytes, v.maxFileBytes, v.sshUser);
    }

    /** As kept in the file. */
    record Stored(List<String> logFolders, String configFolder, Long maxBundleBytes, Long maxFileBytes,
                  String sshUser) {
    }
}
