package io.camfleet.console.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.Strategy;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.service.fleet.FleetFilter;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.deploy.DeploymentRecord;
import io.camfleet.console.service.deploy.DeploymentService;
import io.camfleet.console.service.deploy.DeploymentTargets;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.service.deploy.Lease;
import io.camfleet.console.service.deploy.PlanJson;
import io.camfleet.console.service.deploy.Rollout;
import io.camfleet.console.service.deploy.RolloutService;
import io.camfleet.console.service.deploy.TargetRecord;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code camfleet deploy}: a rollout from a pipeline. Launches one ({@code --release --targets --plan}), picks one
 * up after the console stopped under it ({@code --resume ID}), tells where one is ({@code --status ID}), or lists
 * them ({@code --list}). Exit codes: 0 succeeded, 1 failed or threshold exceeded, 2 aborted, 3 bad input or a cache
 * that cannot be written, 4 interrupted (nobody runs it: resume it), 5 still running elsewhere ({@code --status}).
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Roll a release out to the cameras, from a pipeline.",
                "Exits 0 succeeded, 1 failed or threshold exceeded, 2 aborted, 3 bad input or the cache cannot be"
                        + " written, 4 interrupted (resume it), 5 still running (--status)."})
public final class DeployCommand implements Callable<Integer> {

    static final int SUCCEEDED = 0;
    static final int FAILED = 1;
    static final int ABORTED = 2;
    static final int BAD_INPUT = 3;
    /** Not ended and nobody runs it (its lease expired, or its process is gone): it may be resumed. */
    static final int INTERRUPTED = 4;
    /** Still running, in the process holding its lease. */
    static final int RUNNING = 5;

    @ParentCommand
    CamfleetCommand root;

    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    What what;

    static final class What {
        @ArgGroup(exclusive = false)
        Launch launch;

        @Option(names = "--resume", paramLabel = "ID", description = "Pick up a deployment that was interrupted.")
        String resume;

        @Option(names = "--status", paramLabel = "ID", description = "Print where a deployment is, and who runs it.")
        String status;

        @Option(names = "--list", description = "List the deployments, newest first, with their states.")
        boolean list;
    }

    static final class Launch {
        @Option(names = "--release", required = true, paramLabel = "RELEASE.json", description = "The release.")
        Path release;

        @Option(names = "--targets", required = true, paramLabel = "FILTER",
                description = {"Words and key:value chips (health, region, customer, version, environment),",
                        "or all for the whole fleet."})
        String targets;

        @Option(names = "--plan", required = true, paramLabel = "PLAN.json", description = "The rollout strategy.")
        Path plan;

        @Option(names = "--dry-run", description = {"Check all a launch checks and print the waves, what each"
                + " touches and the artifact to send; journal and send nothing.", "Exits 0, or 3 on bad input."})
        boolean dryRun;
    }

    @Option(names = "--executor", description = "demo, ssh or ssm (default: demo on the demo fleet, else ssh).")
    String executor;

    @Option(names = "--ssh-user", defaultValue = "camfleet", description = "User on the cameras (default: camfleet).")
    String sshUser;

    @Option(names = "--wait", description = {"Run the rollout here and exit with its outcome.",
            "Without it the rollout runs on in a process of its own (its output in the data folder's"
                    + " deployments/ID.log); the command prints the id and exits 0."})
    boolean waitForIt;

    @Option(names = "--json", description = "Print the outcome as JSON.")
    boolean json;

    private final Messages messages;

