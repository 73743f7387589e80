package io.camfleet.console.service.devices;

import io.camfleet.console.domain.devices.ProvisionRequest;
import io.camfleet.console.service.common.Problem;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A provisioning queue as a CSV file: a header row naming the columns {@code serial, reviewer, location, assetId,
 * orgUnit} (any case, any order; only {@code serial} is required), then one device a row. The file is taken whole
 * or not at all: the first bad row is named, with its number as a spreadsheet shows it (the header is row 1).
 */
public final class ProvisioningCsv {

    public static final int MAX_ROWS = 10_000;
    /** 10,000 rows of generous values fit in well under this. */
    public static final long MAX_BYTES = 4L * 1024 * 1024;

    static final List<String> COLUMNS = List.of("serial", "reviewer", "location", "assetId", "orgUnit");

    private ProvisioningCsv() {
    }

    /**
     * The requests the file queues, checked, queued by {@code by} at {@code at}.
     *
     * @throws Problem of kind BAD_INPUT naming the file, and the row and its fault when a row is bad
     */
    public static List<ProvisionRequest> read(Path file, String by, Instant at) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw Problem.badInput("devices.csv.tooLarge", file.toString(), (size + 1023) / 1024,
                        MAX_BYTES / 1024);
            }
            return parse(file, by, at);
        } catch (CharacterCodingException e) {
            throw Problem.badInput("devices.csv.notUtf8", file.toString());
        } catch (CSVException e) {
            throw Problem.badInput("devices.csv.malformed", file.toString(), e.getMessage());
        } catch (IOException e) {
            throw Problem.badInput("devices.csv.unreadable", file.toString(), reason(e));
        }
    }

    private static List<ProvisionRequest> parse(Path file, String by, Instant at) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.parse(in)) {
            Map<String, Integer> columns = null;
            List<ProvisionRequest> requests = new ArrayList<>();
            Map<String, Long> rowOfSerial = new HashMap<>();
            for (CSVRecord record : parser) {
                long row = record.getRecordNumber();
                if (columns == null) {
                    columns = header(file, record.toList());
                    continue;
                }
                if (record.stream().allMatch(String::isBlank)) {
                    continue; // a spreadsheet's trailing empty lines
                }
                if (requests.size() == MAX_ROWS) {
                    throw Problem.badInput("devices.csv.tooManyRows", file.toString(), MAX_ROWS);
                }
                if (record.size() > columns.size()) {
                    throw Problem.badInput("devices.csv.extraCells", file.toString(), row, record.size(),
                            columns.size());
                }
                ProvisionRequest r;
                try {
                    r = ProvisionCheck.checked(ProvisionRequest.queued(cell(record, columns, "serial"),
                            cell(record, columns, "reviewer"), cell(record, columns, "location"),
                            cell(record, columns, "assetId"), cell(record, columns, "orgUnit"), by, at));
                } catch (Problem p) {
                    throw Problem.badInput("devices.csv.badRow", file.toString(), row, p.getMessage());
                }
                Long earlier = rowOfSerial.putIfAbsent(r.serial(), row);
                if (earlier != null) {
                    throw Problem.badInput("devices.csv.duplicateSerial", file.toString(), earlier, row,
                            r.serial());
                }
                requests.add(r);
            }
            if (requests.isEmpty()) {
                throw Problem.badInput("devices.csv.empty", file.toString());
            }
            return List.copyOf(requests);
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the parser's iterator wraps syntax and encoding errors
        }
    }

    /** Column name (as in {@link #COLUMNS}) to its index. */
    private static Map<String, Integer> header(Path file, List<String> cells) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            // A spreadsheet's "CSV UTF-8" starts with a byte order mark.
            String cell = (i == 0 ? cells.get(i).replaceFirst("^\uFEFF", "") : cells.get(i)).strip();
            String column = COLUMNS.stream().filter(c -> c.equalsIgnoreCase(cell)).findFirst().orElse(null);
            if (column == null) {
                unknown.add(cell.isEmpty() ? "(a column with no name)" : cell);
            } else if (columns.putIfAbsent(column, i) != null) {
                throw Problem.badInput("devices.csv.duplicateColumn", file.toString(), column);
            }
        }
        if (!unknown.isEmpty()) {
            throw Problem.badInput("devices.csv.unknownColumns", file.toString(), String.join(", ", unknown),
                    String.join(", ", COLUMNS));
        }
        if (!columns.containsKey("serial")) {
            throw Problem.badInput("devices.csv.noSerialColumn", file.toString());
        }
        return columns;
    }

    private static String cell(CSVRecord record, Map<String, Integer> columns, String column) {
        Integer i = columns.get(column);
        return i == null || i >= record.size() ? "" : record.get(i);
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
