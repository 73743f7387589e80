package io.camfleet.console.cli;

/** Exit codes of {@code camfleet}. */
public final class ExitCodes {

    public static final int OK = 0;
    /** The command ran and found a problem (a broken audit chain, say), or failed unexpectedly. */
    public static final int FAILED = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** The environment refused: data folder not writable or already open, cache unusable, AWS unreachable or its
     * credentials missing, expired or refused. */
    public static final int UNAVAILABLE = 3;

    private ExitCodes() {
    }
}