    public DeployCommand(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Integer call() {
        ConsoleBackend backend = Commands.backend(spec);
        PrintWriter err = spec.commandLine().getErr();
        Rollout detach = null;
        try (ConsoleBackend.Session session = open(backend)) {
            DeploymentService deployments = session.deployments();
            RolloutService rollouts = session.rollouts();
            if (what.status != null) {
                return report(deployments, rollouts.status(what.status));
            }
            if (what.list) {
                return list(rollouts);
            }
            FleetSnapshot fleet = what.resume != null ? cached(backend, session) : fleet(backend, session);
            ExecutorKind exec = executor != null ? ExecutorKind.parse(executor)
                    : fleet.source().startsWith("Demo") ? ExecutorKind.DEMO : ExecutorKind.SSH;
            Rollout rollout;
            if (what.resume != null) {
                DeploymentTargets all = DeploymentTargets.of(fleet, FleetFilter.ALL);
                DeploymentRecord d = deployments.find(what.resume);
                rollout = rollouts.resume(what.resume, all.placements(),
                        backend.runner(d.executor(), session.folder(), fleet, sshUser));
            } else {
                Release release = backend.release(what.launch.release);
                Strategy strategy = PlanJson.parse(read(what.launch.plan));
                DeploymentTargets targets = DeploymentTargets.of(fleet,
                        DeploymentTargets.parseFilter(what.launch.targets));
                if (what.launch.dryRun) {
                    return new DryRunReport(messages, spec.commandLine().getOut(), json).print(release,
                            exec, deployments.preview(release, strategy, targets.plan(),
                                    targets.placements(), backend.runner(exec, session.folder(), fleet, sshUser)));
                }
                rollout = rollouts.launch(release, strategy, targets.plan(), targets.placements(),
                        exec, backend.runner(exec, session.folder(), fleet, sshUser));
                spec.commandLine().getOut().println(messages.text("deploy.launched", rollout.id(),
                        release.label(), targets.plan().size()));
                spec.commandLine().getOut().flush();
                if (!waitForIt) {
                    // The lease goes with this process: the detached one takes it and runs the rollout.
                    rollouts.handOver(rollout);
                    detach = rollout;
                }
            }
            if (detach == null) {
                rollouts.addListener(this::progress);
                rollouts.runHere(rollout);
                if (rollout.halted() != null) {
                    err.println("camfleet: " + problemText(rollout.halted()));
                    return BAD_INPUT;
                }
                return report(deployments, rollouts.status(rollout.id()));
            }
        } catch (Problem p) {
            err.println("camfleet: " + messages.text(p));
            return BAD_INPUT; // bad input, or a data folder, cache or AWS that cannot be used: nothing was run
        }
        List<String> args = new ArrayList<>(List.of("deploy", "--resume", detach.id(), "--wait", "--ssh-user",
                sshUser));
        if (root.dataDir() != null) {
            args.addAll(List.of("--data-dir", root.dataDir().toString()));
        }
        Path log = backend.detach(args, root.dataDir(), "deployments/" + detach.id() + ".log");
        spec.commandLine().getOut().println(messages.text("deploy.detached", detach.id(), log));
        return SUCCEEDED;
    }

    private String problemText(RuntimeException e) {
        return e instanceof Problem p ? messages.text(p) : String.valueOf(e.getMessage());
    }

    /**
     * Opens the data folder; a rollout launched without {@code --wait} opens it as its launcher lets go, and a folder
     * whose server is just then handing over may be refused for a moment: it is tried again for a while.
     */
    private ConsoleBackend.Session open(ConsoleBackend backend) {
        long giveUp = System.nanoTime() + (what.resume != null ? 30_000_000_000L : 0);
        while (true) {
            try {
                return backend.openConfigured(root.dataDir());
            } catch (Problem p) {
                if (!p.key().equals("problem.cacheAlreadyOpen") || System.nanoTime() > giveUp) {
                    throw p;
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw p;
                }
            }
        }
    }

    /**
     * The fleet from its source; when that cannot be read, the cache as last synced, and a line saying why. While a
     * window (or a sync) keeps the folder's fleet, the cache it keeps up to date.
     */
    private FleetSnapshot fleet(ConsoleBackend backend, ConsoleBackend.Session session) {
        return fleet(backend, session, root.dataDir(), spec.commandLine().getErr(), messages);
    }

    /** The fleet commands reach cameras in: see {@link #fleet(ConsoleBackend, ConsoleBackend.Session)}. */
    static FleetSnapshot fleet(ConsoleBackend backend, ConsoleBackend.Session session, Path dataDir, PrintWriter err,
                               Messages messages) {
        try {
            return backend.asFleetKeeper(dataDir, () -> session.fleet().start(Progress.NONE))
                    .orElseGet(() -> session.fleet().openCache());
        } catch (RuntimeException e) {
            FleetSnapshot cached = session.fleet().openCache();
            err.println("camfleet: " + messages.text("deploy.sourceUnreadable",
                    session.fleet().sourceName(), e instanceof Problem p ? messages.text(p) : e.getMessage(),
                    cached.asOf() == null ? "-" : cached.asOf().toString()));
            return cached;
        }
    }

    /**
     * The fleet of a rollout picked up again: the cache, which its launch filled, so that a rollout running on in its
     * own process never writes the fleet under the window that keeps it.
     */
    private FleetSnapshot cached(ConsoleBackend backend, ConsoleBackend.Session session) {
        FleetSnapshot cached = session.fleet().openCache();
        if (cached.siteCount() > 0) {
            return cached;
        }
        return backend.asFleetKeeper(root.dataDir(), () -> session.fleet().start(Progress.NONE)).orElse(cached);
    }

    /** A plan file is a few lines: anything else ({@code /dev/zero}, a folder) is refused, never read for ever. */
    private static String read(Path file) {
        try {
            if (Files.exists(file) && (!Files.isRegularFile(file) || Files.size(file) > 1 << 20)) {
                throw Problem.badInput("plan.unreadable", file, "it is not a JSON file of at most 1 MB");
            }
            return Files.readString(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw Problem.badInput("plan.missing", file);
        } catch (IOException e) {
            throw Problem.badInput("plan.unreadable", file, e.getMessage());
        }
    }

    private long lastPrinted;

    /** A line when the deployment changes state, and one every five seconds while it runs. */
    private synchronized void progress(Rollout r) {
        long now = System.nanoTime();
        if (json || now - lastPrinted < 5_000_000_000L && !r.isFinished()) {
            return;
        }
        lastPrinted = now;
        Map<TargetState, Integer> counts = new EnumMap<>(TargetState.class);
        r.targets().values().forEach(s -> counts.merge(s, 1, Integer::sum));
        spec.commandLine().getOut().println(r.id() + " " + r.state() + " " + counts);
        spec.commandLine().getOut().flush();
    }

    private int report(DeploymentService deployments, RolloutService.Status status) {
        DeploymentRecord d = status.deployment();
        String id = d.id();
        List<TargetRecord> targets = deployments.targets(id);
        Map<TargetState, Integer> counts = new EnumMap<>(TargetState.class);
        targets.forEach(t -> counts.merge(t.state(), 1, Integer::sum));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode o = new ObjectMapper().createObjectNode();
            o.put("id", d.id());
            o.put("release", d.releaseName() + " " + d.releaseVersion());
            o.put("executor", d.executor().name());
            o.put("state", d.state().name());
            o.put("activity", status.activity().name());
            status.lease().ifPresent(l -> o.putObject("lease").put("holder", l.holder())
                    .put("heartbeat", l.heartbeatAt().toString()).put("expires", l.expiresAt().toString()));
            ObjectNode byState = o.putObject("targets");
            counts.forEach((s, n) -> byState.put(s.name(), n));
            targets.stream().filter(t -> t.state().isFailure()).forEach(t -> o.withArray("failed")
                    .addObject().put("camera", t.target().cameraId()).put("state", t.state().name())
                    .put("detail", t.detail()));
            out.println(o.toPrettyString());
        } else {
            out.println(messages.text("deploy.status", d.id(), d.releaseName() + " " + d.releaseVersion(),
                    d.state().name(), counts.toString()));
            switch (status.activity()) {
                case INTERRUPTED -> out.println(messages.text("deploy.status.interrupted", id,
                        status.lease().map(Lease::holder).orElse("-"),
                        status.lease().map(Lease::heartbeatAt).orElse(d.updatedAt()), resumeCommand(id)));
                case RUNNING_ELSEWHERE -> out.println(messages.text("deploy.status.elsewhere",
                        status.lease().map(Lease::holder).orElse("-"),
                        status.lease().map(l -> l.heartbeatAt().toString()).orElse("-")));
                default -> {
                }
            }
        }
        return switch (status.activity()) {
            case INTERRUPTED -> INTERRUPTED;
            case RUNNING_ELSEWHERE, RUNNING_HERE -> RUNNING;
            case ENDED -> exitCode(d.state());
        };
    }

    /** The command that resumes {@code id}, with this run's data folder. */
    private String resumeCommand(String id) {
        return "camfleet deploy --resume " + id + " --wait"
                + (root.dataDir() == null ? "" : " --data-dir " + root.dataDir());
    }

    private int list(RolloutService rollouts) {
        List<RolloutService.Status> all = rollouts.list(LIST_LIMIT);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            var array = new ObjectMapper().createArrayNode();
            for (RolloutService.Status s : all) {
                DeploymentRecord d = s.deployment();
                array.addObject().put("id", d.id()).put("release", d.releaseName() + " " + d.releaseVersion())
                        .put("executor", d.executor().name()).put("state", d.state().name())
                        .put("activity", s.activity().name()).put("created", d.createdAt().toString())
                        .put("by", d.createdBy());
            }
            out.println(array.toPrettyString());
            return SUCCEEDED;
        }
        if (all.isEmpty()) {
            out.println(messages.text("deploy.list.none"));
            return SUCCEEDED;
        }
        out.println(String.format("%-22s %-13s %-32s %-6s %-20s %s", "ID", "STATE", "RELEASE", "VIA", "CREATED",
                "BY"));
        for (RolloutService.Status s : all) {
            DeploymentRecord d = s.deployment();
            String state = switch (s.activity()) {
                case INTERRUPTED -> "INTERRUPTED";
                case ENDED -> d.state().name();
                case RUNNING_HERE, RUNNING_ELSEWHERE -> d.state().name() + "*";
            };
            out.println(String.format("%-22s %-13s %-32s %-6s %-20s %s", d.id(), state,
                    d.releaseName() + " " + d.releaseVersion(), d.executor(),
                    d.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), d.createdBy()));
        }
        out.println(messages.text("deploy.list.legend"));
        return SUCCEEDED;
    }

    /** How many deployments {@code --list} shows, newest first. */
    private static final int LIST_LIMIT = 200;

    /** The exit code of an ended deployment. */
    static int exitCode(DeploymentState state) {
        return switch (state) {
            case SUCCEEDED -> SUCCEEDED;
            case FAILED, FAILING -> FAILED;
            case ABORTED, ABORTING -> ABORTED;
            case RUNNING, PAUSED -> RUNNING;
        };
    }
}
