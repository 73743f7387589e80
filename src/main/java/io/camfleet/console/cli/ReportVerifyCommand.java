package io.camfleet.console.cli;

import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.reports.EvidencePacks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code camfleet report verify PACK.zip}: checks an evidence pack with nothing but the pack, so an auditor can run it
 * without a data folder. Exits 0 when intact; 1 with one line per problem when not; 2 when the file is not a pack.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check an evidence pack: every file against its manifest, the audit extract against its chain.",
                "Needs no data folder. Exits 0 when intact, 1 naming each problem, 2 when PACK is not a ZIP."})
public final class ReportVerifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PACK.zip", description = "The evidence pack, as camfleet report evidence wrote it.")
    Path pack;

    @Spec
    CommandSpec spec;

    private final Messages messages;

    /** As picocli builds it when {@code camfleet report} lists it by class. */
    public ReportVerifyCommand() {
        this(new Messages(Locale.getDefault()));
    }

    public ReportVerifyCommand(Messages messages) {
        this.messages = messages;
    }

    @Override
    public Integer call() {
        EvidencePacks.PackCheck check = EvidencePacks.verify(pack);
        if (check.intact()) {
            spec.commandLine().getOut().println(messages.text("report.evidence.verify.intact", pack, check.files(),
                    check.auditEvents(), check.auditHead()));
            return ExitCodes.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        check.problems().forEach(err::println);
        spec.commandLine().getOut().println(messages.text("report.evidence.verify.tampered", pack,
                check.problems().size()));
        return ExitCodes.FAILED;
    }
}
