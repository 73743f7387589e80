package io.camfleet.console.adapter.store;

import io.camfleet.console.service.common.Problem;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Tells a full disk apart from other store failures. H2 reports it as a general error ("Writing to … failed") whose
 * cause is the operating system's "No space left on device" (or a quota exceeded): the user must be told that the
 * disk is full, and a cache that could not be written must never be taken for a corrupt one.
 */
final class DiskFull {

    private DiskFull() {
    }

    static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null) {
                String lower = m.toLowerCase(Locale.ROOT);
                if (lower.contains("no space left on device") || lower.contains("disk quota exceeded")
                        || lower.contains("not enough space on the disk")) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static Problem problem(Throwable failure, Path folder) {
        return new Problem(failure, "problem.diskFull", folder == null ? "?" : folder.toAbsolutePath().toString());
    }
}
