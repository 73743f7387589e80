package io.camfleet.console.cli;

import io.camfleet.console.domain.cost.CleanupHint;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.SafeCsv;
import io.camfleet.console.service.cost.CostMonths;
import io.camfleet.console.service.cost.CostReport;
import io.camfleet.console.service.cost.CostService;
import io.camfleet.console.service.cost.CostSettings;
import io.camfleet.console.service.cost.Grouping;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;

/**
 * {@code camfleet cost}: what the AWS environments cost a month (Cost Explorer, once per account), by service, site,
 * customer or environment, with a share per camera by site; {@code camfleet cost cleanup}: what may be left over.
 */
@Command(name = "cost", mixinStandardHelpOptions = true,
        description = {"Show a month's AWS cost from Cost Explorer (month to date by default), by service, site, "
                + "customer or environment; by site with each camera's equal share.",
                "Environments signing in to the same account are asked once. Each Cost Explorer call costs $0.01."},
        subcommands = CostCommand.Cleanup.class)
public final class CostCommand implements Callable<Integer> {

    @ParentCommand
    CamfleetCommand root;
    @Spec
    CommandSpec spec;

    @Option(names = "--month", paramLabel = "YYYY-MM", description = "The month (default: this month, to date).")
    String month;
    @Option(names = "--history", description = "The last 6 months and this month to date, instead of one month.")
    boolean history;
    @Option(names = "--by", paramLabel = "GROUPING", defaultValue = "service",
            description = "service (default), site, customer or environment.")
    String by;
    @Option(names = "--env", paramLabel = "LABEL", description = "Only this environment's account.")
    String env;
    @Option(names = "--csv", description = "Print CSV instead of text (formula-like cells neutralised).")
    boolean csv;
    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    private final Messages messages;

    public CostCommand(Messages messages) {
        this.messages = messages;
    }

    private int with(CommandSpec s, ToIntFunction<CostService> work) {
        try (ConsoleBackend.Session session = Commands.backend(s).open(root.dataDir())) {
            return work.applyAsInt(session.part(CostService.class));
        }
    }

    @Override
    public Integer call() {
        Grouping grouping = Grouping.of(by);
        String metric = Commands.backend(spec).settings(root.dataDir()).read().get(CostSettings.SECTION).metric();
        return with(spec, service -> {
            CostReport report;
            if (history) {
                report = service.history(grouping, env);
            } else {
                YearMonth m = month == null ? YearMonth.from(service.today())
                        : CostMonths.parse(month, service.today());
                report = service.month(m, grouping, env);
            }
            List<CostTable.Row> rows = CostTable.rows(report, service);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(CostTable.json(report, metric, rows));
            } else if (csv) {
                out.println(SafeCsv.line(CostTable.CSV_HEADER));
                rows.forEach(r -> out.println(SafeCsv.line(r.csv())));
            } else {
                CostTable.text(messages, report, metric, rows, out);
            }
            return ExitCodes.OK;
        });
    }

    @Command(name = "cleanup", mixinStandardHelpOptions = true,
            description = {"List what may be left over in each environment's account and region, with its monthly "
                    + "storage cost: unattached volumes, snapshots of deregistered images, stopped instances and "
                    + "images nothing runs.", "Prices: the cost settings' table (us-east-1 list prices by default)."})
    static final class Cleanup implements Callable<Integer> {
        @ParentCommand
        CostCommand cost;
        @Spec
        CommandSpec spec;
        @Option(names = "--env", paramLabel = "LABEL", description = "Only this environment.")
        String env;
        @Option(names = "--json", description = "Print JSON instead of text.")
        boolean json;

        @Override
        public Integer call() {
            Messages m = cost.messages;
            PrintWriter out = spec.commandLine().getOut();
            return cost.with(spec, service -> {
                List<CleanupHint> hints = service.cleanup(env);
                if (json) {
                    out.println(CostTable.json(hints));
                    return ExitCodes.OK;
                }
                if (hints.isEmpty()) {
                    out.println(m.text("cost.cli.noHints", env == null ? m.text("cost.cli.everyEnvironment") : env));
                    return ExitCodes.OK;
                }
                BigDecimal total = hints.stream().map(CleanupHint::monthly).reduce(BigDecimal.ZERO, BigDecimal::add);
                out.println(m.text("cost.cli.hintsHeading", hints.size(), total.toPlainString()));
                for (CleanupHint h : hints) {
                    out.printf("  %-10s %-24s %-34s %-26s %6d GB %9s%n", h.environment(), h.resource(),
                            m.text("cost.hint." + h.kind().cliName()), h.detail(), h.sizeGb(),
                            h.monthly().toPlainString());
                }
                return ExitCodes.OK;
            });
        }
    }
}
