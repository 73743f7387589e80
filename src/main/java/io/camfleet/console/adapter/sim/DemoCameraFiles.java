package io.camfleet.console.adapter.sim;

/**
 * The demo cameras' files: generated from the seed and the camera's id when first looked at, then kept (and
 * changed by what is written) in memory for the life of the process, so that a config restored is there when read.
 */
public final class DemoCameraFiles {

    private final long seed;

    public DemoCameraFiles(long seed) {
        this.seed = seed;
    }
}
