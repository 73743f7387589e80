package io.camfleet.console.service.alerts;

import io.camfleet.console.service.common.Problem;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a route's secret is kept (a Slack webhook URL, a PagerDuty routing key): the NAME of an environment variable
 * or the PATH of a file. The console stores only this, never the secret (DESIGN.md), and reads the secret each time it
 * sends.
 *
 * @param name the variable's name, or the file's path; empty for {@link Kind#NONE}
 */
public record SecretSource(Kind kind, String name) {

    public enum Kind { NONE, ENV, FILE }

    public static final SecretSource NONE = new SecretSource(Kind.NONE, "");

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    public SecretSource {
        Objects.requireNonNull(kind, "kind");
        name = name == null ? "" : name.strip();
        if (kind == Kind.NONE) {
            name = "";
        } else if (name.isEmpty()) {
            throw Problem.badInput(kind == Kind.ENV ? "alertRoutes.secret.noVariable" : "alertRoutes.secret.noFile");
        } else if (kind == Kind.ENV && !VARIABLE.matcher(name).matches()) {
            // Never echo what was typed: it may be the secret itself, pasted in the wrong field.
            throw Problem.badInput("alertRoutes.secret.badVariable");
        }
    }

    public static SecretSource env(String variable) {
        return new SecretSource(Kind.ENV, variable);
    }

    public static SecretSource file(String path) {
        return new SecretSource(Kind.FILE, path);
    }

    /**
     * As written in the settings file: {@code env:NAME}, {@code file:PATH}, or empty.
     *
     * @throws Problem (BAD_INPUT) for anything else
     */
    public static SecretSource parse(String stored) {
        String s = stored == null ? "" : stored.strip();
        if (s.isEmpty()) {
            return NONE;
        }
        if (s.startsWith("env:")) {
            return env(s.substring(4));
        }
        if (s.startsWith("file:")) {
            return file(s.substring(5));
        }
        throw Problem.badInput("alertRoutes.secret.badSource");
    }

    public boolean isNone() {
        return kind == Kind.NONE;
    }

    /** As written in the settings file. */
    @Override
    public String toString() {
        return switch (kind) {
            case NONE -> "";
            case ENV -> "env:" + name;
            case FILE -> "file:" + name;
        };
    }
}
