package io.camfleet.console.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/**
 * {@code camfleet report verify PACK.zip}. CONTRACT STUB: the evidence helper fills it in; the screen helper lists it
 * among {@code camfleet report}'s subcommands.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check an evidence pack: every file against its manifest, the audit extract against its chain.")
public final class ReportVerifyCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("report verify: not yet built");
    }
}
