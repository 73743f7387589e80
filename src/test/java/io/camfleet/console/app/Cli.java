package io.camfleet.console.app;

import io.camfleet.console.adapter.aws.CborToJsonBridge;
import io.camfleet.console.adapter.aws.MotoServer;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import java.util.List;

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
    private final List<ExecutionInterceptor> aws;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    Cli(Path home) {
        this(home, Map.of());
    }

    /** With {@code env} as the process's environment (an API token, say). */
    Cli(Path home, Map<String, String> env) {
        this(home, env, List.of());
    }

    private Cli(Path home, Map<String, String> env, List<ExecutionInterceptor> aws) {
        this.home = home;
        this.env = Map.copyOf(env);
        this.aws = List.copyOf(aws);
    }

    /** Signing in to {@code moto}'s profiles, its CBOR answers bridged as the AWS tests do. */
    static Cli onMoto(Path home, MotoServer moto) {
        return new Cli(home, Map.of("AWS_CONFIG_FILE", moto.configFile().toString()),
                List.of(new CborToJsonBridge()));
    }

    ConsoleRuntime runtime() {
        ConsoleRuntime runtime = new ConsoleRuntime(Clock.systemUTC(), env, home.toString(),
                new Operator("tester", ""), new Messages(Locale.ENGLISH));
        if (!aws.isEmpty()) {
            runtime.interceptAws(aws);
        }
        return runtime;
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
