package io.camfleet.console.service;

import java.util.List;

/**
 * Why one row of an imported site registry is wrong: a message key and its arguments, rendered by
 * {@link Messages#text(RowError)}.
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
}
