package io.camfleet.console.service.common;

import java.util.Locale;

/**
 * A failure the user can act on. It carries a message key and arguments instead of English text, so the CLI and the
 * window say the same sentence from the one bundle. {@link #getMessage()} is the English text, for logs.
 */
public class Problem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of failure, which decides the CLI's exit code. */
    public enum Kind {
        /** What the user gave was wrong: a value, a file. */
        BAD_INPUT,
        /** Something the console needs is not there or not usable: a folder, a lock, a network. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String key;
    private final transient Object[] args;

    public Problem(String key, Object... args) {
        this(Kind.UNAVAILABLE, null, key, args);
    }

    public Problem(Throwable cause, String key, Object... args) {
        this(Kind.UNAVAILABLE, cause, key, args);
    }

    protected Problem(Kind kind, Throwable cause, String key, Object... args) {
        super(new Messages(Locale.ROOT).text(key, args), cause);
        this.kind = kind;
        this.key = key;
        this.args = args.clone();
    }

    /** A problem with what the user gave. */
    public static Problem badInput(String key, Object... args) {
        return new Problem(Kind.BAD_INPUT, null, key, args);
    }

    public Kind kind() {
        return kind;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
