package io.camfleet.console.cli;

import io.camfleet.console.service.Environment;
import io.camfleet.console.service.Messages;
import io.camfleet.console.service.Progress;
import io.camfleet.console.service.SyncReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code camfleet sync --profile P --region R [--endpoint URL]}: one AWS environment into the data folder's cache,
 * with its counts printed. Credentials come from the AWS config and the SDK's default chain, as on the desktop.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Sync one AWS environment (IoT things and groups, CloudWatch metrics) into the cache.",
                "Prints: sites, cameras, unplaced, removed. Exits 0, or 1/3 with the reason."})
final class SyncCommand implements Callable<Integer> {

    @ParentCommand
    CamfleetCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", description = "AWS profile from your AWS config (default: the default profile).")
    String profile = "";

    @Option(names = "--region", required = true, description = "AWS region, e.g. eu-west-1.")
    String region;

    @Option(names = "--endpoint", description = "Endpoint override (a VPC endpoint, or an emulator).")
    String endpoint;

    @Option(names = "--label", description = "The environment's label on records (default: the profile name).")
    String label;

    @Option(names = "--full", description = "Rewrite every row instead of only what changed.")
    boolean full;

    private final Messages messages;

    SyncCommand(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Integer call() {
        String name = label != null ? label : profile.isEmpty() ? "default" : profile;
        Environment environment = Environment.of(name, profile, region, endpoint);
        ConsoleBackend backend = Commands.backend(spec);
        try (ConsoleBackend.Session session = backend.openEnvironments(root.dataDir(), List.of(environment), full)) {
            session.fleet().reload(Progress.NONE);
            for (SyncReport r : session.syncReports()) {
                spec.commandLine().getOut().println(messages.text("sync.done", r.environment(), r.sites(),
                        r.cameras(), r.unplaced(), r.removed(), messages.text(r.full() ? "sync.full"
                                : "sync.incremental"), r.written(), r.pages(), r.throttled(), r.took().toMillis()));
            }
            return ExitCodes.OK;
        }
    }
}
