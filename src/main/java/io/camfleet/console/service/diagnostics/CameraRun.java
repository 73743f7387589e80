package io.camfleet.console.service.diagnostics;

import java.time.Duration;

/**
 * What one command came to on one camera.
 *
 * @param exitCode the command's exit status; -1 unless it {@link Outcome#COMPLETED}
 * @param output   what it printed (standard error merged in), not yet redacted nor cut
 * @param detail   one sentence for the operator when it did not complete (unreachable, lost, timed out); else ""
 */
public record CameraRun(String cameraId, Outcome outcome, int exitCode, Duration duration, String output,
                        String detail) {

    public enum Outcome {
        /** It ran to its end: the exit code is known. */
        COMPLETED,
        /** Still running at the timeout, and stopped. */
        TIMED_OUT,
        /** Never started: the camera could not be reached (or refused the login, or its host key). */
        UNREACHABLE,
        /** The connection dropped while it ran: whether it did its work is unknown. */
        LOST
    }

    public boolean succeeded() {
        return outcome == Outcome.COMPLETED && exitCode == 0;
    }
}
