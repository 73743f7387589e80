package io.camfleet.console.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.domain.findings.PatchCompliance;
import io.camfleet.console.domain.findings.RiskAcceptance;
import io.camfleet.console.domain.findings.Severity;
import io.camfleet.console.domain.findings.SeverityCounts;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.SafeCsv;
import io.camfleet.console.service.findings.FindingRow;
import io.camfleet.console.service.findings.FindingsService;
import io.camfleet.console.service.findings.ImportFormat;
import io.camfleet.console.service.findings.ImportReport;
import io.camfleet.console.service.findings.PatchComplianceService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;

/**
 * {@code camfleet findings}: the security findings tied to the fleet with counts by severity; their import from a
 * file or from Amazon Inspector; risk acceptances; the cameras' and images' patch compliance.
 */
@Command(name = "findings", mixinStandardHelpOptions = true,
        description = {"List the open security findings, worst first, with the camera each is on and counts by "
                + "severity.", "Exits 0, 2 on bad input, 3 when the data folder cannot be used."},
        subcommands = {FindingsCommand.Import.class, FindingsCommand.Inspector.class, FindingsCommand.Accept.class,
                FindingsCommand.Patches.class})
public final class FindingsCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    CamfleetCommand root;
    @Spec
    CommandSpec spec;

    @Option(names = "--severity", paramLabel = "LEVEL",
            description = "Only findings this bad or worse: CRITICAL, HIGH, MEDIUM, LOW or INFORMATIONAL.")
    String severity;
    @Option(names = "--accepted", description = "Show the findings accepted as risks too.")
    boolean accepted;
    @Option(names = "--csv", description = "Print CSV (safe to open in a spreadsheet) instead of text.")
    boolean csv;
    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    private final Messages messages;

    public FindingsCommand(Messages messages) {
        this.messages = messages;
    }

    private <T> int with(CommandSpec s, Class<T> part, ToIntFunction<T> work) {
        try (ConsoleBackend.Session session = Commands.backend(s).open(root.dataDir())) {
            return work.applyAsInt(session.part(part));
        }
    }

    @Override
    public Integer call() {
        Optional<Severity> floor = severity == null ? Optional.empty() : Optional.of(Severity.parse(severity)
                .orElseThrow(() -> Problem.badInput("findings.cli.badSeverity", severity)));
        PrintWriter out = spec.commandLine().getOut();
        return with(spec, FindingsService.class, service -> {
            List<FindingRow> rows = service.rows(floor, accepted);
            if (csv) {
                out.println(SafeCsv.line(List.of("id", "severity", "cve", "package", "host", "camera", "site",
                        "image", "accepted until", "title")));
                rows.forEach(r -> out.println(SafeCsv.line(List.of(r.finding().id(), r.finding().severity().name(),
                        r.finding().cve(), r.finding().packageName(), r.finding().host(), r.cameraId(), r.siteId(),
                        r.image(), r.acceptance().map(a -> a.until().toString()).orElse(""),
                        r.finding().title()))));
            } else if (json) {
                out.println(json(rows, service.openCounts()));
            } else {
                rows.forEach(r -> out.println(messages.text("findings.cli.row", r.finding().severity().name(),
                        r.finding().cve().isEmpty() ? "-" : r.finding().cve(), r.finding().packageName(),
                        r.knownHost() ? r.cameraId() : messages.text("findings.cli.unknownHost", r.finding().host()),
                        r.image().isEmpty() ? "-" : r.image(), r.finding().id(),
                        r.acceptance().map(a -> messages.text("findings.cli.acceptedUntil", a.until())).orElse(""))));
                out.println(counts(messages, service.openCounts()));
            }
            return ExitCodes.OK;
        });
    }

    static String counts(Messages m, SeverityCounts c) {
        return m.text("findings.cli.counts", c.of(Severity.CRITICAL), c.of(Severity.HIGH), c.of(Severity.MEDIUM),
                c.of(Severity.LOW), c.of(Severity.INFORMATIONAL), c.total());
    }

    private static String json(List<FindingRow> rows, SeverityCounts counts) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode c = root.putObject("openCounts");
        counts.counts().forEach((s, n) -> c.put(s.name(), n));
        ArrayNode list = root.putArray("findings");
        for (FindingRow r : rows) {
            ObjectNode f = list.addObject();
            f.put("id", r.finding().id()).put("source", r.finding().source()).put("severity",
                    r.finding().severity().name()).put("cve", r.finding().cve()).put("package",
                    r.finding().packageName()).put("host", r.finding().host()).put("camera", r.cameraId())
                    .put("site", r.siteId()).put("image", r.image()).put("title", r.finding().title())
                    .put("knownHost", r.knownHost());
            r.acceptance().ifPresent(a -> f.putObject("accepted").put("until", a.until().toString())
                    .put("reason", a.reason()).put("by", a.acceptedBy()));
        }
        return root.toString();
    }

    private static void report(Messages m, PrintWriter out, ImportReport r) {
        out.println(m.text("findings.cli.imported", r.findings(), r.source(), r.unknownHosts()));
        out.println(counts(m, r.counts()));
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import findings from a file, replacing those of the last import of that format. A bad "
                    + "row refuses the whole file (nothing imported) and names the row.",
                    "Formats: inspector (Amazon Inspector's JSON export or ListFindings output) and csv (a header "
                            + "with at least CVE, severity, package, host; image and title are read too)."})
    static final class Import implements Callable<Integer> {
        @ParentCommand
        FindingsCommand findings;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "FILE", description = "The file to import.")
        Path file;
        @Option(names = "--format", paramLabel = "FORMAT",
                description = "inspector or csv (default: by the file's extension, .json is inspector).")
        String format;

        @Override
        public Integer call() {
            ImportFormat f = format == null ? ImportFormat.of(file) : switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "inspector" -> ImportFormat.INSPECTOR;
                case "csv" -> ImportFormat.CSV;
                default -> throw Problem.badInput("findings.cli.badFormat", format);
            };
            return findings.with(spec, FindingsService.class, s -> {
                report(findings.messages, spec.commandLine().getOut(), s.importFile(file, f));
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "inspector", mixinStandardHelpOptions = true,
            description = "Read Amazon Inspector's active findings of the AWS environments the findings settings "
                    + "turn it on for (or of one), replacing those read from each before.")
    static final class Inspector implements Callable<Integer> {
        @ParentCommand
        FindingsCommand findings;
        @Spec
        CommandSpec spec;
        @Option(names = "--env", paramLabel = "NAME", description = "Only this environment (its label).")
        String env;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            return findings.with(spec, FindingsService.class, s -> {
                List<ImportReport> reports = env == null ? s.importInspectorEverywhere()
                        : List.of(s.importInspector(env));
                if (reports.isEmpty()) {
                    throw Problem.badInput("findings.cli.noInspector");
                }
                reports.forEach(r -> report(findings.messages, out, r));
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "accept", mixinStandardHelpOptions = true,
            description = "Accept a finding as a risk until a date (at most a year away); it opens again by itself "
                    + "after that day.")
    static final class Accept implements Callable<Integer> {
        @ParentCommand
        FindingsCommand findings;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ID", description = "The finding's id, as 'camfleet findings' lists it.")
        String id;
        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why the risk is accepted.")
        String reason;
        @Option(names = "--until", required = true, paramLabel = "DATE",
                description = "The last day the acceptance holds (UTC), as 2027-03-31.")
        String until;

        @Override
        public Integer call() {
            LocalDate day;
            try {
                day = LocalDate.parse(until.strip());
            } catch (DateTimeParseException e) {
                throw Problem.badInput("findings.cli.badDate", until);
            }
            return findings.with(spec, FindingsService.class, s -> {
                RiskAcceptance a = s.accept(id, reason, day);
                spec.commandLine().getOut().println(findings.messages.text("findings.cli.accepted", a.findingId(),
                        a.until()));
                return ExitCodes.OK;
            });
        }
    }

    @Command(name = "patches", mixinStandardHelpOptions = true,
            description = {"Patch compliance per camera or per image, from SSM Patch Manager's patch states or a "
                    + "scanner's patch report.", "A patch report is a CSV with the header columns host, patch level, "
                    + "installed, missing, missing security; a bad row refuses the whole file."})
    static final class Patches implements Callable<Integer> {
        @ParentCommand
        FindingsCommand findings;
        @Spec
        CommandSpec spec;
        @Option(names = "--by", defaultValue = "camera", paramLabel = "camera|image",
                description = "One line per camera (default) or per image.")
        String by;
        @Option(names = "--refresh", paramLabel = "ENV", description = "Read the patch states from SSM first.")
        String refresh;
        @Option(names = "--import", paramLabel = "FILE", description = "Import a scanner's patch report first.")
        Path report;

        @Override
        public Integer call() {
            boolean perImage = switch (by.strip().toLowerCase(Locale.ROOT)) {
                case "camera" -> false;
                case "image" -> true;
                default -> throw Problem.badInput("findings.cli.badBy", by);
            };
            PrintWriter out = spec.commandLine().getOut();
            Messages m = findings.messages;
            return findings.with(spec, PatchComplianceService.class, s -> {
                if (report != null) {
                    out.println(m.text("findings.cli.patchesImported", s.importFile(report), report.getFileName()));
                }
                if (refresh != null) {
                    out.println(m.text("findings.cli.patchesRead", s.refresh(refresh), refresh));
                }
                for (PatchCompliance c : perImage ? s.perImage() : s.perCamera()) {
                    out.println(c.reported() == 0 ? m.text("findings.cli.noPatchState", c.subject(), c.cameras())
                            : m.text("findings.cli.patches", c.subject(), c.compliancePercent(), c.missingSecurity(),
                            c.missing(), c.installed(), c.reported(), c.cameras(),
                            c.patchLevels().isEmpty() ? "-" : String.join(", ", c.patchLevels())));
                }
                return ExitCodes.OK;
            });
        }
    }
}
