package io.camfleet.console.domain.backup;

import java.util.Objects;

/**
 * Where a version's copy in S3 stands.
 *
 * @param state   none wanted (no bucket configured), pending (the version is stored, its put not yet done), put,
 *                or failed
 * @param key     the object's key once put ({@code prefix/camera/version.zip}); "" otherwise
 * @param problem why the put failed, one sentence; "" otherwise
 */
public record OffsiteCopy(State state, String key, String problem) {

    public static final OffsiteCopy NONE = new OffsiteCopy(State.NONE, "", "");

    public OffsiteCopy {
        Objects.requireNonNull(state, "state");
        key = Objects.requireNonNullElse(key, "");
        problem = Objects.requireNonNullElse(problem, "");
    }

    public static final OffsiteCopy PENDING = new OffsiteCopy(State.PENDING, "", "");

    public static OffsiteCopy stored(String key) {
        return new OffsiteCopy(State.STORED, key, "");
    }

    public static OffsiteCopy failed(String problem) {
        return new OffsiteCopy(State.FAILED, "", problem);
    }

    public enum State {
        NONE, PENDING, STORED, FAILED
    }
}
