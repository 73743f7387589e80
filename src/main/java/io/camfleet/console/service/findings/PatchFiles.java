package io.camfleet.console.service.findings;

import io.camfleet.console.domain.findings.PatchState;
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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scanner's patch report as CSV, for cameras SSM does not manage: a header naming the columns {@code host,
 * patch level, installed, missing, missing security} (any case, spaces or underscores), one row per host. Read whole
 * or not at all, as findings files are: a bad row is named and nothing is imported. A host listed twice keeps its
 * last row.
 */
public final class PatchFiles {

    public static final String SOURCE = "scanner-csv";
    public static final int MAX_HOSTS = 100_000;
    private static final List<String> REQUIRED = List.of("host", "patch level", "installed", "missing",
            "missing security");

    private PatchFiles() {
    }

    public static List<PatchState> read(Path file, Instant now) {
        String where = file.getFileName().toString();
        try {
            if (Files.size(file) > FindingFiles.MAX_BYTES) {
                throw Problem.badInput("findings.import.tooBig", file, FindingFiles.MAX_BYTES / (1024 * 1024));
            }
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).setTrim(true).get();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 CSVParser parser = CSVParser.parse(in, format)) {
                Map<String, String> columns = new LinkedHashMap<>();
                parser.getHeaderNames().forEach(h -> columns.putIfAbsent(h.replace("\uFEFF", "").strip()
                        .replace('_', ' ').toLowerCase(Locale.ROOT), h));
                for (String c : REQUIRED) {
                    if (!columns.containsKey(c)) {
                        throw Problem.badInput("findings.patches.noColumn", where, c);
                    }
                }
                Map<String, PatchState> states = new LinkedHashMap<>();
                int row = 0;
                for (CSVRecord r : parser) {
                    row++;
                    if (!r.isConsistent()) {
                        throw Problem.badInput("findings.import.columns", where, row,
                                parser.getHeaderNames().size(), r.size());
                    }
                    String host = r.get(columns.get("host"));
                    if (host.isEmpty()) {
                        throw Problem.badInput("findings.import.missing", where, row, "host");
                    }
                    int installed = count(r, columns, "installed", where, row);
                    int missing = count(r, columns, "missing", where, row);
                    int security = count(r, columns, "missing security", where, row);
                    if (security > missing) {
                        throw Problem.badInput("findings.patches.securityOverMissing", where, row, security, missing);
                    }
                    states.put(host.toLowerCase(Locale.ROOT), new PatchState(InspectorJson.bounded(host, where, row,
                            "host"), SOURCE, InspectorJson.bounded(r.get(columns.get("patch level")), where, row,
                            "patch level"), installed, missing, security, now));
                    if (states.size() > MAX_HOSTS) {
                        throw Problem.badInput("findings.import.tooMany", where, MAX_HOSTS);
                    }
                }
                return List.copyOf(states.values());
            } catch (UncheckedIOException e) {
                throw Problem.badInput("findings.import.malformed", where, e.getCause().getMessage());
            }
        } catch (NoSuchFileException e) {
            throw Problem.badInput("findings.import.noFile", file);
        } catch (IOException e) {
            throw new Problem(e, "findings.import.unreadable", file, e.getMessage());
        }
    }

    private static int count(CSVRecord r, Map<String, String> columns, String column, String where, int row) {
        String v = r.get(columns.get(column));
        try {
            int n = Integer.parseInt(v);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below, with the row
        }
        throw Problem.badInput("findings.patches.badCount", where, row, column, v);
    }
}
