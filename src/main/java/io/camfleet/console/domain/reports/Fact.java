package io.camfleet.console.domain.reports;

import java.util.Objects;

/** A label and its value, both as printed. */
public record Fact(String label, String value) {

    public Fact {
        Objects.requireNonNull(label, "label");
        value = value == null ? "" : value;
    }
}
