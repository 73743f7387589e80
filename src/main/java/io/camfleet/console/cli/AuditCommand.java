package io.camfleet.console.cli;

import io.camfleet.console.domain.audit.AuditVerification;
import io.camfleet.console.service.common.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;

/** {@code camfleet audit ...}: the audit trail. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Work with the audit trail.",
        subcommands = AuditCommand.Verify.class)
public final class AuditCommand {

    @ParentCommand
    CamfleetCommand root;

    private final Messages messages;

    public AuditCommand(Messages messages) {
        this.messages = messages;
    }

    /**
     * {@code camfleet audit verify}: checks the chain against the data folder's audit key and anchor, names the first
     * thing found wrong, and says where the trails of earlier caches of the folder are.
     */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check the audit trail's chain against the data folder's audit key and anchor.",
                    "Exits 0 when intact; 1 naming what is wrong otherwise."})
    static final class Verify implements Callable<Integer> {

        @ParentCommand
        AuditCommand audit;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ConsoleBackend backend = Commands.backend(spec);
            PrintWriter out = spec.commandLine().getOut();
            Messages m = audit.messages;
            try (ConsoleBackend.Session session = backend.open(audit.root.dataDir())) {
                AuditVerification v = session.audit().verify();
                if (v.intact()) {
                    out.println(m.text("audit.verify.intact", v.checked(), session.folder()));
                    if (v.unkeyed() > 0) {
                        out.println(m.text("audit.verify.unkeyed", v.unkeyed()));
                    }
                } else {
                    spec.commandLine().getErr().println(v.firstBroken() > 0
                            ? m.text("audit.verify.broken", v.firstBroken(), m.text(v), v.checked())
                            : m.text("audit.verify.brokenFiles", m.text(v)));
                }
                for (AuditVerification.EarlierTrail t : v.earlierTrails()) {
                    out.println(m.text(t.lastSeq() > 0 ? "audit.verify.earlier" : "audit.verify.earlierUnknown",
                            t.at().truncatedTo(ChronoUnit.SECONDS).toString(),
                            session.folder().resolve(t.movedAside()), t.lastSeq()));
                }
                return v.intact() ? ExitCodes.OK : ExitCodes.FAILED;
            }
        }
    }
}
