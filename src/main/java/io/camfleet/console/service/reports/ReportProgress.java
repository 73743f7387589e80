package io.camfleet.console.service.reports;

import java.util.concurrent.CancellationException;

/** Where a report being produced says how far it is, and learns whether the operator cancelled it. */
public interface ReportProgress {

    /** Nobody watching, never cancelled (the CLI's scheduled run prints nothing but its result). */
    ReportProgress NONE = new ReportProgress() {
        @Override
        public void progress(String step, double fraction) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };

    /**
     * @param step     what is being done, as a sentence for the operator ("Writing section 3 of 9: SLA attainment")
     * @param fraction done so far, 0..1, or a negative number when unknown
     */
    void progress(String step, double fraction);

    boolean cancelled();

    /** Stops the work, by a {@link CancellationException}, when the operator cancelled it; called between steps. */
    default void checkCancelled() {
        if (cancelled()) {
            throw new CancellationException("Report cancelled");
        }
    }
}
