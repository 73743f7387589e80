package io.camfleet.console.service.runbooks;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.camfleet.console.domain.runbooks.CommandTemplate;
import io.camfleet.console.domain.runbooks.ParameterType;
import io.camfleet.console.domain.runbooks.Runbook;
import io.camfleet.console.domain.runbooks.RunbookKind;
import io.camfleet.console.domain.runbooks.RunbookParameter;
import io.camfleet.console.domain.runbooks.RunbookRefused;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a runbook is written in a file (YAML or JSON); kept apart from the domain's record so either can change. */
final class RunbookFormat {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(s|m|h)?");

    private RunbookFormat() {
    }

    record Entry(String id,
                 String title,
                 String description,
                 RunbookKind kind,
                 String command,
                 List<Parameter> parameters,
                 String timeout,
                 Integer outputLimit) {

        /** @throws RunbookRefused when the rules of a runbook refuse it */
        Runbook toRunbook() {
            Duration t = null;
            if (timeout != null) {
                Matcher m = DURATION.matcher(timeout.strip());
                if (!m.matches()) {
                    throw new RunbookRefused(RunbookRefused.Reason.OUT_OF_BOUNDS, "timeout", "1s", "1h");
                }
                long n = Long.parseLong(m.group(1));
                t = "m".equals(m.group(2)) ? Duration.ofMinutes(n) : "h".equals(m.group(2)) ? Duration.ofHours(n)
                        : Duration.ofSeconds(n);
            }
            if (id == null) {
                throw new RunbookRefused(RunbookRefused.Reason.MISSING_FIELD, "id");
            }
            if (command == null) {
                throw new RunbookRefused(RunbookRefused.Reason.MISSING_FIELD, "command");
            }
            List<RunbookParameter> ps = parameters == null ? List.of()
                    : parameters.stream().map(Parameter::toParameter).toList();
            return new Runbook(id, title, description, kind, CommandTemplate.parse(command), ps, t,
                    outputLimit == null ? 0 : outputLimit);
        }
    }

    record Parameter(String name,
                     ParameterType type,
                     @JsonProperty("default") String defaultValue,
                     Boolean required,
                     String pattern,
                     Long min,
                     Long max,
                     List<String> values,
                     Integer maxLength,
                     Boolean multiline) {

        RunbookParameter toParameter() {
            return new RunbookParameter(name, type, defaultValue, Boolean.TRUE.equals(required), pattern, min, max,
                    values, maxLength == null ? 0 : maxLength, Boolean.TRUE.equals(multiline));
        }
    }
}
