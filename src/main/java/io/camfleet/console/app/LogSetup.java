package io.camfleet.console.app;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Points the log file at {@code <data folder>/logs} before the first logger is created (logback.xml reads
 * {@code camfleet.logdir}). A folder that cannot be written falls back to the temporary folder, so that a bad
 * {@code --data-dir} gets its one-line message instead of logging errors.
 */
final class LogSetup {

    static final String PROPERTY = "camfleet.logdir";

    private LogSetup() {
    }

    static void useFolder(Path dataFolder) {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        Path logs = dataFolder.resolve("logs");
        try {
            Files.createDirectories(logs);
            if (!Files.isWritable(logs)) {
                throw new java.io.IOException("not writable");
            }
        } catch (java.io.IOException | SecurityException e) {
            logs = Path.of(System.getProperty("java.io.tmpdir"), "camfleet-logs");
        }
        System.setProperty(PROPERTY, logs.toString());
    }
}
