package io.camfleet.console.service.fleet;

import io.camfleet.console.service.common.Messages;

import java.util.List;

/**
 * Why one row of an imported site registry is wrong: a message key and its arguments, rendered by
 * {@link #text(Messages)}.
 *
 * @param row the 1-based data row number (see {@link RegistryTable.Row#number()})
 */
public record RowError(int row, String key, List<Object> args) {

    public RowError {
        args = List.copyOf(args);
    }

    public RowError(int row, String key, Object... args) {
        this(row, key, List.of(args));
    }

    /** This row's fault as one line: "Row 3: site_name is empty". */
    public String text(Messages messages) {
        return messages.text("import.row", row, messages.text(key, args.toArray()));
    }
}
