package io.camfleet.console.service.reports;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * An export the operator cancelled part-way. The files already moved into place are whole and stay; the others were
 * never written (and no temporary file is left).
 */
public final class ReportCancelled extends CancellationException {

    private static final long serialVersionUID = 1L;

    private final transient List<Path> written;
    private final transient List<Path> notWritten;

    public ReportCancelled(List<Path> written, List<Path> notWritten) {
        super("Report cancelled; written: " + written + "; not written: " + notWritten);
        this.written = List.copyOf(written);
        this.notWritten = List.copyOf(notWritten);
    }

    public List<Path> written() {
        return written;
    }

    public List<Path> notWritten() {
        return notWritten;
    }
}
