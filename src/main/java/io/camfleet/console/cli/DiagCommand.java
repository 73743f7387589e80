package io.camfleet.console.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.domain.runbooks.Runbook;
import io.camfleet.console.domain.runbooks.RunbookParameter;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.DeploymentTargets;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.service.deploy.Rollout;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.diagnostics.CameraRun;
import io.camfleet.console.service.diagnostics.DiagnosticsService;
import io.camfleet.console.service.diagnostics.RunRequest;
import io.camfleet.console.service.diagnostics.RunbookPreview;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.runbooks.RunbookCatalogue;
import io.camfleet.console.service.runbooks.RunbookLibrary;
import io.camfleet.console.service.support.TicketService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code camfleet diag}: a runbook on the cameras of the sites a filter selects, over the deployments' executors;
 * each camera's outcome and output (redacted) printed as it ends, or one JSON document; into a ticket's timeline with
 * {@code --ticket}. A remediation runs only with {@code --yes}, or once the operator typed yes at a terminal.
 */
@Command(name = "diag", mixinStandardHelpOptions = true,
        description = {"Run a diagnostics or remediation runbook on cameras, or list the runbooks (--list).",
                "Exits 0 when it completed with exit 0 on every camera, 1 when it did not on some, 2 on bad input"
                        + " (nothing run), 3 when the data folder or the cloud cannot be used."})
public final class DiagCommand implements Callable<Integer> {

    @ParentCommand
    CamfleetCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUNBOOK", description = "The runbook's id (see --list).")
    String runbook;

    @Option(names = "--list", description = "List the runbooks with their parameters.")
    boolean list;

    @Option(names = "--targets", paramLabel = "FILTER",
            description = {"The cameras of the sites this selects: words and key:value chips (health, region,"
                    + " customer, version, environment), or all for the whole fleet."})
    String targets;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A parameter's value; repeat for each.")
    Map<String, String> values = new LinkedHashMap<>();

    @Option(names = "--ticket", paramLabel = "ID", description = "Put each camera's output in this ticket.")
    long ticket;

    @Option(names = "--executor", description = "demo, ssh or ssm (default: demo on the demo fleet, else ssh).")
    String executor;

    @Option(names = "--ssh-user", defaultValue = "camfleet", description = "User on the cameras (default: camfleet).")
    String sshUser;

    @Option(names = "--yes", description = "Confirm a remediation (it changes the cameras) without asking.")
    boolean yes;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    private final Messages messages;

