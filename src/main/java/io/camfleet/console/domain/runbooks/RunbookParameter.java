package io.camfleet.console.domain.runbooks;

import io.camfleet.console.domain.runbooks.RunbookRefused.Reason;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One parameter of a runbook and its rules. A value is checked here before it is quoted into the command: quoting
 * keeps it one inert word, these rules keep it sensible for the program that reads it.
 *
 * @param defaultValue what is used when no value is given; "" for none
 * @param pattern      a regular expression the whole value must match; "" for none
 * @param min          the lowest number (INT) or number of seconds (DURATION); null for no bound
 * @param max          the highest, likewise
 * @param values       what an ENUM may be
 * @param maxLength    the longest value in characters
 * @param multiline    whether a STRING may hold newlines
 */
public record RunbookParameter(String name, ParameterType type, String defaultValue, boolean required, String pattern,
                               Long min, Long max, List<String> values, int maxLength, boolean multiline) {

    public static final int DEFAULT_MAX_LENGTH = 256;
    public static final int PATH_MAX_LENGTH = 4096;
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Pattern INT = Pattern.compile("-?\\d{1,18}");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(s|m|h)?");

    public RunbookParameter(String name, ParameterType type, String defaultValue, boolean required, String pattern,
                            Long min, Long max, List<String> values, int maxLength, boolean multiline) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new RunbookRefused(Reason.BAD_PARAMETER_NAME, String.valueOf(name));
        }
        if (type == null) {
            throw new RunbookRefused(Reason.MISSING_FIELD, "parameters." + name + ".type");
        }
        this.name = name;
        this.type = type;
        this.defaultValue = Objects.requireNonNullElse(defaultValue, "");
        this.required = required;
        this.pattern = Objects.requireNonNullElse(pattern, "");
        this.min = min;
        this.max = max;
        this.values = values == null ? List.of() : List.copyOf(values);
        this.maxLength = maxLength > 0 ? maxLength
                : type == ParameterType.PATH ? PATH_MAX_LENGTH : DEFAULT_MAX_LENGTH;
        this.multiline = multiline;
        if (type == ParameterType.ENUM && this.values.isEmpty()) {
            throw new RunbookRefused(Reason.BAD_PARAMETER, name, "an enum lists its values");
        }
        if (!this.pattern.isEmpty()) {
            try {
                Pattern.compile(this.pattern);
            } catch (PatternSyntaxException e) {
                throw new RunbookRefused(Reason.BAD_PARAMETER, name, "its pattern is not a regular expression");
            }
        }
        if (min != null && max != null && min > max) {
            throw new RunbookRefused(Reason.BAD_PARAMETER, name, "min is above max");
        }
        if (!this.defaultValue.isEmpty()) {
            try {
                check(this.defaultValue);
            } catch (RunbookRefused e) {
                throw new RunbookRefused(Reason.BAD_PARAMETER, name, "its default does not fit its own rules");
            }
        }
    }

    /** A parameter with only a name, a type and a default: the common case. */
    public static RunbookParameter of(String name, ParameterType type, String defaultValue) {
        return new RunbookParameter(name, type, defaultValue, false, "", null, null, List.of(), 0, false);
    }

    /**
     * The value as it goes into the command (a DURATION as whole seconds), once it passes the rules.
     *
     * @throws RunbookRefused UNSAFE_VALUE, LEADING_DASH or BAD_VALUE
     */
    public String check(String value) {
        if (value.indexOf('\0') >= 0 || value.length() > maxLength
                || (!multiline && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0))) {
            throw new RunbookRefused(Reason.UNSAFE_VALUE, name, String.valueOf(maxLength));
        }
        String out = switch (type) {
            case STRING -> {
                // Quoting cannot stop a program reading "-x" as an option; a string is never one
                if (value.startsWith("-")) {
                    throw new RunbookRefused(Reason.LEADING_DASH, name);
                }
                yield value;
            }
            case INT -> {
                if (!INT.matcher(value).matches()) {
                    throw bad(value, "a whole number");
                }
                yield bounded(value, Long.parseLong(value));
            }
            case DURATION -> {
                Matcher m = DURATION.matcher(value);
                if (!m.matches()) {
                    throw bad(value, "a duration such as 30s, 5m or 1h");
                }
                long n = Long.parseLong(m.group(1));
                long seconds = m.group(2) == null || m.group(2).equals("s") ? n : m.group(2).equals("m") ? n * 60 : n * 3600;
                bounded(value, seconds);
                yield Long.toString(seconds);
            }
            case PATH -> {
                if (!value.startsWith("/") || List.of(value.split("/")).contains("..")) {
                    throw bad(value, "an absolute path without ..");
                }
                yield value;
            }
            case ENUM -> {
                if (!values.contains(value)) {
                    throw bad(value, String.join(", ", values));
                }
                yield value;
            }
        };
        if (!pattern.isEmpty() && !Pattern.compile(pattern).matcher(value).matches()) {
            throw bad(value, pattern);
        }
        return out;
    }

    private String bounded(String value, long n) {
        if ((min != null && n < min) || (max != null && n > max)) {
            throw bad(value, (min == null ? "" : min) + ".." + (max == null ? "" : max));
        }
        return value;
    }

    private RunbookRefused bad(String value, String fits) {
        return new RunbookRefused(Reason.BAD_VALUE, name, value, fits);
    }
}
