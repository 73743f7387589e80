package io.camfleet.console.cli;

import io.camfleet.console.domain.reports.ReportKind;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.fleet.FleetService;
import io.camfleet.console.service.reports.RecentExport;
import io.camfleet.console.service.reports.ReportExport;
import io.camfleet.console.service.reports.ReportOptions;
import io.camfleet.console.service.reports.ReportPeriod;
import io.camfleet.console.service.reports.ReportProgress;
import io.camfleet.console.service.reports.ReportService;
import io.camfleet.console.service.reports.SavedReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;

/**
 * {@code camfleet report}: exports a sales proposal, a compliance report or an evidence pack; saves a report with a
 * relative period to run again by name ({@code report run NAME}, for cron); lists the saved reports and the recent
 * exports; checks an evidence pack ({@code report verify}).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Export reports as files: sales (a PDF and its quote as XLSX), compliance (a PDF and one CSV "
                + "per table) or evidence (a ZIP pack); save one to run again by name; list saved and recent.",
                "Exits 0, 2 on bad input, 3 when the data folder or the file cannot be used."},
        subcommands = {ReportCommand.Sales.class, ReportCommand.Compliance.class, ReportCommand.Evidence.class,
                ReportCommand.Run.class, ReportCommand.Save.class, ReportCommand.ListReports.class,
                ReportVerifyCommand.class})
public final class ReportCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @ParentCommand
    CamfleetCommand root;
    @Spec
    CommandSpec spec;

    private final Messages messages;

    public ReportCommand(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    int with(CommandSpec s, ToIntFunction<ReportService> work) {
        ConsoleBackend backend = Commands.backend(s);
        try (ConsoleBackend.Session session = backend.open(root.dataDir())) {
            // A folder no window has opened yet has an empty cache: report on the demo fleet the window would show.
            if (session.find(FleetService.class).isPresent()) {
                FleetCommand.cachedOrSeeded(backend, root.dataDir(), session);
            }
            return work.applyAsInt(session.part(ReportService.class));
        }
    }

    int export(CommandSpec s, ReportOptions options) {
        ReportService.check(options);
        return with(s, service -> printed(s, service.export(options, ReportProgress.NONE)));
    }

    int printed(CommandSpec s, ReportExport done) {
        PrintWriter out = s.commandLine().getOut();
        out.println(messages.text("report.cli.exported", done.kind().cliName(), done.files().size(), done.bytes()));
        done.files().forEach(f -> out.println("  " + f));
        return ExitCodes.OK;
    }

    static LocalDate date(String option, String text) {
        if (text == null || text.isBlank()) {
            throw Problem.badInput("report.cli.noDate", option);
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Problem.badInput("report.cli.badDate", option, text);
        }
    }

    /** The options every kind of report takes, but its period. */
    static final class What {
        @Option(names = "--regions", split = ",", paramLabel = "REGION", description = "Only these regions.")
        List<String> regions = List.of();
        @Option(names = "--prospect", paramLabel = "NAME", description = "The prospect a sales proposal is for.")
        String prospect;
        @Option(names = "--sites", split = ",", paramLabel = "ID", description = "The site ids proposed (sales).")
        List<String> sites = List.of();
        @Option(names = "--price-list", paramLabel = "FILE",
                description = "The price list for the quote (default: the one in the settings).")
        Path priceList;
        @Option(names = "--out", paramLabel = "FILE",
                description = "The file to write: a .pdf (its companions beside it), or the .zip of a pack.")
        String out;

        Path out() {
            if (out == null || out.isBlank()) {
                throw Problem.badInput("report.cli.noOut");
            }
            return Path.of(out.strip());
        }

        ReportOptions options(ReportKind kind, LocalDate from, LocalDate to) {
            return new ReportOptions(kind, from, to, regions, prospect, sites, Optional.ofNullable(priceList),
                    out());
        }
    }

    /** An export now: {@code --from} and {@code --to}. */
    abstract static class Export implements Callable<Integer> {
        @ParentCommand
        ReportCommand report;
        @Spec
        CommandSpec spec;
        @Mixin
        What what;
        @Option(names = "--from", paramLabel = "DATE", description = "First day of the period, as 2026-11-01.")
        String from;
        @Option(names = "--to", paramLabel = "DATE", description = "Last day of the period (inclusive).")
        String to;

        abstract ReportKind kind();

        LocalDate from(LocalDate end) {
            return date("--from", from);
        }

        @Override
        public Integer call() {
            LocalDate end = date("--to", to);
            return report.export(spec, what.options(kind(), from(end), end));
        }
    }

    @Command(name = "sales", mixinStandardHelpOptions = true,
            description = "A sales proposal: its PDF, and its quote as NAME-quote.xlsx beside it. It reports the 90 "
                    + "days and 12 months up to --to; --from is optional.")
    static final class Sales extends Export {
        @Override
        ReportKind kind() {
            return ReportKind.SALES;
        }

        @Override
        LocalDate from(LocalDate end) {
            return from == null ? end.minusYears(1).plusDays(1) : super.from(end);
        }
    }

    @Command(name = "compliance", mixinStandardHelpOptions = true,
            description = "A compliance report for a period: its PDF, and one NAME-TABLE.csv per table beside it.")
    static final class Compliance extends Export {
        @Override
        ReportKind kind() {
            return ReportKind.COMPLIANCE;
        }
    }

    @Command(name = "evidence", mixinStandardHelpOptions = true,
            description = "An audit evidence pack for a period: a ZIP of the compliance report, its CSVs, the raw "
                    + "audit extract and a manifest; check it with 'camfleet report verify'.")
    static final class Evidence extends Export {
        @Override
        ReportKind kind() {
            return ReportKind.EVIDENCE;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Export a saved report now, its period and {date} taken from today (for cron).")
    static final class Run implements Callable<Integer> {
        @ParentCommand
        ReportCommand report;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "The saved report's name, as 'camfleet report list' shows.")
        String name;

        @Override
        public Integer call() {
            return report.with(spec, s -> report.printed(spec, s.run(name, ReportProgress.NONE)));
        }
    }

    @Command(name = "save", mixinStandardHelpOptions = true,
            description = {"Save a report under a name, to export again with 'camfleet report run NAME'.",
                    "--period: last-N-days (the N days before the run), previous-month or month-to-date. "
                            + "{date} in --out stands for the day it runs."})
    static final class Save implements Callable<Integer> {
        @ParentCommand
        ReportCommand report;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAME", description = "The name to run it by.")
        String name;
        @Parameters(index = "1", paramLabel = "KIND", description = "sales, compliance or evidence.")
        String kind;
        @Option(names = "--period", required = true, paramLabel = "PERIOD",
                description = "last-N-days, previous-month or month-to-date.")
        String period;
        @Mixin
        What what;

        @Override
        public Integer call() {
            SavedReport.checkName(name);
            ReportKind k = ReportKind.parse(kind).orElseThrow(() -> Problem.badInput("report.cli.badKind", kind));
            ReportPeriod p = ReportPeriod.parse(period)
                    .orElseThrow(() -> Problem.badInput("report.cli.badPeriod", period));
            // a relative file is kept as from where it was saved: cron runs elsewhere
            String out = what.out().toAbsolutePath().toString();
            SavedReport saved = new SavedReport(name, k, p, what.regions, what.prospect, what.sites,
                    what.priceList == null ? "" : what.priceList.toAbsolutePath().toString(), out);
            LocalDate today = LocalDate.now(ZoneId.systemDefault());
            ReportService.check(saved.options(today));
            return report.with(spec, s -> {
                s.saved().save(saved);
                ReportOptions now = saved.options(s.today());
                spec.commandLine().getOut().println(report.messages.text("report.cli.saved", name, k.cliName(),
                        now.from(), now.to(), now.out()));
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the saved reports and the recent "
            + "exports (newest first, a file since deleted marked missing).")
    static final class ListReports implements Callable<Integer> {
        @ParentCommand
        ReportCommand report;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Messages m = report.messages;
            PrintWriter out = spec.commandLine().getOut();
            return report.with(spec, s -> {
                List<SavedReport> saved = s.saved().list();
                out.println(m.text("report.cli.savedHeading", saved.size()));
                saved.forEach(r -> out.println(m.text("report.cli.savedRow", r.name(), r.kind().cliName(),
                        r.period().text(), r.out())));
                List<RecentExport> recent = s.recent();
                out.println(m.text("report.cli.recentHeading", recent.size()));
                recent.forEach(r -> out.println(m.text("report.cli.recentRow",
                        TIME.format(r.at().atZone(ZoneId.systemDefault())), r.kind().cliName(), r.file(),
                        r.bytes(), r.operator(), r.present() ? "" : m.text("report.cli.missing"))));
                return ExitCodes.OK;
            });
        }
    }
}