    public DiagCommand(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Integer call() {
        if (list) {
            return list();
        }
        if (runbook == null) {
            throw Problem.badInput("diag.cli.noRunbook");
        }
        if (targets == null) {
            throw Problem.badInput("diag.cli.noTargets", runbook);
        }
        ConsoleBackend backend = Commands.backend(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (ConsoleBackend.Session session = backend.openConfigured(root.dataDir())) {
            FleetSnapshot fleet = DeployCommand.fleet(backend, session, root.dataDir(), spec.commandLine().getErr(),
                    messages);
            List<Target> cameras = DeploymentTargets.of(fleet, DeploymentTargets.parseFilter(targets)).placements()
                    .values().stream().map(Rollout.Placement::target).toList();
            ExecutorKind exec = executor != null ? ExecutorKind.parse(executor)
                    : fleet.source().startsWith("Demo") ? ExecutorKind.DEMO : ExecutorKind.SSH;
            DiagnosticsService diagnostics = new DiagnosticsService(
                    backend.shell(exec, session.folder(), fleet, sshUser),
                    session.part(RunbookLibrary.class)::current, session.part(TicketService.class), session.audit());
            RunbookPreview preview = diagnostics.preview(runbook, values, cameras);
            boolean confirmed = yes || preview.needsConfirmation() && !json && askedAndConfirmed(preview, cameras);
            // the heading comes with the first camera's outcome: once the run passed its checks, nothing before
            boolean[] headed = {false};
            List<CameraRun> runs = diagnostics.run(new RunRequest(runbook, values, cameras, ticket, confirmed),
                    json ? r -> { } : r -> {
                        if (!headed[0]) {
                            headed[0] = true;
                            out.println(messages.text("diag.cli.running", preview.runbook().id(),
                                    preview.runbook().title(), cameras.size(), exec.lowerCase()));
                            out.println("  " + preview.command());
                        }
                        print(r, out);
                    });
            long failed = runs.stream().filter(r -> !r.succeeded()).count();
            if (json) {
                out.println(json(preview, exec, runs));
            } else {
                out.println(messages.text("diag.cli.summary", runs.size(), runs.size() - failed, failed));
            }
            return failed == 0 ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    /** One camera's outcome, then its output, each line marked so that it is not read as the console's. */
    private void print(CameraRun r, PrintWriter out) {
        String seconds = String.format(Locale.ROOT, "%.1f", r.duration().toMillis() / 1000.0);
        out.println(r.outcome() == CameraRun.Outcome.COMPLETED
                ? messages.text("diag.cli.completed", r.cameraId(), r.exitCode(), seconds)
                : messages.text("diag.cli.notCompleted", r.cameraId(),
                messages.text("diag.outcome." + r.outcome().name()), r.detail()));
        r.output().lines().forEach(line -> out.println("  | " + line));
        out.flush();
    }

    /**
     * At a terminal, the operator is shown what the remediation will do and asked; elsewhere (a pipeline, a script)
     * nobody can answer, and it is refused unless {@code --yes} said so beforehand.
     */
    private boolean askedAndConfirmed(RunbookPreview preview, List<Target> cameras) {
        java.io.Console console = System.console();
        if (console == null || !isTerminal(console)) {
            return false;
        }
        String answer = console.readLine("%s", messages.text("diag.cli.confirm", preview.runbook().id(),
                preview.runbook().title(), cameras.size(), preview.command()) + " ");
        return answer != null && answer.strip().equalsIgnoreCase("yes");
    }

    /** Since Java 22 a console exists without a terminal too; it says whether it has one. Before, it did not exist. */
    private static boolean isTerminal(java.io.Console console) {
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    private String json(RunbookPreview preview, ExecutorKind exec, List<CameraRun> runs) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode doc = mapper.createObjectNode();
        doc.put("runbook", preview.runbook().id());
        doc.put("kind", preview.runbook().kind().name().toLowerCase(Locale.ROOT));
        doc.put("command", preview.command());
        doc.put("executor", exec.lowerCase());
        if (ticket != 0) {
            doc.put("ticket", ticket);
        }
        doc.put("succeeded", runs.stream().filter(CameraRun::succeeded).count());
        doc.put("failed", runs.stream().filter(r -> !r.succeeded()).count());
        ArrayNode cameras = doc.putArray("cameras");
        for (CameraRun r : runs) {
            cameras.addObject().put("camera", r.cameraId())
                    .put("outcome", r.outcome().name().toLowerCase(Locale.ROOT))
                    .put("exitCode", r.exitCode())
                    .put("durationMs", r.duration().toMillis())
                    .put("output", r.output())
                    .put("detail", r.detail());
        }
        return doc.toPrettyString();
    }

    private int list() {
        ConsoleBackend backend = Commands.backend(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (ConsoleBackend.Session session = backend.open(root.dataDir())) {
            RunbookCatalogue catalogue = session.part(RunbookLibrary.class).current();
            if (json) {
                out.println(listJson(catalogue));
            } else {
                for (Runbook r : catalogue.runbooks()) {
                    out.println(String.format(Locale.ROOT, "%-20s %-11s %s", r.id(),
                            r.kind().name().toLowerCase(Locale.ROOT), r.title()));
                    if (!r.parameters().isEmpty()) {
                        out.println("    " + r.parameters().stream().map(this::parameter)
                                .collect(Collectors.joining(", ")));
                    }
                }
            }
            PrintWriter err = spec.commandLine().getErr();
            catalogue.problems().forEach(p -> err.println("camfleet: " + p.text(messages)));
            return ExitCodes.OK;
        }
    }

    private String parameter(RunbookParameter p) {
        String type = p.type().name().toLowerCase(Locale.ROOT);
        return p.defaultValue().isEmpty()
                ? messages.text(p.required() ? "diag.cli.parameterRequired" : "diag.cli.parameter", p.name(), type)
                : messages.text("diag.cli.parameterDefault", p.name(), type, p.defaultValue());
    }

    private static String listJson(RunbookCatalogue catalogue) {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode all = mapper.createArrayNode();
        for (Runbook r : catalogue.runbooks()) {
            ObjectNode o = all.addObject().put("id", r.id()).put("title", r.title())
                    .put("kind", r.kind().name().toLowerCase(Locale.ROOT)).put("description", r.description())
                    .put("builtIn", catalogue.isBuiltIn(r.id())).put("timeoutSeconds", r.timeout().toSeconds());
            ArrayNode ps = o.putArray("parameters");
            r.parameters().forEach(p -> ps.addObject().put("name", p.name())
                    .put("type", p.type().name().toLowerCase(Locale.ROOT)).put("default", p.defaultValue())
                    .put("required", p.required()));
        }
        return all.toPrettyString();
    }
}
