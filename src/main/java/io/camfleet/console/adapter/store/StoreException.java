package io.camfleet.console.adapter.store;

import io.camfleet.console.service.Problem;

import java.sql.SQLException;

/** A database failure, told to the user as "the cache could not be read or written" with the database's reason. */
final class StoreException extends Problem {

    private static final long serialVersionUID = 1L;

    StoreException(SQLException cause) {
        super(cause, "problem.cacheFailed", firstLine(cause.getMessage()));
    }

    private static String firstLine(String m) {
        return m == null ? "" : m.lines().findFirst().orElse(m);
    }
}
