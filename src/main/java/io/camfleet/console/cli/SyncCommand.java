package io.camfleet.console.cli;

import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.settings.EnvironmentSettings;
import io.camfleet.console.service.environments.EnvironmentsFleetSource;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.environments.SyncCache;
import io.camfleet.console.service.environments.SyncReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code camfleet sync [--env NAME | --profile P --region R [--label L] [--endpoint URL]] [--full]}: the data
 * folder's AWS environments (those of Settings and {@code camfleet env}) into its cache, with their counts printed.
 * Every configured environment, or the one named; with a profile and a region, that environment is added to the
 * settings, or updated there, first. Syncing one never removes another's rows, and afterwards the folder's settings
 * name AWS, so that the window opens on what was synced. Credentials come from the AWS config and the SDK's default
 * chain, as on the desktop.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Sync AWS environments (IoT things and groups, CloudWatch metrics) into the cache: every "
                + "configured one (camfleet env), the one named by --env, or the one given by --profile and --region, "
                + "which is added to the settings or updated there first.",
                "Prints per environment: sites, cameras, unplaced, removed. Exits 0; 2 for bad input; 3 when an "
                        + "environment could not be synced."})
public final class SyncCommand implements Callable<Integer> {

    @ParentCommand
    CamfleetCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--env", paramLabel = "NAME", description = "Sync only this configured environment.")
    String env;

    @Option(names = "--profile", description = "AWS profile from your AWS config (default: the default profile).")
    String profile;

    @Option(names = "--region", description = "AWS region, e.g. eu-west-1.")
    String region;

    @Option(names = "--endpoint", description = "Endpoint override (a VPC endpoint, or an emulator).")
    String endpoint;

    @Option(names = "--label", description = "The environment's label on records (default: the profile name).")
    String label;

    @Option(names = "--full", description = "Rewrite every row instead of only what changed.")
    boolean full;

    private final Messages messages;

    public SyncCommand(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Integer call() {
        boolean describesOne = profile != null || region != null || label != null || endpoint != null;
        if (describesOne && env != null) {
            throw Problem.badInput("sync.envOrProfile");
        }
        Environment given = describesOne ? given() : null;
        ConsoleBackend backend = Commands.backend(spec);
        EnvironmentSettings settings = new EnvironmentSettings(backend.settings(root.dataDir()));
        SourceSettings source = settings.source();
        if (given != null) {
            source = source.withEnvironment(source.environment(given.label()).orElse(null), given);
        } else if (source.environments().isEmpty()) {
            throw Problem.badInput("sync.noEnvironment");
        }
        List<String> toSync = env != null ? List.of(settings.named(env).label())
                : given != null ? List.of(given.label())
                : source.environments().stream().map(Environment::label).toList();
        try (ConsoleBackend.Session session = backend.openEnvironments(root.dataDir(), source, toSync, full)) {
            if (given != null) {
                settings.put(given); // kept even if this sync fails: the next one retries it
            }
            session.fleet().reload(Progress.NONE);
            // The cache now holds these environments' rows and no other source's: the window opens on them.
            settings.syncedFromAws();
            return report(session.environments().orElseThrow(), toSync);
        }
    }

    /** The environment the options describe, checked as Settings checks it. */
    private Environment given() {
        String p = profile == null ? "" : profile;
        return Environment.of(EnvCommand.label(label, p), p, region, endpoint);
    }

    /** A line per environment synced, its warnings, what left the cache, and each environment that failed. */
    private int report(EnvironmentsFleetSource aws, List<String> toSync) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Set<String> synced = new HashSet<>();
        for (SyncReport r : aws.reports()) {
            synced.add(r.environment());
            out.println(messages.text("sync.done", r.environment(), r.sites(), r.cameras(), r.unplaced(),
                    r.removed(), messages.text(r.full() ? "sync.full" : "sync.incremental"), r.written(), r.pages(),
                    r.throttled(), r.took().toMillis()));
            out.println(messages.text("sync.calls", r.totalCalls(), r.callsByOperation(),
                    messages.text("sync.path." + r.path().name())));
            if (r.readAllBecause() != null) {
                out.println(messages.text("sync.readAll", r.environment(), messages.text(r.readAllBecause())));
            }
        }
        for (SyncCache.Removed r : aws.removed()) {
            out.println(r.environment().isEmpty()
                    ? messages.text("sync.removedOtherSource", r.sites(), r.cameras())
                    : messages.text("sync.removedUnconfigured", r.environment(), r.sites(), r.cameras()));
        }
        // Warnings and failures alike; each names its environment.
        aws.problems().forEach(p -> err.println("camfleet: " + messages.text(p)));
        boolean allSynced = synced.containsAll(toSync);
        return allSynced ? ExitCodes.OK : ExitCodes.UNAVAILABLE;
    }
}
