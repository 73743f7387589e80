package io.camfleet.console.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.domain.availability.Availability;
import io.camfleet.console.domain.availability.Grouping;
import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.domain.availability.SiteDownRule;
import io.camfleet.console.service.availability.AvailabilityFigures;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code camfleet availability --by site --month 2026-10 [--csv|--json]}: the availability of each camera, site,
 * customer, region or environment over a UTC month, from the cache's health history, with the rule in force above.
 */
@Command(name = "availability", mixinStandardHelpOptions = true,
        description = {"Availability over a month (UTC) by camera, site, customer, region or environment: uptime, "
                + "downtime, incidents, error budget left, time without data and the planned maintenance excluded.",
                "The rule that says when a site is down (Settings, Availability) is printed above the figures."})
public final class AvailabilityCommand implements Callable<Integer> {

    @ParentCommand
    CamfleetCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--by", paramLabel = "GROUPING", defaultValue = "site",
            description = "camera, site, customer, region or environment (default: site).")
    String by;

    @Option(names = "--month", paramLabel = "YYYY-MM", description = "The month, in UTC (default: this month so far).")
    String month;

    @Option(names = "--csv", description = "Print CSV instead of a table.")
    boolean csv;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    private final Messages messages;

    public AvailabilityCommand(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Integer call() throws Exception {
        if (csv && json) {
            throw Problem.badInput("problem.availabilityCsvAndJson");
        }
        Grouping grouping = grouping(by);
        ConsoleBackend backend = Commands.backend(spec);
        Period period = period(month, backend.clock().instant().truncatedTo(ChronoUnit.SECONDS));
        try (ConsoleBackend.Session session = backend.open(root.dataDir())) {
            FleetCommand.cachedOrSeeded(backend, root.dataDir(), session);
            AvailabilityFigures figures = session.part(AvailabilityFigures.class);
            SiteDownRule rule = figures.rule();
            List<Availability> rows = figures.by(grouping, period).stream()
                    .sorted(Comparator.comparing(Availability::subject)).toList();
            if (rows.stream().allMatch(a -> a.observedSeconds() == 0 && a.downSeconds() == 0)) {
                throw Problem.badInput("problem.availabilityNoHistory", monthName(period));
            }
            PrintWriter out = spec.commandLine().getOut();
            String ruleText = messages.text(rule.messageKey(), rule.threshold());
            if (json) {
                out.println(json(grouping, period, ruleText, rows));
            } else if (csv) {
                AvailabilityTable.csv(rows, messages, out);
            } else {
                out.println(messages.text("availability.cli.header", messages.text("availability.by." + grouping),
                        period.from().toString(), period.to().toString()));
                out.println(messages.text("availability.cli.rule", ruleText));
                out.println();
                AvailabilityTable.text(rows, messages, out);
            }
            return ExitCodes.OK;
        }
    }

    static Grouping grouping(String text) {
        for (Grouping g : Grouping.values()) {
            if (g.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return g;
            }
        }
        throw Problem.badInput("problem.availabilityBy", text);
    }

    /** The month asked for, in UTC; this month so far when none is; refused when it has not begun. */
    static Period period(String month, Instant now) {
        if (month == null) {
            return Period.monthSoFar(now);
        }
        YearMonth m;
        try {
            m = YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw Problem.badInput("problem.availabilityMonth", month);
        }
        YearMonth current = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        if (m.isAfter(current)) {
            throw Problem.badInput("problem.availabilityFutureMonth", m.toString());
        }
        return m.equals(current) ? Period.monthSoFar(now) : Period.month(m);
    }

    private static String monthName(Period period) {
        return YearMonth.from(period.from().atOffset(ZoneOffset.UTC)).toString();
    }

    private static String json(Grouping grouping, Period period, String rule, List<Availability> rows)
            throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode out = mapper.createObjectNode();
        out.put("by", grouping.name().toLowerCase(Locale.ROOT));
        out.put("from", period.from().toString());
        out.put("to", period.to().toString());
        out.put("rule", rule);
        ArrayNode list = out.putArray("figures");
        for (Availability a : rows) {
            ObjectNode o = list.addObject();
            o.put("subject", a.subject());
            if (a.observedSeconds() > 0) {
                o.put("uptimePercent", a.uptimePercent());
            } else {
                o.putNull("uptimePercent");
            }
            o.put("downtimeSeconds", a.downSeconds());
            o.put("incidents", a.incidents());
            o.put("targetPercent", a.targetPercent());
            o.put("budgetSeconds", a.budgetSeconds());
            o.put("budgetLeftSeconds", a.budgetLeftSeconds());
            o.put("observedSeconds", a.observedSeconds());
            o.put("noDataSeconds", a.noDataSeconds());
            o.put("maintenanceSeconds", a.maintenanceSeconds());
            o.put("cameraSecondsLost", a.cameraSecondsLost());
        }
        return mapper.writeValueAsString(out);
    }
}
