package io.camfleet.console.app;

import io.camfleet.console.cli.Commands;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.audit.Operator;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/** {@code camfleet} run in this JVM as {@code Main} builds it, one command at a time, its output kept per run. */
final class Cli {

    private final Path home;
    private final Map<String, String> env;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    Cli(Path home) {
        this(home, Map.of());
    }

    /** With {@code env} as the process's environment (an API token, say). */
    Cli(Path home, Map<String, String> env) {
        this.home = home;
        this.env = Map.copyOf(env);
    }

    ConsoleRuntime runtime() {
        return new ConsoleRuntime(Clock.systemUTC(), env, home.toString(), new Operator("tester", ""),
                new Messages(Locale.ENGLISH));
    }

    /** Runs one command; {@link #out} and {@link #err} then hold what it printed. */
    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cmd = Commands.commandLine(runtime(), new Messages(Locale.ENGLISH));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }
}
