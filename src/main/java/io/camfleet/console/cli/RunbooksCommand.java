package io.camfleet.console.cli;

import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.runbooks.RunbookCatalogue;
import io.camfleet.console.service.runbooks.RunbookFileProblem;
import io.camfleet.console.service.runbooks.RunbookLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code camfleet runbooks check}: whether the operators' runbook files in the data folder read, and why not. */
@Command(name = "runbooks", mixinStandardHelpOptions = true,
        description = "Check the runbook files of the data folder's runbooks folder.",
        subcommands = {RunbooksCommand.Check.class})
public final class RunbooksCommand {

    @ParentCommand
    CamfleetCommand root;

    private final Messages messages;

    public RunbooksCommand(Messages messages) {
        this.messages = messages;
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Read the runbook files (YAML or JSON) as the console reads them, and print each problem as "
                    + "FILE:LINE: REASON. A file with a problem is skipped whole; the others and the built-ins work.",
                    "Exits 1 when a file has a problem."})
    static final class Check implements Callable<Integer> {
        @ParentCommand
        RunbooksCommand runbooks;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Messages m = runbooks.messages;
            PrintWriter out = spec.commandLine().getOut();
            try (ConsoleBackend.Session session = Commands.backend(spec).open(runbooks.root.dataDir())) {
                RunbookLibrary library = session.part(RunbookLibrary.class);
                RunbookCatalogue catalogue = library.reload();
                for (RunbookFileProblem p : catalogue.problems()) {
                    String where = library.folder().resolve(p.file()) + (p.line() > 0 ? ":" + p.line() : "")
                            + (p.line() > 0 && p.column() > 0 ? ":" + p.column() : "");
                    out.println(where + ": " + m.text(p.reasonKey(), p.args().toArray()));
                }
                long builtIn = catalogue.runbooks().stream().filter(r -> catalogue.isBuiltIn(r.id())).count();
                out.println(m.text(catalogue.problems().isEmpty() ? "runbooks.cli.fine" : "runbooks.cli.skipped",
                        catalogue.runbooks().size(), builtIn, catalogue.runbooks().size() - builtIn,
                        library.folder().toString(), catalogue.problems().size()));
                return catalogue.problems().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
            }
        }
    }
}
