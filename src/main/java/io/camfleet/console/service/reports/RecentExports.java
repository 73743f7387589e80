package io.camfleet.console.service.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.domain.reports.ReportKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The last {@value #KEEP} exports of a data folder, newest first, in {@code reports/recent.json} (rewritten atomically).
 * The list is a convenience: a file it cannot read or write is logged and the list starts again, never failing an
 * export that has been written.
 */
public final class RecentExports {

    public static final int KEEP = 20;

    private static final Logger LOG = LoggerFactory.getLogger(RecentExports.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    /** @param folder the data folder */
    public RecentExports(Path folder) {
        this.file = folder.resolve("reports").resolve("recent.json");
    }

    /** Newest first; each says whether its file is still there. */
    public synchronized List<RecentExport> list() {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            LOG.warn("Recent exports {} unreadable, starting a new list: {}", file, e.getMessage());
            return List.of();
        }
        List<RecentExport> all = new ArrayList<>();
        for (JsonNode n : root.path("exports")) {
            try {
                List<Path> files = new ArrayList<>();
                n.path("files").forEach(f -> files.add(Path.of(f.asText())));
                all.add(new RecentExport(Instant.parse(n.path("at").asText()),
                        ReportKind.parse(n.path("kind").asText()).orElseThrow(), files, n.path("bytes").asLong(),
                        n.path("operator").asText(""), Files.isRegularFile(files.getFirst())));
            } catch (RuntimeException e) {
                LOG.warn("Skipping an unreadable entry of {}: {}", file, e.toString());
            }
        }
        return List.copyOf(all);
    }

    /** Puts {@code export} first, keeping the newest {@value #KEEP}. */
    public synchronized void add(RecentExport export) {
        List<RecentExport> all = new ArrayList<>(list());
        all.addFirst(export);
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("exports");
        for (RecentExport e : all.subList(0, Math.min(KEEP, all.size()))) {
            ObjectNode n = list.addObject().put("at", e.at().toString()).put("kind", e.kind().cliName());
            ArrayNode files = n.putArray("files");
            e.files().forEach(f -> files.add(f.toString()));
            n.put("bytes", e.bytes()).put("operator", e.operator());
        }
        try {
            AtomicFile.write(file, out -> out.write(JSON.writeValueAsBytes(root)));
        } catch (RuntimeException e) {
            LOG.warn("Could not keep the export of {} in the recent list: {}", export.file(), e.getMessage());
        }
    }
}
