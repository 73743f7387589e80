package io.camfleet.console.app;

import io.camfleet.console.cli.ExitCodes;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.runbooks.CommandTemplate;
import io.camfleet.console.service.audit.AuditQuery;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code camfleet diag} with a remediation and no {@code --yes}, at a terminal: a child JVM under {@code script}, which
 * gives it a pseudo-terminal, and the operator's answer typed on it.
 */
class DiagConfirmationTest {

    private static final Path SCRIPT = Path.of("/usr/bin/script");

    @TempDir
    Path dir;

    @BeforeAll
    static void needsScript() {
        if (!Files.isExecutable(SCRIPT)) {
            String message = "script (util-linux), which gives a child a terminal, is not installed";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            System.err.println("!!! SKIPPED DiagConfirmationTest: " + message + " !!!");
            Assumptions.abort(message);
        }
    }

    /** Runs {@code camfleet diag restart-service} on one demo site at a terminal, answering {@code answer}. */
    private Result atATerminal(String answer) throws Exception {
        List<String> java = List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
                "-Duser.home=" + dir.resolve("home"), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "diag", "restart-service", "--targets", "00002", "--executor", "demo",
                "--data-dir", dir.resolve("data").toString());
        String line = java.stream().map(CommandTemplate::quote).collect(Collectors.joining(" "));
        Process p = new ProcessBuilder(SCRIPT.toString(), "-qec", line, "/dev/null").redirectErrorStream(true).start();
        try (OutputStream keys = p.getOutputStream()) {
            // the terminal keeps what is typed until the console reads its line
            keys.write((answer + "\n").getBytes(StandardCharsets.UTF_8));
            keys.flush();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("camfleet diag did not end within 120 s");
            }
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private record Result(int code, String printed) {
    }

    private List<AuditEvent> remediations() {
        try (var session = new Cli(dir.resolve("home")).runtime().open(dir.resolve("data"))) {
            return new ArrayList<>(session.audit().search(AuditQuery.latest(1000)).stream()
                    .filter(e -> e.action().equals("diag.remediate")).toList());
        }
    }

    @Test
    void anOperatorAtATerminalIsAskedAndOnlyYesRunsTheRemediation() throws Exception {
        Result no = atATerminal("no");

        assertThat(no.code()).as(no.printed()).isEqualTo(ExitCodes.USAGE);
        assertThat(no.printed()).contains("The runbook restart-service (Restart the camera service) changes the"
                        + " cameras: it will run on 1 camera as")
                .contains("systemctl restart -- 'camos-agent' && systemctl is-active -- 'camos-agent'")
                .contains("Type yes to run it:").contains("nothing was run").doesNotContain("Running restart-service");
        assertThat(remediations()).isEmpty();

        Result yes = atATerminal("yes");

        assertThat(yes.code()).as(yes.printed()).isEqualTo(ExitCodes.OK);
        assertThat(yes.printed()).contains("Running restart-service (Restart the camera service) on 1 camera over demo:")
                .contains("1 camera: 1 completed with exit 0, 0 did not.");
        assertThat(remediations()).extracting(AuditEvent::outcome)
                .containsExactly(AuditOutcome.SUCCEEDED, AuditOutcome.STARTED);
    }
}
