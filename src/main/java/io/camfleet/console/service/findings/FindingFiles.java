package io.camfleet.console.service.findings;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camfleet.console.domain.findings.Finding;
import io.camfleet.console.domain.findings.Severity;
import io.camfleet.console.service.common.Problem;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the findings of a file, whole or not at all: one bad row refuses the import with the row's number and what
 * is wrong with it. An import replaces the findings of its source, so a half-read scanner export would silently close
 * every finding after the bad row; refusing it keeps the last good import standing until the file is fixed.
 *
 * <p>The plain CSV needs a header; the columns {@code CVE, severity, package, host} are required, {@code image} and
 * {@code title} are read when present, in any order and case; other columns are ignored. Rows are numbered from 1,
 * the first row after the header. The same CVE, package and host twice is one finding.
 */
public final class FindingFiles {

    /** Larger than any scanner export of a fleet this size; bounds what one import holds in memory. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;
    public static final int MAX_FINDINGS = 200_000;

    private static final List<String> REQUIRED = List.of("cve", "severity", "package", "host");
    private static final ObjectMapper JSON = new ObjectMapper();

    private FindingFiles() {
    }

    public static List<Finding> read(Path file, ImportFormat format, Instant now) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw Problem.badInput("findings.import.tooBig", file, MAX_BYTES / (1024 * 1024));
            }
            return format == ImportFormat.CSV ? csv(file, now) : inspector(file, now);
        } catch (NoSuchFileException e) {
            throw Problem.badInput("findings.import.noFile", file);
        } catch (IOException e) {
            throw new Problem(e, "findings.import.unreadable", file, e.getMessage());
        }
    }

    private static List<Finding> csv(Path file, Instant now) throws IOException {
        String where = file.getFileName().toString();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, format)) {
            Map<String, String> columns = new LinkedHashMap<>();
            parser.getHeaderNames().forEach(h -> columns.putIfAbsent(
                    h.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT), h));
            for (String c : REQUIRED) {
                if (!columns.containsKey(c)) {
                    throw Problem.badInput("findings.import.noColumn", where, c);
                }
            }
            Map<String, Finding> found = new LinkedHashMap<>();
            int row = 0;
            for (CSVRecord r : parser) {
                row++;
                if (!r.isConsistent()) {
                    throw Problem.badInput("findings.import.columns", where, row, parser.getHeaderNames().size(),
                            r.size());
                }
                Finding f = row(r, columns, where, row, now);
                found.putIfAbsent(f.id(), f);
                if (found.size() > MAX_FINDINGS) {
                    throw Problem.badInput("findings.import.tooMany", where, MAX_FINDINGS);
                }
            }
            return List.copyOf(found.values());
        } catch (UncheckedIOException e) {
            // commons-csv reports a broken quote this way, with the line it saw
            throw Problem.badInput("findings.import.malformed", where, e.getCause().getMessage());
        }
    }

    private static Finding row(CSVRecord r, Map<String, String> columns, String where, int row, Instant now) {
        String cve = cell(r, columns, "cve", where, row, true);
        String severityText = cell(r, columns, "severity", where, row, true);
        Severity severity = Severity.parse(severityText).orElseThrow(() ->
                Problem.badInput("findings.import.badSeverity", where, row, severityText));
        String pkg = cell(r, columns, "package", where, row, true);
        String host = cell(r, columns, "host", where, row, true);
        String image = cell(r, columns, "image", where, row, false);
        String title = InspectorJson.clip(columns.containsKey("title") ? r.get(columns.get("title")) : "",
                InspectorJson.MAX_TITLE);
        return new Finding(csvId(cve, pkg, host), ImportFormat.CSV.source(), cve, severity, pkg, host, image, title,
                now);
    }

    private static String cell(CSVRecord r, Map<String, String> columns, String column, String where, int row,
                               boolean required) {
        String v = columns.containsKey(column) ? r.get(columns.get(column)) : "";
        if (required && v.isEmpty()) {
            throw Problem.badInput("findings.import.missing", where, row, column);
        }
        return InspectorJson.bounded(v, where, row, column);
    }

    /** The same CVE in the same package on the same host is the same finding in every import. */
    static String csvId(String cve, String pkg, String host) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest((cve + '\n' + pkg + '\n' + host)
                    .toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "csv-" + HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Inspector's export: {@code {"findings": [...]}} as ListFindings returns it, or the bare array. */
    private static List<Finding> inspector(Path file, Instant now) throws IOException {
        String where = file.getFileName().toString();
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonParseException e) {
            throw Problem.badInput("findings.import.malformed", where, e.getOriginalMessage());
        }
        JsonNode array = root != null && root.isObject() ? root.path("findings") : root;
        if (array == null || !array.isArray()) {
            throw Problem.badInput("findings.import.noFindings", where);
        }
        if (array.size() > MAX_FINDINGS) {
            throw Problem.badInput("findings.import.tooMany", where, MAX_FINDINGS);
        }
        Map<String, Finding> found = new LinkedHashMap<>();
        int n = 0;
        for (JsonNode f : array) {
            n++;
            InspectorJson.finding(f, ImportFormat.INSPECTOR.source(), where, n, now)
                    .ifPresent(x -> found.putIfAbsent(x.id(), x));
        }
        return new ArrayList<>(found.values());
    }
}
