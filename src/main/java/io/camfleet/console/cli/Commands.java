package io.camfleet.console.cli;

import io.camfleet.console.service.Messages;
import io.camfleet.console.service.Problem;
import io.camfleet.console.service.RegistryRejected;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;

/** Builds the {@code camfleet} command line and turns failures into one-line messages and exit codes. */
public final class Commands {

    private Commands() {
    }

    public static CommandLine commandLine(ConsoleBackend backend, Messages messages) {
        CommandLine cmd = new CommandLine(new CamfleetCommand(backend));
        // The command that moved an unusable cache aside says so, once; the window shows a banner as well.
        backend.onCacheMovedAside(aside -> cmd.getErr().println("camfleet: "
                + messages.text("cache.movedAside", aside.getFileName(), aside.getParent())));
        cmd.addSubcommand(new AuditCommand(messages));
        cmd.addSubcommand(new DemoCommand());
        cmd.addSubcommand(new DeployCommand(messages));
        cmd.addSubcommand(new EnvCommand(messages));
        cmd.addSubcommand(new FleetCommand());
        cmd.addSubcommand(new ImportCommand(messages));
        cmd.addSubcommand(new MapCommand());
        cmd.addSubcommand(new SyncCommand(messages));
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("camfleet: " + ex.getMessage() + " (see '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return ExitCodes.USAGE;
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof Problem p) {
                err.println("camfleet: " + messages.text(p));
                if (p instanceof RegistryRejected rejected) {
                    rejected.errors().forEach(row -> err.println("  " + messages.text(row)));
                }
                return p.kind() == Problem.Kind.BAD_INPUT ? ExitCodes.USAGE : ExitCodes.UNAVAILABLE;
            }
            LoggerFactory.getLogger(Commands.class).error("Command failed", ex);
            err.println("camfleet: " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
            return ExitCodes.FAILED;
        });
        return cmd;
    }

    /** The backend, found through the root command of any subcommand. */
    static ConsoleBackend backend(CommandSpec spec) {
        CommandSpec root = spec;
        while (root.parent() != null) {
            root = root.parent();
        }
        return ((CamfleetCommand) root.userObject()).backend();
    }
}
