package io.camfleet.console.service.runbooks;

import io.camfleet.console.service.common.Messages;

import java.util.List;

/**
 * Why a runbook file was skipped: where (the file, and the line and column when the reader knows them, else 0) and
 * the reason as a bundle key and its arguments.
 */
public record RunbookFileProblem(String file, int line, int column, String reasonKey, List<Object> args) {

    public RunbookFileProblem {
        args = List.copyOf(args);
    }

    /** One sentence: where, why, and that the file is skipped until it is fixed. */
    public String text(Messages m) {
        String reason = m.text(reasonKey, args.toArray());
        if (line > 0 && column > 0) {
            return m.text("runbooks.file.skippedAt", file, line, column, reason);
        }
        return line > 0 ? m.text("runbooks.file.skippedLine", file, line, reason)
                : m.text("runbooks.file.skipped", file, reason);
    }
}
