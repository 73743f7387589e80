package io.camfleet.console.service;

/**
 * A failure the user can act on. It carries a message key and arguments instead of English text, so the CLI and the
 * window say the same sentence from the one bundle. {@link #getMessage()} is the English text for logs.
 */
public class Problem extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String key;
    private final transient Object[] args;

    public Problem(String key, Object... args) {
        this(null, key, args);
    }

    public Problem(Throwable cause, String key, Object... args) {
        super(new Messages(java.util.Locale.ROOT).text(key, args), cause);
        this.key = key;
        this.args = args.clone();
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
