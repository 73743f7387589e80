package io.camfleet.console.cli;

import io.camfleet.console.domain.reports.ReportKind;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.reports.ReportFakes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code camfleet report} through the command runner, over a backend whose open folder holds a report service on
 * fake sources and writers (the real ones are other parts of issue 15) and a real audit trail.
 */
class ReportCommandTest {

    @TempDir
    Path dir;
    private ReportFakes fakes;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void open() {
        fakes = new ReportFakes(dir.resolve("data"), Clock.fixed(Instant.parse("2026-12-06T05:00:00Z"),
                ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        fakes.close();
    }

    private ConsoleBackend backend() {
        ConsoleBackend.Session session = new ConsoleBackend.Session() {
            @Override
            public Path folder() {
                return dir.resolve("data");
            }

            @Override
            public AuditService audit() {
                return fakes.audit;
            }

            @Override
            public <T> Optional<T> find(Class<T> type) {
                return type.isInstance(fakes.service) ? Optional.of(type.cast(fakes.service)) : Optional.empty();
            }

            @Override
            public void close() {
            }
        };
        Messages m = new Messages(Locale.ENGLISH);
        return (ConsoleBackend) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{ConsoleBackend.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "open" -> session;
                    case "commands" -> List.of(new ReportCommand(m));
                    case "onCacheMovedAside", "onSettingsUnreadable" -> null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cmd = Commands.commandLine(backend(), new Messages(Locale.ENGLISH));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    @Test
    void aSalesProposalIsExportedWithItsQuoteAndListed() {
        Path pdf = dir.resolve("acme.pdf");
        assertThat(run("report", "sales", "--to", "2026-11-30", "--regions", "EU,US", "--prospect", "Acme",
                "--sites", "s1,s2", "--out", pdf.toString())).as(err.toString()).isZero();

        assertThat(out.toString()).contains("Exported the sales report: 2 file(s)", pdf.toString(),
                dir.resolve("acme-quote.xlsx").toString());
        assertThat(fakes.asked).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(ReportKind.SALES);
            // with no --from, a proposal covers the year to --to: 2026-11-30 - 1 year + 1 day
            assertThat(o.from()).isEqualTo(LocalDate.of(2025, 12, 1));
            assertThat(o.regions()).containsExactly("EU", "US");
            assertThat(o.scopeSites()).containsExactly("s1", "s2");
            assertThat(o.prospect()).isEqualTo("Acme");
        });
        assertThat(fakes.trail()).containsExactly("report.export STARTED", "report.export SUCCEEDED");

        assertThat(run("report", "list")).isZero();
        assertThat(out.toString()).contains("Saved reports (0):", "Recent exports (1):", "sales  " + pdf, "by nina")
                .doesNotContain("missing");
    }

    @Test
    void badDatesAPeriodBackwardsOrNoOutputSayOneSentenceAndExitTwo() {
        assertThat(run("report", "compliance", "--from", "2026-11-31", "--to", "2026-11-30", "--out", "x.pdf"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().strip()).isEqualTo("camfleet: --from 2026-11-31 is not a day: write it as "
                + "2026-11-30.");
        assertThat(run("report", "compliance", "--from", "2026-11-30", "--to", "2026-11-01", "--out", "x.pdf"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().strip()).isEqualTo("camfleet: The period ends (2026-11-01) before it starts "
                + "(2026-11-30): give a last day on or after the first.");
        assertThat(run("report", "evidence", "--from", "2026-11-01", "--to", "2026-11-30")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().strip()).startsWith("camfleet: --out is missing");
        assertThat(run("report", "compliance", "--to", "2026-11-30", "--out", "x.pdf")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().strip()).isEqualTo("camfleet: --from is missing: give a day, as 2026-11-30.");
        assertThat(err.toString().lines().count()).isOne();
        assertThat(fakes.trail()).isEmpty();
    }

    @Test
    void aSavedReportRunsByNameAndAnUnknownNameListsTheSavedOnes() throws Exception {
        String pattern = dir.resolve("out/compliance-{date}.pdf").toString();
        assertThat(run("report", "save", "monthly", "compliance", "--period", "previous-month", "--regions", "EU",
                "--out", pattern)).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Saved monthly (compliance); run today it covers 2026-11-01 to "
                + "2026-11-30 and writes " + dir.resolve("out/compliance-2026-12-06.pdf"));

        assertThat(run("report", "run", "monthly")).as(err.toString()).isZero();
        assertThat(Files.exists(dir.resolve("out/compliance-2026-12-06-tickets.csv"))).isTrue();
        assertThat(fakes.asked.getLast().regions()).containsExactly("EU");

        assertThat(run("report", "run", "weekly")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString().strip()).isEqualTo("camfleet: There is no saved report 'weekly'. Saved reports: "
                + "monthly.");

        assertThat(run("report", "list")).isZero();
        assertThat(out.toString()).contains("Saved reports (1):", "monthly  compliance  previous-month  -> "
                + pattern, "Recent exports (1):");
        Files.delete(dir.resolve("out/compliance-2026-12-06.pdf"));
        assertThat(run("report", "list")).isZero();
        assertThat(out.toString()).contains("(missing: the file was deleted or moved)");
    }

    @Test
    void badNamesKindsAndPeriodsAreRefusedAndNothingIsSaved() {
        assertThat(run("report", "save", "a/b", "compliance", "--period", "previous-month", "--out", "x.pdf"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("'a/b' cannot name a saved report");
        assertThat(run("report", "save", "ok", "cake", "--period", "previous-month", "--out", "x.pdf"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("'cake' is not a report: say sales, compliance or evidence.");
        assertThat(run("report", "save", "ok", "evidence", "--period", "last-month", "--out", "x.zip"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("'last-month' is not a period");
        assertThat(run("report", "save", "ok", "evidence", "--period", "last-30-days", "--out", "x.pdf"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("name a file ending in .zip");
        assertThat(fakes.service.saved().list()).isEmpty();
    }

    @Test
    void verifyIsASubcommandOfReport() {
        assertThat(run("report", "verify", "--help")).isZero();
        assertThat(out.toString()).contains("Check an evidence pack");
    }
}
