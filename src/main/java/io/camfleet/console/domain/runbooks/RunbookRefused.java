package io.camfleet.console.domain.runbooks;

import java.util.List;

/**
 * A runbook, or the values given to one, that the rules refuse. It carries the reason and what to name in the
 * sentence (the parameter, the limit), which the service turns into the bundle's text.
 */
public final class RunbookRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why; each has its sentence, {@code runbooks.refused.<reason>}, with {@link #args()} in order. */
    public enum Reason {
        /** The runbook's id is not a short lower-case name. args: id */
        BAD_ID,
        /** A title, a command, a type, a timeout... is missing. args: field */
        MISSING_FIELD,
        /** A parameter's name is not a plain name. args: name */
        BAD_PARAMETER_NAME,
        /** Two parameters have one name. args: name */
        DUPLICATE_PARAMETER,
        /** An ENUM parameter without values, or a default outside its rules. args: parameter, detail */
        BAD_PARAMETER,
        /** The command names a placeholder no parameter declares. args: placeholder */
        UNKNOWN_PLACEHOLDER,
        /** Text between {{ and }} that is not a name. args: the text */
        MALFORMED_PLACEHOLDER,
        /** A placeholder where quoting cannot hold: in quotes, a comment, a here-document, after $ or \. args: name */
        UNSAFE_PLACEHOLDER,
        /** A timeout or an output limit out of bounds. args: field, lowest, highest */
        OUT_OF_BOUNDS,
        /** A required parameter got no value and has no default. args: parameter */
        MISSING_VALUE,
        /** A value for a parameter the runbook does not have. args: parameter, the runbook's parameters */
        UNKNOWN_PARAMETER,
        /** A value with a NUL, a newline, or over the length limit. args: parameter, limit */
        UNSAFE_VALUE,
        /** A value that starts with "-", which the program would read as an option. args: parameter */
        LEADING_DASH,
        /** A value that does not fit its type, pattern, bounds or values. args: parameter, value, what fits */
        BAD_VALUE
    }

    private final Reason reason;
    private final List<String> args;

    public RunbookRefused(Reason reason, String... args) {
        super(reason + " " + List.of(args));
        this.reason = reason;
        this.args = List.of(args);
    }

    public Reason reason() {
        return reason;
    }

    public List<String> args() {
        return args;
    }
}
