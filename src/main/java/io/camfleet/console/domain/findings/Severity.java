package io.camfleet.console.domain.findings;

import java.util.Locale;
import java.util.Optional;

/** How bad a finding is, in Amazon Inspector's words, worst first. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFORMATIONAL;

    /**
     * The severity a scanner or Inspector wrote, in any case; Inspector's UNTRIAGED (no score yet) and a scanner's
     * "INFO" count as INFORMATIONAL. Empty for anything else.
     */
    public static Optional<Severity> parse(String text) {
        String s = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        return switch (s) {
            case "UNTRIAGED", "INFO" -> Optional.of(INFORMATIONAL);
            default -> {
                for (Severity v : values()) {
                    if (v.name().equals(s)) {
                        yield Optional.of(v);
                    }
                }
                yield Optional.empty();
            }
        };
    }

    /** True if this is as bad as {@code floor} or worse ({@code --severity HIGH} shows HIGH and CRITICAL). */
    public boolean atLeast(Severity floor) {
        return ordinal() <= floor.ordinal();
    }
}
