package io.camfleet.console.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.domain.availability.Availability;
import io.camfleet.console.domain.availability.Period;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.kpi.AlertFigures;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.kpi.DoraFigures;
import io.camfleet.console.service.kpi.FleetComposition;
import io.camfleet.console.service.kpi.KpiService;
import io.camfleet.console.service.kpi.KpiText;
import io.camfleet.console.service.kpi.SlaAttainment;
import io.camfleet.console.service.kpi.Spread;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code camfleet kpi --from DATE --to DATE [--json]}: DORA, availability and alert figures over whole UTC days, and
 * the fleet's cameras by image age as it is now.
 */
@Command(name = "kpi", mixinStandardHelpOptions = true,
        description = {"Print the KPIs of a period: DORA from the deployment journal, availability and SLA attainment,",
                "alert volume and time to acknowledge. Days are UTC; --to is included. Also the cameras by image",
                "age now, from the images last read from AWS (AWS estate > Images); AWS is not asked."})
public final class KpiCommand implements Callable<Integer> {

    @ParentCommand
    CamfleetCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day, e.g. 2026-10-01.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last day, included, e.g. 2026-10-31.")
    String to;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    private final Messages messages;

    public KpiCommand(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Integer call() throws Exception {
        Period period = period(from, to);
        ConsoleBackend backend = Commands.backend(spec);
        try (ConsoleBackend.Session session = backend.open(root.dataDir())) {
            // The availability figures are of the fleet the cache holds (on a new folder, the demo's).
            FleetSnapshot fleet = FleetCommand.cachedOrSeeded(backend, root.dataDir(), session);
            KpiService kpis = session.part(KpiService.class);
            DoraFigures dora = kpis.dora(period);
            Optional<AlertFigures> alerts = kpis.alerts(period);
            Optional<SlaAttainment> sla = kpis.attainment(period);
            // what the fleet runs now, whatever the period: the ages from the images last read from AWS
            FleetComposition composition = kpis.composition(fleet.inventory());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ObjectNode o = json(period, dora, alerts, sla);
                ages(o.putObject("imageAges"), composition);
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o));
            } else {
                print(out, period, dora, alerts, sla);
                out.println(ages(composition));
            }
            return ExitCodes.OK;
        }
    }

    /** Whole UTC days, {@code to} included. */
    static Period period(String from, String to) {
        LocalDate first = date("--from", from);
        LocalDate last = date("--to", to);
        if (last.isBefore(first)) {
            throw Problem.badInput("kpi.badRange", from, to);
        }
        return new Period(first.atStartOfDay().toInstant(ZoneOffset.UTC),
                last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private static LocalDate date(String option, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Problem.badInput("kpi.badDate", option, value);
        }
    }

    private void print(PrintWriter out, Period period, DoraFigures d, Optional<AlertFigures> alerts,
                       Optional<SlaAttainment> sla) {
        Messages m = messages;
        KpiText t = new KpiText(m);
        long days = period.length().toDays();
        out.println(m.text("kpi.cli.title", from.strip(), to.strip(), days));
        out.println(m.text("kpi.cli.frequency", d.deployments(), t.rate(d.perDayRate()), t.rate(d.perWeekRate()),
                d.running()));
        out.println(m.text("kpi.cli.leadTime", t.spread(d.leadTime()), d.leadTime().count(), d.leadTimeUnknown()));
        DoraFigures.ChangeFailures c = d.changes();
        out.println(m.text("kpi.cli.changeFailure", t.percent(c.ratePercent()), c.failures(), c.finished(),
                c.failed(), c.rolledBack(), c.hotfixed()));
        if (alerts.isPresent()) {
            AlertFigures a = alerts.get();
            out.println(m.text("kpi.cli.restore", t.spread(a.timeToRestore()), a.incidents(), a.openIncidents()));
            out.println(m.text("kpi.cli.alerts", a.raised(), t.spread(a.timeToAcknowledge()), a.unacknowledged()));
        } else {
            out.println(m.text("kpi.cli.restore.none"));
            out.println(m.text("kpi.cli.alerts.none"));
        }
        if (sla.isPresent()) {
            SlaAttainment s = sla.get();
            out.println(m.text("kpi.cli.availability", t.uptime(s.fleetUptime())));
            out.println(m.text("kpi.cli.rule", m.text(s.rule().messageKey(), s.rule().threshold())));
            out.println(m.text("kpi.cli.byCustomer", s.met(s.byCustomer()), s.byCustomer().size()));
            s.byCustomer().forEach(a -> out.println(line(t, a)));
            out.println(m.text("kpi.cli.byRegion", s.met(s.byRegion()), s.byRegion().size()));
            s.byRegion().forEach(a -> out.println(line(t, a)));
        } else {
            out.println(m.text("kpi.cli.availability.none"));
        }
    }

    /** Cameras per image age band, in one line; or that no age is known, and where to read them. */
    private String ages(FleetComposition c) {
        if (c.agesUnknown()) {
            return messages.text("kpi.cli.imageAges.unknown", c.cameras());
        }
        List<String> bands = new ArrayList<>();
        c.byAge().forEach((band, n) -> bands.add(messages.text("kpi.cli.imageAges.band", n,
                messages.text("kpi.age." + band.name()))));
        return messages.text("kpi.cli.imageAges", c.cameras(), String.join(", ", bands));
    }

    /** Every band, "unknown" included, with the cameras of the fleet: all zero for an empty fleet. */
    private static void ages(ObjectNode o, FleetComposition c) {
        o.put("cameras", c.cameras());
        o.put("known", !c.agesUnknown());
        ObjectNode bands = o.putObject("byBand");
        c.byAge().forEach((band, n) -> bands.put(band.name(), n));
    }

    private String line(KpiText t, Availability a) {
        long left = a.budgetLeftSeconds();
        return String.format(Locale.ROOT, "  %-30s %10s  %-7s %s", a.subject(), t.uptime(a.uptimePercent()),
                messages.text(a.metTarget() ? "kpi.sla.met" : "kpi.sla.missed"),
                messages.text(left >= 0 ? "kpi.sla.budgetLeft" : "kpi.sla.overBudget",
                        t.duration(java.time.Duration.ofSeconds(Math.abs(left))),
                        String.format(Locale.ROOT, "%.2f", a.targetPercent())));
    }

    private static ObjectNode json(Period period, DoraFigures d, Optional<AlertFigures> alerts,
                                   Optional<SlaAttainment> sla) {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("from", period.from().toString());
        o.put("to", period.to().toString());
        ObjectNode dora = o.putObject("dora");
        dora.put("deployments", d.deployments());
        dora.put("deploymentsPerDay", d.perDayRate());
        dora.put("deploymentsPerWeek", d.perWeekRate());
        dora.put("running", d.running());
        spread(dora.putObject("leadTime"), d.leadTime()).put("releaseUnknown", d.leadTimeUnknown());
        ObjectNode c = dora.putObject("changeFailure");
        c.put("finished", d.changes().finished());
        c.put("failures", d.changes().failures());
        c.put("failed", d.changes().failed());
        c.put("rolledBack", d.changes().rolledBack());
        c.put("hotfixed", d.changes().hotfixed());
        putNumber(c, "ratePercent", d.changes().ratePercent());
        if (alerts.isPresent()) {
            AlertFigures a = alerts.get();
            spread(dora.putObject("timeToRestore"), a.timeToRestore()).put("incidents", a.incidents())
                    .put("open", a.openIncidents());
            ObjectNode al = o.putObject("alerts");
            al.put("raised", a.raised());
            a.byKind().forEach((k, n) -> al.with("byKind").put(k.name(), n));
            a.bySeverity().forEach((k, n) -> al.with("bySeverity").put(k.name(), n));
            spread(al.putObject("timeToAcknowledge"), a.timeToAcknowledge()).put("unacknowledged", a.unacknowledged());
        } else {
            dora.putNull("timeToRestore");
            o.putNull("alerts");
        }
        if (sla.isPresent()) {
            SlaAttainment s = sla.get();
            ObjectNode av = o.putObject("availability");
            putNumber(av, "fleetUptimePercent", s.fleetUptime());
            av.put("rule", s.rule().kind().name());
            av.put("ruleThreshold", s.rule().threshold());
            av.put("degradedCounts", s.rule().degradedCounts());
            subjects(av.putArray("byCustomer"), s.byCustomer());
            subjects(av.putArray("byRegion"), s.byRegion());
        } else {
            o.putNull("availability");
        }
        return o;
    }

    private static ObjectNode spread(ObjectNode o, Spread s) {
        o.put("count", s.count());
        if (s.isEmpty()) {
            o.putNull("medianSeconds");
            o.putNull("p90Seconds");
        } else {
            o.put("medianSeconds", s.median().toSeconds());
            o.put("p90Seconds", s.p90().toSeconds());
        }
        return o;
    }

    private static void subjects(ArrayNode array, List<Availability> figures) {
        for (Availability a : figures) {
            ObjectNode o = array.addObject();
            o.put("subject", a.subject());
            putNumber(o, "uptimePercent", a.uptimePercent());
            o.put("targetPercent", a.targetPercent());
            o.put("met", a.metTarget());
            o.put("downSeconds", a.downSeconds());
            o.put("noDataSeconds", a.noDataSeconds());
            o.put("budgetLeftSeconds", a.budgetLeftSeconds());
        }
    }

    /** NaN (nothing to measure) is null in JSON, never a number. */
    private static void putNumber(ObjectNode o, String field, double value) {
        if (Double.isNaN(value)) {
            o.putNull(field);
        } else {
            o.put(field, value);
        }
    }
}
