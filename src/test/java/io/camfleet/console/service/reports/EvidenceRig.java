package io.camfleet.console.service.reports;

import io.camfleet.console.adapter.files.AuditAnchorFiles;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcAuditTrail;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.reports.Block;
import io.camfleet.console.domain.reports.Column;
import io.camfleet.console.domain.reports.Cover;
import io.camfleet.console.domain.reports.ReportDocument;
import io.camfleet.console.domain.reports.ReportKind;
import io.camfleet.console.domain.reports.Section;
import io.camfleet.console.domain.reports.Table;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.TestClock;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * An evidence pack writer over a real H2 cache and a real audit trail (key and anchor files) in a folder, with a small
 * compliance report (two CSV sections, one without), a PDF renderer that writes a few bytes and a CSV writer that
 * stands in for {@link CsvTables} until it is built.
 */
final class EvidenceRig implements AutoCloseable {

    /** The period, in Tokyo (UTC+9): from 2026-10-31T15:00Z inclusive to 2026-11-30T15:00Z exclusive. */
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final LocalDate FROM = LocalDate.parse("2026-11-01");
    static final LocalDate TO = LocalDate.parse("2026-11-30");

    final TestClock clock = new TestClock(Instant.parse("2026-10-20T00:00:00Z"));
    final CacheDatabase db;
    final AuditService audit;
    final EvidencePacks packs;

    EvidenceRig(Path dir) {
        Path data = dir.resolve("data");
        db = CacheDatabase.open(data, clock);
        audit = new AuditService(new JdbcAuditTrail(db.dataSource()), new AuditAnchorFiles(data),
                new Operator("nina", "arn:aws:iam::123456789012:user/nina"), clock);
        packs = new EvidencePacks(() -> SOURCE, (doc, out, progress) -> {
            out.write(("%PDF-1.4 " + doc.cover().title() + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
            out.close();
        }, audit, clock, EvidenceRig::csv);
    }

    /** Records an event at {@code at} (after every earlier one). */
    AuditEvent record(String at, String action, String target, Map<String, String> parameters) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(at)));
        return audit.record(action, target, parameters, AuditOutcome.SUCCEEDED);
    }

    Path write(Path out) {
        return write(out, FROM, TO, ReportProgress.NONE);
    }

    /** Writes a pack at 2026-12-06T17:00Z. */
    Path write(Path out, LocalDate from, LocalDate to, ReportProgress progress) {
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-12-06T17:00:00Z")));
        return packs.write(new ReportOptions(ReportKind.EVIDENCE, from, to, List.of(), "", List.of(),
                Optional.empty(), out), progress);
    }

    static final ReportSource SOURCE = new ReportSource() {
        @Override
        public ReportKind kind() {
            return ReportKind.COMPLIANCE;
        }

        @Override
        public Built build(ReportOptions options, ReportProgress progress) {
            Table patches = new Table("patches", List.of(Column.text("Camera"), Column.text("Patch")),
                    List.of(List.of("cam-1", "KB-1"), List.of("cam-2", "KB-2")));
            Table sla = new Table("sla", List.of(Column.text("Region"), Column.percent("Attained")),
                    List.of(List.of("eu", 0.9990), List.of("us", 0.9950)));
            Table notExported = new Table("notes", List.of(Column.text("Note")), List.of(List.of("x")));
            return new Built(new ReportDocument(
                    new Cover("Compliance " + options.from() + " to " + options.to(), "", "", "nina", options.to(),
                            null, List.of()),
                    List.of(new Section("Patches", List.of(new Block.TableBlock(patches)), true),
                            new Section("SLA", List.of(new Block.TableBlock(sla)), true),
                            new Section("Notes", List.of(new Block.TableBlock(notExported)), false)),
                    TOKYO, "Confidential"), List.of());
        }
    };

    static void csv(Table table, ZoneId zone, OutputStream out) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", table.columns().stream().map(Column::header).toList())).append("\r\n");
        for (List<Object> row : table.rows()) {
            sb.append(String.join(",", row.stream().map(String::valueOf).toList())).append("\r\n");
        }
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The pack's files by name, in order. */
    static Map<String, byte[]> read(Path zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                try (InputStream in = z.getInputStream(e)) {
                    out.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return out;
    }

    /** A copy of the pack with its files changed by {@code change}. */
    static Path copy(Path zip, Path to, UnaryOperator<Map<String, byte[]>> change) throws IOException {
        Map<String, byte[]> files = change.apply(new LinkedHashMap<>(read(zip)));
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(to))) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                z.putNextEntry(new ZipEntry(f.getKey()));
                z.write(f.getValue());
                z.closeEntry();
            }
        }
        return to;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** The manifest with the line of {@code name} giving the SHA-256 of {@code now}, as a tamperer would fix it. */
    static byte[] relisted(Map<String, byte[]> files, String name, byte[] now) throws Exception {
        String manifest = new String(files.get("MANIFEST.txt"), StandardCharsets.UTF_8);
        String old = sha256(files.get(name)) + "  " + name;
        if (!manifest.contains(old)) {
            throw new IllegalStateException(name + " is not listed");
        }
        return manifest.replace(old, sha256(now) + "  " + name).getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        db.close();
    }
}
