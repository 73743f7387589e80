package io.camfleet.console.cli;

import io.camfleet.console.adapter.files.AuditAnchorFiles;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcAuditTrail;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.reports.Block;
import io.camfleet.console.domain.reports.Cover;
import io.camfleet.console.domain.reports.ReportDocument;
import io.camfleet.console.domain.reports.ReportKind;
import io.camfleet.console.domain.reports.Section;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.reports.EvidencePacks;
import io.camfleet.console.service.reports.ReportOptions;
import io.camfleet.console.service.reports.ReportProgress;
import io.camfleet.console.service.reports.ReportSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code camfleet report verify PACK.zip} run through the command line as {@code Main} builds it, on a pack written
 * from a real H2 audit trail. The command needs no data folder: the backend here refuses everything.
 */
class ReportVerifyCommandTest {

    @TempDir
    Path dir;
    private Path pack;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** {@code camfleet report}, as the reports screen's feature lists its subcommands. */
    @Command(name = "report", subcommands = ReportVerifyCommand.class)
    static final class Report {
    }

    @BeforeEach
    void aPackOfThreeEvents() {
        Path data = dir.resolve("data");
        try (CacheDatabase db = CacheDatabase.open(data, Clock.systemUTC())) {
            AuditService audit = new AuditService(new JdbcAuditTrail(db.dataSource()), new AuditAnchorFiles(data),
                    new Operator("nina", ""), Clock.systemUTC());
            audit.record("fleet.reload", "demo", Map.of(), AuditOutcome.SUCCEEDED);
            audit.record("finding.accept", "cam-1", Map.of("until", "2027-01-01"), AuditOutcome.SUCCEEDED);
            ReportSource compliance = new ReportSource() {
                @Override
                public ReportKind kind() {
                    return ReportKind.COMPLIANCE;
                }

                @Override
                public Built build(ReportOptions options, ReportProgress progress) {
                    return new Built(new ReportDocument(new Cover("Compliance", "", "", "", options.to(), null,
                            List.of()), List.of(new Section("Audit", List.of(new Block.Paragraph("Intact.")))),
                            ZoneOffset.UTC, ""), List.of());
                }
            };
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            pack = new EvidencePacks(() -> compliance, (doc, o, p) -> o.write("%PDF-1.4\n".getBytes(
                    StandardCharsets.US_ASCII)), audit, Clock.systemUTC())
                    .write(new ReportOptions(ReportKind.EVIDENCE, today.minusDays(1), today.plusDays(1), List.of(),
                            "", List.of(), Optional.empty(), dir.resolve("evidence.zip")), ReportProgress.NONE);
        }
    }

    private int run(String... args) {
        ConsoleBackend refusing = (ConsoleBackend) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConsoleBackend.class}, (proxy, method, a) -> switch (method.getName()) {
                    case "commands" -> List.of(new Report());
                    case "onCacheMovedAside", "onSettingsUnreadable" -> null;
                    default -> throw new AssertionError("report verify asked the backend for " + method.getName());
                });
        CommandLine cmd = Commands.commandLine(refusing, new Messages(Locale.ENGLISH));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void anIntactPackExitsZeroNamingItsFilesEventsAndHead() {
        int code = run("report", "verify", pack.toString());

        // The PDF and the extract; the extract holds the two events and the STARTED event of the pack itself
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains(pack + ": intact. Its 2 files match MANIFEST.txt, and the 3 events of"
                + " its audit extract chain to the event MANIFEST.txt names");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aTamperedPackExitsOneWithOneLinePerProblem() throws Exception {
        Path tampered = dir.resolve("tampered.zip");
        try (ZipFile in = new ZipFile(pack.toFile());
             ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(tampered))) {
            for (ZipEntry e : Collections.list(in.entries())) {
                byte[] bytes;
                try (InputStream s = in.getInputStream(e)) {
                    bytes = s.readAllBytes();
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(e.getName().equals("compliance-report.pdf") ? "%PDF-1.5\n".getBytes(StandardCharsets.US_ASCII)
                        : bytes);
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("extra.txt"));
            z.closeEntry();
        }

        int code = run("report", "verify", tampered.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString().lines().toList()).containsExactly(
                "compliance-report.pdf does not match its SHA-256 in MANIFEST.txt: it was changed after the pack was"
                        + " written.",
                "extra.txt is in the pack but not listed in MANIFEST.txt: it was added after the pack was written.");
        assertThat(out.toString()).contains(tampered + ": 2 problem(s) found: the pack is not as it was written.");
    }

    @Test
    void aFileThatIsNotAZipOrIsMissingExitsTwoWithASentence() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.zip"), "hello");

        assertThat(run("report", "verify", text.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("camfleet: " + text + " is not a ZIP file, so it is not an evidence pack");
        assertThat(run("report", "verify", dir.resolve("gone.zip").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("camfleet: There is no file " + dir.resolve("gone.zip"));
        assertThat(run("report", "verify")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter: 'PACK.zip'");
    }
}
