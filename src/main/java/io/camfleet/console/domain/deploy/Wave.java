package io.camfleet.console.domain.deploy;

import java.util.List;

/**
 * One wave of a plan, in order from 0.
 *
 * @param canary    whether this is the canary wave (always index 0 when there is one)
 * @param cameraIds the targets, in the order they are dispatched
 */
public record Wave(int index, boolean canary, List<String> cameraIds) {

    public Wave {
        cameraIds = List.copyOf(cameraIds);
        if (cameraIds.isEmpty()) {
            throw new IllegalArgumentException("Wave " + index + " has no targets.");
        }
    }

    public int size() {
        return cameraIds.size();
    }
}
