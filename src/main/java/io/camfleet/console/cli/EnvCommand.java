package io.camfleet.console.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.environments.EnvironmentReader.CallerIdentity;
import io.camfleet.console.service.settings.EnvironmentSettings;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.domain.terraform.TerraformState;
import io.camfleet.console.service.terraform.EnvironmentDrift;
import io.camfleet.console.service.terraform.TerraformService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;

/**
 * {@code camfleet env add|list|remove|test|state}: the AWS environments of the data folder, the same ones the window's
 * Settings show, kept in its {@code settings.json} and checked as the Settings form checks them. A change holds the
 * data folder while it writes, so that a window open on it cannot overwrite it.
 */
@Command(name = "env", mixinStandardHelpOptions = true,
        description = {"Manage the AWS environments of the data folder: the same ones as Settings, Fleet source; "
                + "show their Terraform state.",
                "Exits 0; 2 for bad input or an unknown environment; 3 when the folder or AWS is unavailable."})
public final class EnvCommand {

    @ParentCommand
    CamfleetCommand root;

    @Spec
    CommandSpec spec;

    private final Messages messages;

    public EnvCommand(Messages messages) {
        this.messages = messages;
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an environment: a label, a profile from your AWS config and a region.")
    int add(@Option(names = "--label", description = "The label every record of it carries (default: the "
                    + "profile name).") String label,
            @Option(names = "--profile", defaultValue = "", description = "AWS profile from your AWS config "
                    + "(default: the default profile).") String profile,
            @Option(names = "--region", required = true, description = "AWS region, e.g. eu-west-1.") String region,
            @Option(names = "--endpoint", description = "Endpoint override (a VPC endpoint, or an emulator).")
            String endpoint,
            @Option(names = "--events-queue", description = "SQS queue URL the registry events are forwarded to: "
                    + "incremental syncs then ask only for what changed.") String eventsQueue) {
        Environment e = Environment.of(label(label, profile), profile, region, endpoint, eventsQueue);
        try (ConsoleBackend.Session session = holdFolder()) {
            settings().add(e);
            out().println(messages.text("env.added", e.label(), e.profileOrDefault(), e.region(), session.folder()));
        }
        return ExitCodes.OK;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the environments.")
    int list(@Option(names = "--json", description = "Print JSON instead of text.") boolean json) throws Exception {
        List<Environment> environments = settings().environments();
        if (json) {
            ArrayNode out = new ObjectMapper().createArrayNode();
            for (Environment e : environments) {
                out.addObject().put("label", e.label()).put("profile", e.profile()).put("region", e.region())
                        .put("endpoint", e.endpoint() == null ? null : e.endpoint().toString())
                        .put("eventsQueue", e.eventsQueue() == null ? null : e.eventsQueue().toString());
            }
            out().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
        } else if (environments.isEmpty()) {
            out().println(messages.text("env.none"));
        } else {
            for (Environment e : environments) {
                out().println(messages.text("env.line", e.label(), e.profileOrDefault(), e.region(),
                        e.endpoint() == null ? messages.text("settings.source.endpoint.aws") : e.endpoint()));
            }
        }
        return ExitCodes.OK;
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove an environment; its sites and cameras leave the cache at the next sync.")
    int remove(@Parameters(paramLabel = "NAME", description = "The environment's label.") String name) {
        try (ConsoleBackend.Session session = holdFolder()) {
            Environment gone = settings().remove(name);
            out().println(messages.text("env.removed", gone.label()));
        }
        return ExitCodes.OK;
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Ask AWS who the console is in an environment (STS GetCallerIdentity), as Settings' Test.")
    int test(@Parameters(paramLabel = "NAME", description = "The environment's label.") String name) {
        Environment e = settings().named(name);
        CallerIdentity id = Commands.backend(spec).environments().identity(e);
        out().println(messages.text("env.tested", e.label(), id.account(), id.arn()));
        return ExitCodes.OK;
    }

    @Command(name = "state", mixinStandardHelpOptions = true,
            description = {"Show an environment's Terraform state, read only from its S3 backend (bucket and key in "
                    + "the settings' terraform section): resources by type, serial, last modified, Terraform version; "
                    + "and drift hints for instances, images and IoT things.",
                    "Exits 1 when there are drift hints; 2 for an unknown environment or a bad state file."})
    int state(@Option(names = "--env", required = true, paramLabel = "NAME", description = "The environment's label.")
              String name,
              @Option(names = "--json", description = "Print JSON instead of text.") boolean json,
              @Option(names = "--no-drift", description = "Read the state only; ask AWS for nothing else.")
              boolean noDrift) throws Exception {
        try (ConsoleBackend.Session session = Commands.backend(spec).open(root.dataDir())) {
            TerraformService terraform = session.part(TerraformService.class);
            EnvironmentDrift drift = noDrift ? null : terraform.drift(name);
            TerraformState state = noDrift ? terraform.state(name) : drift.state();
            EnvStateText text = new EnvStateText(messages);
            out().print(json ? text.json(name, state, drift) : text.plain(name, state, drift));
            return drift != null && !drift.hints().isEmpty() ? ExitCodes.FAILED : ExitCodes.OK;
        }
    }

    /** The label given, else the profile's name, as {@code camfleet sync} defaults it. */
    static String label(String label, String profile) {
        return label != null ? label : profile.isEmpty() ? "default" : profile;
    }

    private EnvironmentSettings settings() {
        return new EnvironmentSettings(Commands.backend(spec).settings(root.dataDir()));
    }

    /** The data folder, kept as a window keeps it: a window open on it refuses, and so this command fails. */
    private ConsoleBackend.Session holdFolder() {
        return Commands.backend(spec).openKeeping(root.dataDir());
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
