package io.camfleet.console.cli;

import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.fleet.RegistryRejected;
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
        backend.onSettingsUnreadable(p -> cmd.getErr().println("camfleet: " + messages.text(p) + " "
                + messages.text("settings.unreadable.defaults")));
        // Each feature brings its commands; help lists them by name.
        backend.commands(messages).stream()
                .sorted(java.util.Comparator.comparing(c -> c.getClass().getAnnotation(CommandLine.Command.class).name()))
                .forEach(cmd::addSubcommand);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionStrategy(Commands::execute);
        cmd.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = TerminalText.escaping(ex.getCommandLine().getErr());
            err.println("camfleet: " + ex.getMessage() + " (see '"
                    + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return ExitCodes.USAGE;
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = TerminalText.escaping(commandLine.getErr());
            if (ex instanceof Problem p) {
                err.println("camfleet: " + messages.text(p));
                if (p instanceof RegistryRejected rejected) {
                    rejected.errors().forEach(row -> err.println("  " + row.text(messages)));
                }
                return p.kind() == Problem.Kind.BAD_INPUT ? ExitCodes.USAGE : ExitCodes.UNAVAILABLE;
            }
            LoggerFactory.getLogger(Commands.class).error("Command failed", ex);
            err.println("camfleet: " + (ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
            return ExitCodes.FAILED;
        });
        return cmd;
    }

    /**
     * Runs the command with everything it prints going through {@link TerminalText}: what commands print comes from the
     * fleet and the journal, and is escaped here, once, rather than at each print. Help is picocli's own text.
     */
    private static int execute(CommandLine.ParseResult parsed) {
        Integer help = CommandLine.executeHelpRequest(parsed);
        if (help != null) {
            return help;
        }
        CommandLine root = parsed.commandSpec().commandLine();
        root.setOut(TerminalText.escaping(root.getOut()));
        root.setErr(TerminalText.escaping(root.getErr()));
        try {
            return new CommandLine.RunLast().execute(parsed);
        } finally {
            root.getOut().flush();
            root.getErr().flush();
        }
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
