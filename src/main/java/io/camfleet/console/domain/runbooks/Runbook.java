package io.camfleet.console.domain.runbooks;

import io.camfleet.console.domain.runbooks.RunbookRefused.Reason;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A diagnostic or a remediation a support engineer runs on cameras: a command template and its parameters. Built-in
 * or read from an operator's file; either way checked whole when built, so that a runbook that exists can be run.
 *
 * @param timeout     how long one camera may take before the run is stopped
 * @param outputLimit the most bytes of output kept per camera; the rest is cut
 */
public record Runbook(String id, String title, String description, RunbookKind kind, CommandTemplate command,
                      List<RunbookParameter> parameters, Duration timeout, int outputLimit) {

    public static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration MAX_TIMEOUT = Duration.ofHours(1);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    public static final int MIN_OUTPUT = 1024;
    public static final int MAX_OUTPUT = 16 * 1024 * 1024;
    public static final int DEFAULT_OUTPUT = 256 * 1024;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public Runbook {
        if (id == null || !ID.matcher(id).matches()) {
            throw new RunbookRefused(Reason.BAD_ID, String.valueOf(id));
        }
        if (title == null || title.isBlank()) {
            throw new RunbookRefused(Reason.MISSING_FIELD, "title");
        }
        description = Objects.requireNonNullElse(description, "");
        if (kind == null) {
            throw new RunbookRefused(Reason.MISSING_FIELD, "kind");
        }
        if (command == null || command.text().isBlank()) {
            throw new RunbookRefused(Reason.MISSING_FIELD, "command");
        }
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new RunbookRefused(Reason.OUT_OF_BOUNDS, "timeout", "1s", "1h");
        }
        outputLimit = outputLimit == 0 ? DEFAULT_OUTPUT : outputLimit;
        if (outputLimit < MIN_OUTPUT || outputLimit > MAX_OUTPUT) {
            throw new RunbookRefused(Reason.OUT_OF_BOUNDS, "outputLimit", "1 KB", "16 MB");
        }
        Set<String> names = new HashSet<>();
        for (RunbookParameter p : parameters) {
            if (!names.add(p.name())) {
                throw new RunbookRefused(Reason.DUPLICATE_PARAMETER, p.name());
            }
        }
        for (String used : command.placeholders()) {
            if (!names.contains(used)) {
                throw new RunbookRefused(Reason.UNKNOWN_PLACEHOLDER, used);
            }
        }
    }

    /**
     * The command to send: every parameter's value (given, else its default) checked and quoted in.
     *
     * @param given values by parameter name; a name the runbook does not have is refused, not ignored (a typo)
     * @throws RunbookRefused UNKNOWN_PARAMETER, MISSING_VALUE or what {@link RunbookParameter#check} refuses
     */
    public String render(Map<String, String> given) {
        for (String name : given.keySet()) {
            if (parameters.stream().noneMatch(p -> p.name().equals(name))) {
                throw new RunbookRefused(Reason.UNKNOWN_PARAMETER, name,
                        parameters.stream().map(RunbookParameter::name).collect(Collectors.joining(", ")));
            }
        }
        return command.render(values(given));
    }

    /** Each parameter's value as it goes into the command, unquoted, in the runbook's order: for the record. */
    public Map<String, String> values(Map<String, String> given) {
        Map<String, String> values = new LinkedHashMap<>();
        for (RunbookParameter p : parameters) {
            String v = given.get(p.name());
            if (v == null || (v.isEmpty() && !p.defaultValue().isEmpty())) {
                v = p.defaultValue();
            }
            if (v.isEmpty() && p.required()) {
                throw new RunbookRefused(Reason.MISSING_VALUE, p.name());
            }
            // an optional parameter left empty goes in as '' (one empty word)
            values.put(p.name(), v.isEmpty() ? "" : p.check(v));
        }
        return values;
    }
}
