package io.camfleet.console.cli;

import io.camfleet.console.domain.AuditVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code camfleet audit ...}: the audit trail. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Work with the audit trail.",
        subcommands = AuditCommand.Verify.class)
public final class AuditCommand {

    @ParentCommand
    CamfleetCommand root;

    /** {@code camfleet audit verify}: checks the hash chain and names the first broken link. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check the audit trail's hash chain.",
                    "Exits 0 when intact; 1 naming the first broken link otherwise."})
    static final class Verify implements Callable<Integer> {

        @ParentCommand
        AuditCommand audit;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ConsoleBackend backend = Commands.backend(spec);
            PrintWriter out = spec.commandLine().getOut();
            try (ConsoleBackend.Session session = backend.open(audit.root.dataDir())) {
                AuditVerification v = session.audit().verify();
                if (v.intact()) {
                    out.printf("Audit chain intact: %,d events checked in %s.%n", v.checked(), session.folder());
                    return ExitCodes.OK;
                }
                spec.commandLine().getErr().printf("Audit chain broken at event %d: %s (%,d events before it are intact).%n",
                        v.firstBroken(), v.reason(), v.checked());
                return ExitCodes.FAILED;
            }
        }
    }
}
