package io.camfleet.console.adapter.files;

import io.camfleet.console.service.common.Problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The user's data folder: the cache, settings and logs live here. {@code --data-dir} wins, then
 * {@code CAMFLEET_HOME}, then {@code ~/.camfleet}.
 */
public record DataFolder(Path path) {

    public static final String ENV = "CAMFLEET_HOME";

    /** Chooses the folder without touching the disk. */
    public static Path choose(Path option, Map<String, String> env, String userHome) {
        if (option != null) {
            return option.toAbsolutePath().normalize();
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath().normalize();
        }
        return Path.of(userHome, ".camfleet").toAbsolutePath().normalize();
    }

    /**
     * Creates the folder if needed and proves it can be written, leaving nothing behind.
     *
     * @throws Problem {@code datafolder.notWritable} with the folder and the system's reason
     */
    public static DataFolder prepare(Path path) {
        try {
            Files.createDirectories(path);
            Path probe = Files.createTempFile(path, ".write-check", ".tmp");
            Files.delete(probe);
            return new DataFolder(path);
        } catch (IOException | SecurityException e) {
            throw new Problem(e, "problem.dataFolderNotWritable", path.toString(), reason(e));
        }
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file with that name is in the way";
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    public Path settingsFile() {
        return path.resolve("settings.json");
    }

    public Path logFolder() {
        return path.resolve("logs");
    }
}
