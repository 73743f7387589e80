package io.camfleet.console.app;

import io.camfleet.console.cli.ExitCodes;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A second console process on the same data folder is refused by H2's file lock, with a sentence. */
class SecondInstanceTest {

    @TempDir
    Path dir;

    @Test
    void aSecondConsoleOnTheSameFolderIsRefusedClearly() throws Exception {
        ConsoleRuntime runtime = new ConsoleRuntime(Clock.systemUTC(), Map.of(), dir.toString(),
                new Operator("first", ""), new Messages(Locale.ENGLISH));
        Path data = dir.resolve("data");
        try (ConsoleServices first = runtime.openServices(data, runtime.demoFleet(10, 1))) {
            String java = ProcessHandle.current().info().command().orElse("java");
            // The console's own logging set-up, not the tests': the terminal must get one sentence, no stack trace.
            Process second = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                    "-Dlogback.configurationFile=logback.xml",
                    Main.class.getName(), "audit", "verify", "--data-dir", data.toString()))
                    .redirectErrorStream(false)
                    .start();
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String err = new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(second.exitValue()).as(err).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(err).contains("already open by another CamFleet Console").doesNotContain("\n\tat ");
            assertThat(first.audit().verify().intact()).isTrue();
        }
        // Once the first one is closed, the folder opens again.
        try (ConsoleServices again = runtime.openServices(data, runtime.demoFleet(10, 1))) {
            assertThat(again.folder()).isEqualTo(data);
        }
    }
}
