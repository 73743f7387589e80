package io.camfleet.console.service.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code MANIFEST.txt} of an evidence pack. Each file is one line as {@code sha256sum} prints it, so that
 * {@code sha256sum -c MANIFEST.txt} checks the unzipped pack; what the pack says about the audit chain are notes,
 * lines that start with {@code #}, which {@code sha256sum} skips:
 * <pre>
 * # period: 2026-11-01 2026-11-30 Europe/Lisbon
 * # written: 2026-12-06T17:50:00.123Z
 * # audit-extract: audit-extract.jsonl
 * # audit-before: 41 &lt;hash&gt;   the event before the extract's first (0 and 64 zeros: it starts the chain)
 * # audit-last: 97 &lt;hash&gt;     the extract's last event
 * # audit-head: 120 &lt;hash&gt;    the chain's head when the pack was written
 * # audit-anchor: 120 &lt;hash&gt; 2026-12-06T17:49:59.870Z   the anchor's last record, or "none"
 * 9f86d08...  compliance-report.pdf
 * </pre>
 */
record EvidenceManifest(String period, Instant written, String extract, Link before, Link last, Link head,
                        Optional<Anchored> anchor, Map<String, String> files) {

    static final String NAME = "MANIFEST.txt";
    private static final Pattern FILE = Pattern.compile("([0-9a-f]{64}) [ *](.+)");
    private static final Pattern NOTE = Pattern.compile("# (period|written|audit-extract|audit-before|audit-last"
            + "|audit-head|audit-anchor): (.*)");
    private static final Pattern LINK = Pattern.compile("(\\d{1,18}) ([0-9a-f]{64})");
    private static final Pattern ANCHOR = Pattern.compile("(\\d{1,18}) ([0-9a-f]{64}) (\\S+)");

    /** An event of the chain: its sequence number and its hash. */
    record Link(long seq, String hash) {
        @Override
        public String toString() {
            return seq + " " + hash;
        }
    }

    record Anchored(Link head, Instant at) {
    }

    EvidenceManifest {
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    static String period(LocalDate from, LocalDate to, ZoneId zone) {
        return from + " " + to + " " + zone.getId();
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("# CamFleet Console audit evidence pack.\n")
                .append("# Check its files: unzip it, then run sha256sum -c MANIFEST.txt in its folder.\n")
                .append("# Check its files and its audit chain: camfleet report verify PACK.zip\n")
                .append("# period: ").append(period).append('\n')
                .append("# written: ").append(written).append('\n')
                .append("# audit-extract: ").append(extract).append('\n')
                .append("# audit-before: ").append(before).append('\n')
                .append("# audit-last: ").append(last).append('\n')
                .append("# audit-head: ").append(head).append('\n')
                .append("# audit-anchor: ")
                .append(anchor.map(a -> a.head() + " " + a.at()).orElse("none")).append('\n');
        files.forEach((name, sha) -> sb.append(sha).append("  ").append(name).append('\n'));
        return sb.toString();
    }

    /**
     * Reads a manifest as far as it can.
     *
     * @param badLines     receives the number of each line that is neither a file nor a note
     * @param missingNotes receives the name of each note missing or unreadable
     * @return the manifest; its missing notes are null (the anchor: empty)
     */
    static EvidenceManifest parse(String text, List<Integer> badLines, List<String> missingNotes) {
        Map<String, String> notes = new LinkedHashMap<>();
        Map<String, String> files = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher file = FILE.matcher(line);
            Matcher note = NOTE.matcher(line);
            if (file.matches() && !files.containsKey(file.group(2))) {
                files.put(file.group(2), file.group(1));
            } else if (note.matches() && !notes.containsKey(note.group(1))) {
                notes.put(note.group(1), note.group(2).strip());
            } else if (!line.isBlank() && !(line.startsWith("#") && !note.matches())) {
                badLines.add(i + 1);
            }
        }
        for (String name : List.of("period", "audit-extract")) {
            if (!notes.containsKey(name)) {
                missingNotes.add(name);
            }
        }
        Instant written = null;
        try {
            written = Instant.parse(notes.getOrDefault("written", ""));
        } catch (java.time.format.DateTimeParseException e) {
            missingNotes.add("written");
        }
        Optional<Anchored> anchor = Optional.empty();
        String a = notes.get("audit-anchor");
        Matcher am = a == null ? null : ANCHOR.matcher(a);
        if (am != null && am.matches()) {
            try {
                anchor = Optional.of(new Anchored(new Link(Long.parseLong(am.group(1)), am.group(2)),
                        Instant.parse(am.group(3))));
            } catch (java.time.format.DateTimeParseException e) {
                missingNotes.add("audit-anchor");
            }
        } else if (!"none".equals(a)) {
            missingNotes.add("audit-anchor");
        }
        return new EvidenceManifest(notes.get("period"), written, notes.get("audit-extract"),
                link(notes, "audit-before", missingNotes), link(notes, "audit-last", missingNotes),
                link(notes, "audit-head", missingNotes), anchor, files);
    }

    private static Link link(Map<String, String> notes, String name, List<String> missing) {
        Matcher m = notes.containsKey(name) ? LINK.matcher(notes.get(name)) : null;
        if (m == null || !m.matches()) {
            missing.add(name);
            return null;
        }
        return new Link(Long.parseLong(m.group(1)), m.group(2));
    }
}
