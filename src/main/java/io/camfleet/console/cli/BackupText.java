package io.camfleet.console.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.domain.backup.BackupAge;
import io.camfleet.console.domain.backup.BackupOutcome;
import io.camfleet.console.domain.backup.BackupVersion;
import io.camfleet.console.domain.backup.ConfigDiff;
import io.camfleet.console.domain.backup.DiffRow;
import io.camfleet.console.domain.backup.FileDiff;
import io.camfleet.console.domain.backup.OffsiteCopy;
import io.camfleet.console.service.common.Messages;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How {@code camfleet backup} and {@code camfleet restore} print versions, outcomes and diffs. */
final class BackupText {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** The width of each side of a diff row, so that two sides fit a terminal of 100 columns. */
    static final int SIDE = 40;
    /** Unchanged lines shown around each change. */
    static final int CONTEXT = 2;

    private final Messages messages;
    private final PrintWriter out;

    BackupText(Messages messages, PrintWriter out) {
        this.messages = messages;
        this.out = out;
    }

    void outcomes(List<BackupOutcome> outcomes) {
        int fresh = 0;
        int same = 0;
        int failed = 0;
        for (BackupOutcome o : outcomes) {
            switch (o.result()) {
                case NEW_VERSION -> {
                    fresh++;
                    out.println(messages.text("backup.cli.new", o.cameraId(), o.version().number(),
                            o.version().files(), o.version().bytes()));
                    copy(o.version().copy());
                }
                case UNCHANGED -> {
                    same++;
                    out.println(messages.text("backup.cli.unchanged", o.cameraId(), o.version().number()));
                }
                case FAILED -> {
                    failed++;
                    out.println(messages.text("backup.cli.failed", o.cameraId(), o.problem()));
                }
            }
            if (!o.skipped().isEmpty()) {
                out.println("  " + messages.text("backup.cli.skipped", String.join(", ", o.skipped())));
            }
        }
        out.println(messages.text("backup.cli.summary", outcomes.size(), fresh, same, failed));
    }

    private void copy(OffsiteCopy c) {
        switch (c.state()) {
            case STORED -> out.println("  " + messages.text("backup.cli.copied", c.key()));
            case FAILED -> out.println("  " + messages.text("backup.cli.copyFailed", c.problem()));
            case PENDING -> out.println("  " + messages.text("backup.cli.copyPending"));
            case NONE -> { }
        }
    }

    void versions(String cameraId, List<BackupVersion> versions, Optional<Duration> age) {
        if (versions.isEmpty()) {
            out.println(messages.text("backup.cli.noVersions", cameraId));
            return;
        }
        out.println(messages.text("backup.cli.versions", cameraId, BackupAge.text(age.orElse(Duration.ZERO))));
        for (BackupVersion v : versions) {
            String note = v.afterRestore() ? messages.text("backup.cli.restoredFrom", v.restoredFrom()) : "";
            String copy = switch (v.copy().state()) {
                case STORED -> "s3";
                case FAILED -> messages.text("backup.cli.s3Failed");
                case PENDING -> messages.text("backup.cli.s3Pending");
                case NONE -> "";
            };
            out.println(String.format(Locale.ROOT, "  v%-4d %s  %-12s %5d files %,12d B  %s  %s %s", v.number(),
                    WHEN.format(v.takenAt()), v.takenBy(), v.files(), v.bytes(), v.checksum().substring(0, 12),
                    copy, note).stripTrailing());
        }
    }

    void diff(ConfigDiff diff) {
        List<FileDiff> changed = diff.changed();
        out.println(messages.text("backup.cli.diffHeading", diff.cameraId(), diff.older(), diff.newer(),
                changed.size(), diff.files().size()));
        for (FileDiff f : changed) {
            out.println();
            out.println(messages.text(f.binary() ? "backup.cli.fileBinary" : "backup.cli.file", f.path(),
                    messages.text("backup.change." + f.change().name())));
            List<DiffRow> rows = f.rows();
            int shownUpTo = -1;
            for (int i = 0; i < rows.size(); i++) {
                if (!near(rows, i)) {
                    continue;
                }
                if (shownUpTo >= 0 && i > shownUpTo + 1) {
                    out.println("     ...");
                }
                out.println(row(rows.get(i)));
                shownUpTo = i;
            }
        }
    }

    /** A row is shown when it or one of its {@link #CONTEXT} neighbours changed. */
    private static boolean near(List<DiffRow> rows, int i) {
        for (int k = Math.max(0, i - CONTEXT); k <= Math.min(rows.size() - 1, i + CONTEXT); k++) {
            if (rows.get(k).change() != DiffRow.Change.SAME) {
                return true;
            }
        }
        return false;
    }

    static String row(DiffRow r) {
        String mark = switch (r.change()) {
            case SAME -> " ";
            case CHANGED -> "~";
            case REMOVED -> "-";
            case ADDED -> "+";
        };
        return String.format(Locale.ROOT, "%5s %-" + SIDE + "s %s %5s %s", r.leftLine() == 0 ? "" : r.leftLine(),
                clip(r.left()), mark, r.rightLine() == 0 ? "" : r.rightLine(), clip(r.right())).stripTrailing();
    }

    private static String clip(String s) {
        String flat = s.replace('\t', ' ');
        return flat.length() <= SIDE ? flat : flat.substring(0, SIDE - 1) + "…";
    }

    static void json(ObjectNode o, BackupVersion v) {
        o.put("camera", v.cameraId()).put("version", v.number()).put("takenAt", v.takenAt().toString())
                .put("takenBy", v.takenBy()).put("checksum", v.checksum()).put("files", v.files())
                .put("bytes", v.bytes()).put("restoredFrom", v.restoredFrom())
                .put("s3", v.copy().state().name().toLowerCase(Locale.ROOT)).put("s3Key", v.copy().key())
                .put("s3Problem", v.copy().problem());
    }

    static String json(ConfigDiff diff) {
        ObjectNode doc = new ObjectMapper().createObjectNode().put("camera", diff.cameraId())
                .put("older", diff.older()).put("newer", diff.newer());
        ArrayNode files = doc.putArray("files");
        for (FileDiff f : diff.files()) {
            ObjectNode o = files.addObject().put("path", f.path())
                    .put("change", f.change().name().toLowerCase(Locale.ROOT)).put("binary", f.binary());
            ArrayNode rows = o.putArray("rows");
            f.rows().forEach(r -> rows.addObject().put("change", r.change().name().toLowerCase(Locale.ROOT))
                    .put("leftLine", r.leftLine()).put("left", r.left())
                    .put("rightLine", r.rightLine()).put("right", r.right()));
        }
        return doc.toPrettyString();
    }
}
