package io.camfleet.console.service.fleet;

import io.camfleet.console.service.common.Problem;
import java.util.List;

/** An imported site registry with bad rows: every one of them, in row order, and nothing imported. */
public final class RegistryRejected extends Problem {

    private static final long serialVersionUID = 1L;

    private final transient List<RowError> errors;

    public RegistryRejected(String file, List<RowError> errors) {
        super(Kind.BAD_INPUT, null, "problem.importRejected", file, badRows(errors));
        this.errors = List.copyOf(errors);
    }

    private static long badRows(List<RowError> errors) {
        return errors.stream().mapToInt(RowError::row).distinct().count();
    }

    /** Each reason on its own, in row order; a row can have several. */
    public List<RowError> errors() {
        return errors;
    }
}
