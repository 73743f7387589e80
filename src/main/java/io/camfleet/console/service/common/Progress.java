package io.camfleet.console.service.common;

/**
 * How a long job reports progress and learns it was cancelled. The window shows it in the status bar; the CLI
 * ignores it or prints it.
 */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void update(String message, long done, long total) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** {@code total} of -1 means unknown. */
    void update(String message, long done, long total);

    boolean isCancelled();

    /** Throws {@link java.util.concurrent.CancellationException} once the user has cancelled. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new java.util.concurrent.CancellationException("cancelled by the user");
        }
    }
}
