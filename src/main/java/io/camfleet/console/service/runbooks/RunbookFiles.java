package io.camfleet.console.service.runbooks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.camfleet.console.domain.runbooks.Runbook;
import io.camfleet.console.domain.runbooks.RunbookRefused;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads one runbook file, YAML or JSON: {@code runbooks:} and a list of runbooks. A file is taken whole or not at
 * all: the first problem, with its line from the parser, is the file's, and none of its runbooks is kept.
 */
final class RunbookFiles {

    private final ObjectMapper yaml = mapper(new YAMLFactory());
    private final ObjectMapper json = mapper(new JsonFactory());

    /** A runbook and the line it starts on, for a later problem such as a duplicate id. */
    record Read(Runbook runbook, int line) {
    }

    /** The runbooks of a file, or the problem that stops it. */
    record Outcome(List<Read> runbooks, RunbookFileProblem problem) {
    }

    private static ObjectMapper mapper(JsonFactory factory) {
        return JsonMapper.builder(factory)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** @param name the file's name as the operator knows it, for the problem */
    Outcome read(String name, byte[] content) {
        ObjectMapper mapper = name.endsWith(".json") ? json : yaml;
        List<Read> out = new ArrayList<>();
        int line = 0;
        try (JsonParser p = mapper.createParser(content)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return problem(name, p.currentTokenLocation(), "runbooks.file.noList");
            }
            boolean listed = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                if (!"runbooks".equals(p.currentName())) {
                    return problem(name, p.currentTokenLocation(), "runbooks.file.unknownField", p.currentName(),
                            "runbooks");
                }
                listed = true;
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    return problem(name, p.currentTokenLocation(), "runbooks.file.noList");
                }
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    line = p.currentTokenLocation().getLineNr();
                    RunbookFormat.Entry entry = mapper.readValue(p, RunbookFormat.Entry.class);
                    out.add(new Read(entry.toRunbook(), line));
                }
                if (p.currentToken() != JsonToken.END_ARRAY) {
                    return problem(name, p.currentTokenLocation(), "runbooks.file.noList");
                }
            }
            if (!listed) {
                return problem(name, p.currentTokenLocation(), "runbooks.file.noList");
            }
            return new Outcome(List.copyOf(out), null);
        } catch (RunbookRefused e) {
            // the rules of a runbook: named at the line where that runbook starts
            return new Outcome(List.of(), new RunbookFileProblem(name, line, 0,
                    "runbooks.refused." + e.reason().name(), List.copyOf(e.args())));
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            // Jackson is past the field's value by then: its line is right, its column would point after the value
            int at = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            return new Outcome(List.of(), new RunbookFileProblem(name, at, 0, "runbooks.file.unknownField",
                    List.of(e.getPropertyName(), known)));
        } catch (InvalidFormatException e) {
            return problem(name, e.getLocation(), "runbooks.file.badValue", String.valueOf(e.getValue()), path(e),
                    fits(e.getTargetType()));
        } catch (JsonProcessingException e) {
            // YAML or JSON syntax, or a value of the wrong shape (a list where a text goes)
            return problem(name, e.getLocation(), "runbooks.file.unreadable", e.getOriginalMessage());
        } catch (IOException e) {
            return new Outcome(List.of(), new RunbookFileProblem(name, 0, 0, "runbooks.file.unreadable",
                    List.of(String.valueOf(e.getMessage()))));
        }
    }

    private static String path(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m) {
            return m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
        }
        return "";
    }

    /** What a field takes: an enum's values as written in a file, else the kind of value. */
    private static String fits(Class<?> type) {
        if (type.isEnum()) {
            return java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.toString().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }
        return type == Integer.class || type == Long.class || type == int.class || type == long.class
                ? "a whole number" : type == boolean.class || type == Boolean.class ? "true or false"
                : type.getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static Outcome problem(String name, JsonLocation at, String key, Object... args) {
        int line = at == null ? 0 : Math.max(0, at.getLineNr());
        int column = at == null ? 0 : Math.max(0, at.getColumnNr());
        return new Outcome(List.of(), new RunbookFileProblem(name, line, column, key, List.of(args)));
    }
}
