package io.camfleet.console.domain.backup;

import java.util.List;
import java.util.Objects;

/**
 * How one camera's backup went.
 *
 * @param cameraId the camera system
 * @param result   a new version, unchanged (the folder is as the latest version holds it: no version is added), or
 *                 failed (nothing stored)
 * @param version  the new version, or the latest one when unchanged; null when failed
 * @param problem  why it failed, one sentence for the operator; "" otherwise
 * @param skipped  the entries of the folder neither a file nor a folder (symbolic links, devices), not kept
 */
public record BackupOutcome(String cameraId, Result result, BackupVersion version, String problem,
                            List<String> skipped) {

    public BackupOutcome {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(result, "result");
        problem = Objects.requireNonNullElse(problem, "");
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
    }

    public enum Result {
        NEW_VERSION, UNCHANGED, FAILED
    }
}
