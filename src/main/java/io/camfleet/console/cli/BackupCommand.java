package io.camfleet.console.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.domain.backup.BackupOutcome;
import io.camfleet.console.domain.backup.BackupVersion;
import io.camfleet.console.domain.backup.ConfigDiff;
import io.camfleet.console.service.backup.ConfigBackups;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.DeploymentTargets;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.service.deploy.Rollout;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.fleet.FleetSnapshot;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code camfleet backup}: backs up the configuration folder of the cameras a filter selects (a new version per
 * camera whose folder changed), lists a camera's versions ({@code --list}), or diffs two of them ({@code --diff}).
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Back up the cameras' configuration folders, list a camera's versions, or diff two of them.",
                "Exits 0 when every camera was backed up (or was unchanged), 1 when some failed, 2 on bad input,"
                        + " 3 when the data folder cannot be used."})
public final class BackupCommand implements Callable<Integer> {

    @ParentCommand
    CamfleetCommand root;

    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    What what;

    static final class What {
        @Option(names = "--targets", paramLabel = "FILTER",
                description = {"Back up the cameras of the sites this selects: words and key:value chips (health,"
                        + " region, customer, version, environment), or all for the whole fleet."})
        String targets;

        @Option(names = "--list", paramLabel = "CAMERA", description = "List a camera's versions, newest first.")
        String list;

        @Option(names = "--diff", arity = "3", paramLabel = "CAMERA V1 V2",
                description = "Show two versions of a camera side by side, file by file.")
        List<String> diff;
    }

    @Option(names = "--executor", description = "demo or ssh (default: demo on the demo fleet, else ssh).")
    String executor;

    @Option(names = "--ssh-user", defaultValue = "camfleet", description = "User on the cameras (default: camfleet).")
    String sshUser;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    private final Messages messages;

    public BackupCommand(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Integer call() {
        ConsoleBackend backend = Commands.backend(spec);
        PrintWriter out = spec.commandLine().getOut();
        if (what.targets == null) {
            try (ConsoleBackend.Session session = backend.open(root.dataDir())) {
                ConfigBackups backups = session.part(ConfigBackups.class);
                BackupText text = new BackupText(messages, out);
                if (what.list != null) {
                    List<BackupVersion> versions = backups.versions(what.list);
                    if (json) {
                        out.println(json(versions));
                    } else {
                        text.versions(what.list, versions, backups.lastBackupAge(what.list));
                    }
                } else {
                    ConfigDiff diff = backups.diff(what.diff.get(0), version(what.diff.get(1)),
                            version(what.diff.get(2)));
                    if (json) {
                        out.println(BackupText.json(diff));
                    } else {
                        text.diff(diff);
                    }
                }
                return ExitCodes.OK;
            }
        }
        try (ConsoleBackend.Session session = backend.openConfigured(root.dataDir())) {
            FleetSnapshot fleet = DeployCommand.fleet(backend, session, root.dataDir(), spec.commandLine().getErr(),
                    messages);
            List<Target> cameras = DeploymentTargets.of(fleet, DeploymentTargets.parseFilter(what.targets))
                    .placements().values().stream().map(Rollout.Placement::target).toList();
            ExecutorKind exec = executor(executor, fleet);
            ConfigBackups backups = session.part(ConfigBackups.class);
            List<BackupOutcome> outcomes = backups.backup(cameras,
                    backend.connector(exec, session.folder(), fleet, sshUser), sshUser);
            if (json) {
                out.println(outcomesJson(outcomes));
            } else {
                new BackupText(messages, out).outcomes(outcomes);
            }
            return outcomes.stream().anyMatch(o -> o.result() == BackupOutcome.Result.FAILED) ? ExitCodes.FAILED
                    : ExitCodes.OK;
        }
    }

    /** The executor named, or the demo's cameras on the demo fleet and SSH elsewhere. */
    static ExecutorKind executor(String named, FleetSnapshot fleet) {
        return named != null ? ExecutorKind.parse(named)
                : fleet.source().startsWith("Demo") ? ExecutorKind.DEMO : ExecutorKind.SSH;
    }

    /** A version number as typed. */
    static int version(String typed) {
        String t = typed.strip().startsWith("v") ? typed.strip().substring(1) : typed.strip();
        try {
            int n = Integer.parseInt(t);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the sentence below
        }
        throw Problem.badInput("backup.badVersion", typed);
    }

    private static String json(List<BackupVersion> versions) {
        ArrayNode all = new ObjectMapper().createArrayNode();
        versions.forEach(v -> BackupText.json(all.addObject(), v));
        return all.toPrettyString();
    }

    private static String outcomesJson(List<BackupOutcome> outcomes) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode doc = mapper.createObjectNode();
        ArrayNode cameras = doc.putArray("cameras");
        for (BackupOutcome o : outcomes) {
            ObjectNode c = cameras.addObject().put("camera", o.cameraId())
                    .put("result", o.result().name().toLowerCase(Locale.ROOT));
            if (o.version() != null) {
                BackupText.json(c.putObject("version"), o.version());
            }
            if (!o.problem().isEmpty()) {
                c.put("problem", o.problem());
            }
            ArrayNode skipped = c.putArray("skipped");
            o.skipped().forEach(skipped::add);
        }
        doc.put("failed", outcomes.stream().filter(o -> o.result() == BackupOutcome.Result.FAILED).count());
        return doc.toPrettyString();
    }
}
