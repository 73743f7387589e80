package io.camfleet.console.adapter.files;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.filter.FilteringParserDelegate;
import com.fasterxml.jackson.core.filter.JsonPointerBasedFilter;
import com.fasterxml.jackson.core.filter.TokenFilter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.SettingsSection;
import io.camfleet.console.service.settings.Settings;
import io.camfleet.console.service.settings.SettingsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Settings} as {@code settings.json} in the data folder: one JSON object per section, under the section's
 * name. Each write reads the file afresh, replaces its own section and keeps every other one as it is (sections of
 * a newer console included), then moves a temp file into place. A file that cannot be read is never written over:
 * a write keeps it beside as {@code settings.json.unreadable-TIME} first.
 */
public final class JsonSettingsStore implements SettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(JsonSettingsStore.class);
    /** Version 2 has a section per capability; version 1 kept the window's fields at the top level. */
    static final int VERSION = 2;
    private static final String VERSION_1_AT_TOP = "window";
    private static final DateTimeFormatter ASIDE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path file;
    private final Map<String, SettingsSection<?>> sections = new LinkedHashMap<>();
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** @param sections every capability's section; a section of the file not among them is kept as it is */
    public JsonSettingsStore(Path file, List<SettingsSection<?>> sections, Clock clock) {
        this.file = file;
        this.clock = clock;
        for (SettingsSection<?> s : sections) {
            if (this.sections.put(s.name(), s) != null) {
                throw new IllegalArgumentException("Two settings sections are named " + s.name());
            }
        }
    }

    @Override
    public Settings read() {
        return onDisk().settings();
    }

    @Override
    public <T> void write(SettingsSection<T> section, T value) {
        write(section, value, false);
    }

    @Override
    public <T> void remember(SettingsSection<T> section, T value) {
        try {
            write(section, value, true);
        } catch (Problem e) {
            LOG.warn("Could not save settings to {}", file, e);
        }
    }

    private synchronized <T> void write(SettingsSection<T> section, T value, boolean onlyIfReadable) {
        if (sections.get(section.name()) != section) {
            throw new IllegalArgumentException(section + " is not one of this store's");
        }
        OnDisk disk = onDisk();
        boolean unreadable = disk.settings().problem(section).isPresent();
        if (unreadable && onlyIfReadable) {
            LOG.info("Not saving {} to {}: it cannot be read, and is left as it is", section.name(), file);
            return;
        }
        ObjectNode root = disk.root();
        root.put("version", VERSION);
        JsonNode written = json.valueToTree(section.write(value));
        if (!unreadable && root.get(section.name()) instanceof ObjectNode was && written instanceof ObjectNode now) {
            // Fields a newer console keeps in this section stay.
            written = was.setAll(now);
        }
        root.set(section.name(), written);
        Path tmp = null;
        try {
            tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "settings", ".tmp");
            json.writeValue(tmp.toFile(), root);
            try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                c.force(true);
            }
            if (unreadable && disk.bytes() != null) {
                keepAside();
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            throw new Problem(e, "settings.unwritable", file.toString(), reason(e));
        }
    }

    /**
     * Keeps the file as it is under a name of its own before a new one takes its place: a second link to it, so that
     * it is never missing, not even for a moment; a copy where the file system has no links.
     */
    private void keepAside() throws IOException {
        String name = file.getFileName() + ".unreadable-" + ASIDE_TIME.format(clock.instant());
        Path aside = file.resolveSibling(name);
        for (int n = 2; Files.exists(aside, LinkOption.NOFOLLOW_LINKS); n++) {
            aside = file.resolveSibling(name + "-" + n);
        }
        try {
            Files.createLink(aside, file);
        } catch (UnsupportedOperationException | IOException noLinks) {
            Path copy = Files.createTempFile(file.toAbsolutePath().getParent(), "settings", ".aside");
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            Files.move(copy, aside, StandardCopyOption.ATOMIC_MOVE);
        }
        LOG.warn("Settings {} could not be read; kept as {} before writing new ones", file, aside);
    }

    /**
     * The file as it is now: its bytes (null when there is none), its sections to write to (empty when it cannot be
     * read) and their values.
     */
    private record OnDisk(byte[] bytes, ObjectNode root, Settings settings) {
    }

    private OnDisk onDisk() {
        if (!Files.exists(file)) {
            return new OnDisk(null, json.createObjectNode(), Settings.DEFAULTS);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new OnDisk(new byte[0], json.createObjectNode(),
                    Settings.unreadable(new Problem(e, "settings.unreadable", file.toString(), reason(e))));
        }
        ObjectNode root;
        try {
            root = json.readValue(bytes, ObjectNode.class);
        } catch (JsonProcessingException e) {
            return new OnDisk(bytes, json.createObjectNode(), Settings.unreadable(problem(e)));
        } catch (IOException e) {
            return new OnDisk(bytes, json.createObjectNode(),
                    Settings.unreadable(new Problem(e, "settings.unreadable", file.toString(), reason(e))));
        }
        boolean version1 = !root.has(VERSION_1_AT_TOP) && root.path("version").asInt(1) < VERSION;
        Settings settings = Settings.DEFAULTS;
        for (SettingsSection<?> s : sections.values()) {
            JsonPointer at = version1 && s.name().equals(VERSION_1_AT_TOP)
                    ? JsonPointer.empty() : JsonPointer.compile("/" + s.name());
            settings = read(bytes, at, root.at(at), s, settings);
        }
        if (version1) {
            // Its top-level values were the window's: they are the window's section now.
            ObjectNode window = json.createObjectNode();
            List<String> top = new ArrayList<>();
            root.properties().forEach(e -> {
                if (!e.getValue().isContainerNode() && !e.getKey().equals("version")) {
                    window.set(e.getKey(), e.getValue());
                    top.add(e.getKey());
                }
            });
            root.remove(top);
            root.set(VERSION_1_AT_TOP, window);
        }
        return new OnDisk(bytes, root, settings);
    }

    /** {@code settings} with {@code section} as the file holds it at {@code at}: bound, then checked. */
    private <T> Settings read(byte[] bytes, JsonPointer at, JsonNode node, SettingsSection<T> section,
                              Settings settings) {
        if (node.isMissingNode() || node.isNull()) {
            return settings;
        }
        Object stored;
        try {
            // Bound from the file's text, not from the tree, so that a value of the wrong kind is named by its line.
            ObjectReader reader = json.readerFor(section.format());
            stored = (at.matches() ? reader : reader.at(at)).readValue(bytes);
        } catch (IOException e) {
            return settings.withUnreadable(section, e instanceof JsonProcessingException j ? problem(j)
                    : new Problem(e, "settings.unreadable", file.toString(), reason(e)));
        }
        try {
            return settings.with(section, section.read(stored));
        } catch (RuntimeException e) {
            JsonLocation where = start(bytes, at);
            return settings.withUnreadable(section, new Problem(e, "settings.unreadable.at", file.toString(),
                    where.getLineNr(), where.getColumnNr(), reason(e)));
        }
    }

    /** Where the value at {@code at} begins in the file. */
    private JsonLocation start(byte[] bytes, JsonPointer at) {
        try (JsonParser p = at.matches() ? json.createParser(bytes) : new FilteringParserDelegate(
                json.createParser(bytes), new JsonPointerBasedFilter(at), TokenFilter.Inclusion.ONLY_INCLUDE_ALL,
                false)) {
            p.nextToken();
            return p.currentTokenLocation();
        } catch (IOException e) {
            return JsonLocation.NA;
        }
    }

    private Problem problem(JsonProcessingException e) {
        JsonLocation where = e.getLocation() == null ? JsonLocation.NA : e.getLocation();
        return new Problem(e, "settings.unreadable.at", file.toString(), where.getLineNr(), where.getColumnNr(),
                firstLine(e.getOriginalMessage()));
    }

    private static void deleteQuietly(Path tmp) {
        try {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove {}", tmp, e);
        }
    }

    private static String reason(Exception e) {
        return firstLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    /** The first line, without a closing full stop: the sentence it goes into has its own. */
    private static String firstLine(String m) {
        String line = m == null ? "" : m.lines().findFirst().orElse(m).strip();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
