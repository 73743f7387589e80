package io.camfleet.console.app;

import io.camfleet.console.cli.Commands;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.audit.Operator;
import picocli.CommandLine;
import software.amazon.awssdk.core.SdkSystemSetting;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/**
 * Entry point of {@code camfleet} and of the window. Deliberately not a JavaFX {@code Application}, so that
 * {@code java -jar} works with JavaFX on the class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        // A desktop is not an EC2 instance: without this, the AWS credential chain ends by asking the instance
        // metadata service and stalls for seconds before saying that there are no credentials.
        String imds = SdkSystemSetting.AWS_EC2_METADATA_DISABLED.property();
        if (System.getProperty(imds) == null) {
            System.setProperty(imds, "true");
        }
        Messages messages = new Messages(Locale.getDefault());
        ConsoleRuntime runtime = new ConsoleRuntime(Clock.systemUTC(), System.getenv(),
                System.getProperty("user.home"), new Operator(System.getProperty("user.name"), ""), messages);
        CommandLine cmd = Commands.commandLine(runtime, messages);
        CommandLine.IExecutionStrategy commands = cmd.getExecutionStrategy();
        cmd.setExecutionStrategy(parsed -> {
            // Logging starts only now, once we know which data folder its file goes to; help and version touch
            // no folder at all.
            if (!asksForHelp(parsed)) {
                LogSetup.useFolder(runtime.chooseFolder(dataDirOf(parsed)));
            }
            return commands.execute(parsed);
        });
        return cmd.execute(args);
    }

    private static boolean asksForHelp(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) {
                return true;
            }
        }
        return false;
    }

    private static Path dataDirOf(CommandLine.ParseResult parsed) {
        Path found = null;
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            Path v = p.matchedOptionValue("--data-dir", null);
            if (v != null) {
                found = v;
            }
        }
        return found;
    }
}
