package io.camfleet.console.service.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.domain.reports.ReportKind;
import io.camfleet.console.service.common.Problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The saved reports of a data folder, in {@code reports/saved.json}, rewritten whole and atomically at each change so
 * that a crash leaves the old list or the new one.
 */
public final class SavedReports {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    /** @param folder the data folder */
    public SavedReports(Path folder) {
        this.file = folder.resolve("reports").resolve("saved.json");
    }

    public Path file() {
        return file;
    }

    /**
     * @return the saved reports, by name
     * @throws Problem {@code report.saved.unreadable} when the file is there but cannot be read
     */
    public synchronized List<SavedReport> list() {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new Problem(e, "report.saved.unreadable", file, e.getMessage());
        }
        List<SavedReport> saved = new ArrayList<>();
        for (JsonNode n : root.path("reports")) {
            try {
                saved.add(read(n));
            } catch (RuntimeException e) {
                throw new Problem(e, "report.saved.unreadable", file, e.getMessage());
            }
        }
        saved.sort(Comparator.comparing(SavedReport::name));
        return List.copyOf(saved);
    }

    public Optional<SavedReport> find(String name) {
        return list().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** Saves {@code report}, replacing the one of that name if any. */
    public synchronized void save(SavedReport report) {
        List<SavedReport> all = new ArrayList<>(list());
        all.removeIf(r -> r.name().equals(report.name()));
        all.add(report);
        all.sort(Comparator.comparing(SavedReport::name));
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("reports");
        all.forEach(r -> write(list.addObject(), r));
        AtomicFile.write(file, out -> out.write(JSON.writeValueAsBytes(root)));
    }

    private static void write(ObjectNode n, SavedReport r) {
        n.put("name", r.name()).put("kind", r.kind().cliName()).put("period", r.period().text());
        r.regions().forEach(n.putArray("regions")::add);
        n.put("prospect", r.prospect());
        r.scopeSites().forEach(n.putArray("scopeSites")::add);
        n.put("priceList", r.priceList()).put("out", r.out());
    }

    private static SavedReport read(JsonNode n) {
        String name = n.path("name").asText();
        ReportKind kind = ReportKind.parse(n.path("kind").asText())
                .orElseThrow(() -> new IllegalArgumentException(name + ": no report kind " + n.path("kind")));
        ReportPeriod period = ReportPeriod.parse(n.path("period").asText())
                .orElseThrow(() -> new IllegalArgumentException(name + ": no period " + n.path("period")));
        return new SavedReport(name, kind, period, texts(n.path("regions")), n.path("prospect").asText(""),
                texts(n.path("scopeSites")), n.path("priceList").asText(""), n.path("out").asText(""));
    }

    private static List<String> texts(JsonNode array) {
        List<String> all = new ArrayList<>();
        array.forEach(v -> all.add(v.asText()));
        return all;
    }
}
