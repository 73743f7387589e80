package io.camfleet.console.service.deploy;

/**
 * How a remote command ended.
 *
 * @param exitStatus the command's exit status; -1 when it timed out
 * @param timedOut   the command was still running at its timeout and was stopped
 */
public record CommandResult(int exitStatus, boolean timedOut) {

    public boolean succeeded() {
        return !timedOut && exitStatus == 0;
    }
}
