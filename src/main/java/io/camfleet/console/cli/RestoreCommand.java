package io.camfleet.console.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.domain.backup.BackupVersion;
import io.camfleet.console.domain.backup.RestoreReport;
import io.camfleet.console.service.backup.ConfigBackups;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.DeploymentTargets;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.service.deploy.Rollout;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.fleet.FleetFilter;
import io.camfleet.console.service.fleet.FleetSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * {@code camfleet restore CAMERA VERSION}: writes a backed-up version back to a camera. It asks at a terminal; elsewhere
 * (a script, a pipeline) it is refused unless {@code --yes} confirmed it beforehand.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Restore a camera's configuration folder to a backed-up version (see camfleet backup --list).",
                "What the camera holds is backed up first; files the version does not have are removed.",
                "Exits 0 when restored and read back, 2 on bad input or when not confirmed (nothing changed),"
                        + " 3 when the camera or the data folder cannot be used."})
public final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    CamfleetCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CAMERA", description = "The camera system's id.")
    String camera;

    @Parameters(index = "1", paramLabel = "VERSION", description = "The version to restore, as --list shows it.")
    String version;

    @Option(names = "--yes", description = "Confirm the restore without asking.")
    boolean yes;

    @Option(names = "--executor", description = "demo or ssh (default: demo on the demo fleet, else ssh).")
    String executor;

    @Option(names = "--ssh-user", defaultValue = "camfleet", description = "User on the cameras (default: camfleet).")
    String sshUser;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    private final Messages messages;

    public RestoreCommand(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Integer call() {
        int number = BackupCommand.version(version);
        ConsoleBackend backend = Commands.backend(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (ConsoleBackend.Session session = backend.openConfigured(root.dataDir())) {
            ConfigBackups backups = session.part(ConfigBackups.class);
            BackupVersion chosen = backups.version(camera, number);
            FleetSnapshot fleet = DeployCommand.fleet(backend, session, root.dataDir(), spec.commandLine().getErr(),
                    messages);
            Rollout.Placement placement = DeploymentTargets.of(fleet, FleetFilter.ALL).placements().get(camera);
            if (placement == null) {
                throw Problem.badInput("backup.noCamera", camera);
            }
            Target target = placement.target();
            boolean confirmed = yes || asked(chosen);
            ExecutorKind exec = BackupCommand.executor(executor, fleet);
            RestoreReport report = backups.restore(target, number, confirmed,
                    backend.connector(exec, session.folder(), fleet, sshUser), sshUser);
            if (json) {
                out.println(json(report));
            } else {
                out.println(messages.text("backup.cli.restored", camera, number, report.written().size(),
                        report.removed().size(), report.readBack().number()));
                if (!report.removed().isEmpty()) {
                    out.println("  " + messages.text("backup.cli.removed", String.join(", ", report.removed())));
                }
                out.println("  " + messages.text("backup.cli.before", report.before().number()));
            }
            return ExitCodes.OK;
        }
    }

    /**
     * At a terminal, the operator is told what will happen and asked; elsewhere nobody can answer, and the restore is
     * refused with a sentence saying to pass --yes.
     */
    private boolean asked(BackupVersion chosen) {
        java.io.Console console = System.console();
        if (console == null || !isTerminal(console)) {
            throw Problem.badInput("backup.confirmNotInteractive", camera, chosen.number());
        }
        String answer = console.readLine("%s", messages.text("backup.cli.confirm", camera, chosen.number(),
                BackupText.WHEN.format(chosen.takenAt()), chosen.files()) + " ");
        return answer != null && answer.strip().equalsIgnoreCase("yes");
    }

    /** Since Java 22 a console exists without a terminal too; it says whether it has one. */
    private static boolean isTerminal(java.io.Console console) {
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    private static String json(RestoreReport r) {
        ObjectNode doc = new ObjectMapper().createObjectNode().put("camera", r.cameraId())
                .put("restored", r.restored());
        ArrayNode written = doc.putArray("written");
        r.written().forEach(written::add);
        ArrayNode removed = doc.putArray("removed");
        r.removed().forEach(removed::add);
        BackupText.json(doc.putObject("before"), r.before());
        BackupText.json(doc.putObject("readBack"), r.readBack());
        return doc.toPrettyString();
    }
}
