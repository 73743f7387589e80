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

/**
 * How a runbook is written in a file (YAML or JSON); kept apart from the domain's record so either can change. Plain
 * fields rather than records: Jackson then reads them in the file's order and places a problem (an unknown field) at
 * its own line, where a record's creator buffers the whole runbook and places it at the end.
 */
final class RunbookFormat {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(s|m|h)?");

    private RunbookFormat() {
    }

    static final class Entry {
        public String id;
        public String title;
        public String description;
        public RunbookKind kind;
        public String command;
        public List<Parameter> parameters;
        public String timeout;
        public Integer outputLimit;

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

    static final class Parameter {
        public String name;
        public ParameterType type;
        @JsonProperty("default")
        public String defaultValue;
        public Boolean required;
        public String pattern;
        public Long min;
        public Long max;
        public List<String> values;
        public Integer maxLength;
        public Boolean multiline;

        RunbookParameter toParameter() {
            return new RunbookParameter(name, type, defaultValue, Boolean.TRUE.equals(required), pattern, min, max,
                    values, maxLength == null ? 0 : maxLength, Boolean.TRUE.equals(multiline));
        }
    }
}
