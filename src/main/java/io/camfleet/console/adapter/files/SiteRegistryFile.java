package io.camfleet.console.adapter.files;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.camfleet.console.service.fleet.FleetData;
import io.camfleet.console.service.fleet.FleetSource;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.fleet.RegistryTable;
import io.camfleet.console.service.fleet.SiteRegistry;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An imported site registry, CSV or JSON (README, "Importing a site registry"), as the fleet's source. Every load
 * reads the file again and applies {@link SiteRegistry}'s rules, so an edited file is picked up by a reload.
 *
 * <p>Cells are read as text: the CSV parser and Jackson hand over strings, and nothing here interprets them.
 */
public final class SiteRegistryFile implements FleetSource {

    private static final CSVFormat CSV = CSVFormat.RFC4180;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Path file;

    public SiteRegistryFile(Path file) {
        this.file = file;
    }

    @Override
    public String name() {
        return "Import: " + file.getFileName();
    }

    @Override
    public boolean isLocal() {
        return true;
    }

    @Override
    public FleetData load(Instant now, Progress progress) {
        progress.update("Reading " + file.getFileName(), 0, -1);
        RegistryTable table = read();
        progress.checkCancelled();
        return SiteRegistry.toFleet(file.toString(), table);
    }

    /**
     * The file's columns and rows, as text.
     *
     * @throws Problem of kind BAD_INPUT when the file is not a .csv or .json, too large, unreadable, not UTF-8 or
     *                 not valid CSV or JSON
     */
    RegistryTable read() {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean csv = name.endsWith(".csv");
        if (!csv && !name.endsWith(".json")) {
            throw Problem.badInput("problem.importFileType", file.toString());
        }
        try {
            long size = Files.size(file);
            if (size > SiteRegistry.MAX_FILE_BYTES) {
                throw Problem.badInput("problem.importTooLarge", file.toString(), size >> 20,
                        SiteRegistry.MAX_FILE_BYTES >> 20);
            }
            return csv ? readCsv() : readJson();
        } catch (CharacterCodingException e) {
            throw Problem.badInput("problem.importNotUtf8", file.toString());
        } catch (CSVException | JsonProcessingException e) {
            throw Problem.badInput("problem.importMalformed", file.toString(), csv ? "CSV" : "JSON",
                    e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage());
        } catch (IOException e) {
            throw Problem.badInput("problem.importUnreadable", file.toString(), reason(e));
        }
    }

    /** A header row names the columns; each record after it is a data row. */
    private RegistryTable readCsv() throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = CSV.parse(in)) {
            List<String> header = null;
            List<RegistryTable.Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (header == null) {
                    header = header(record.toList());
                    continue;
                }
                Map<String, String> cells = new HashMap<>();
                int extra = 0;
                for (int i = 0; i < record.size(); i++) {
                    if (i < header.size()) {
                        cells.put(header.get(i), record.get(i));
                    } else if (!record.get(i).isBlank()) {
                        extra++;
                    }
                }
                rows.add(new RegistryTable.Row(rows.size() + 1, cells, extra));
            }
            return new RegistryTable(header == null ? List.of() : header, rows);
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the parser's iterator wraps syntax and encoding errors
        }
    }

    private List<String> header(List<String> cells) {
        List<String> header = new ArrayList<>();
        for (String cell : cells) {
            // A spreadsheet's "CSV UTF-8" starts with a byte order mark.
            String column = (header.isEmpty() ? cell.replaceFirst("^\uFEFF", "") : cell).strip();
            if (header.contains(column)) {
                throw Problem.badInput("problem.importDuplicateColumn", file.toString(), column);
            }
            header.add(column);
        }
        return header;
    }

    /** An array of objects, one per row, or an object whose "sites" member is that array. */
    private RegistryTable readJson() throws IOException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JSON.readTree(in);
        }
        if (root == null || root.isMissingNode()) {
            return new RegistryTable(List.of(), List.of());
        }
        JsonNode list = root.isObject() ? root.get("sites") : root;
        if (list == null || !list.isArray()) {
            throw Problem.badInput("problem.importJsonShape", file.toString());
        }
        Set<String> columns = new LinkedHashSet<>();
        List<RegistryTable.Row> rows = new ArrayList<>();
        for (JsonNode element : list) {
            int number = rows.size() + 1;
            if (!element.isObject()) {
                throw Problem.badInput("problem.importJsonRow", file.toString(), number);
            }
            Map<String, String> cells = new HashMap<>();
            for (Map.Entry<String, JsonNode> cell : element.properties()) {
                JsonNode value = cell.getValue();
                if (value.isContainerNode()) {
                    throw Problem.badInput("problem.importJsonValue", file.toString(), number, cell.getKey());
                }
                cells.put(cell.getKey(), value.isNull() ? "" : value.asText());
                columns.add(cell.getKey());
            }
            rows.add(new RegistryTable.Row(number, cells, 0));
        }
        return new RegistryTable(List.copyOf(columns), rows);
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
