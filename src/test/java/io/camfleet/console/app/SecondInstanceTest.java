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

/**
 * A second keeper of the fleet (a window, a sync, an import) on the same data folder is refused, with a sentence;
 * a reading command opens the folder beside the window.
 */
class SecondInstanceTest {

    @TempDir
    Path dir;

    @Test
    void aSecondConsoleOnTheSameFolderIsRefusedClearly() throws Exception {
        ConsoleRuntime runtime = new ConsoleRuntime(Clock.systemUTC(), Map.of(), dir.toString(),
                new Operator("first", ""), new Messages(Locale.ENGLISH));
        Path data = dir.resolve("data");
        Path sites = java.nio.file.Files.writeString(dir.resolve("sites.csv"), "site_id,site_name\ns1,One\n");
        try (ConsoleServices first = runtime.openKeeping(data, cache -> runtime.demoFleet(10, 1))) {
            Process second = camfleet("import", sites.toString(), "--data-dir", data.toString());
            assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String err = new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(second.exitValue()).as(err).isEqualTo(ExitCodes.UNAVAILABLE);
            assertThat(err).contains("already open by another CamFleet Console").doesNotContain("\n\tat ");

            // Reading the folder needs no keeping it.
            Process reading = camfleet("audit", "verify", "--data-dir", data.toString());
            assertThat(reading.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(reading.exitValue()).as(new String(reading.getErrorStream().readAllBytes(),
                    StandardCharsets.UTF_8)).isEqualTo(ExitCodes.OK);
            assertThat(first.audit().verify().intact()).isTrue();
        }
        // Once the first one is closed, the folder opens again.
        try (ConsoleServices again = runtime.openKeeping(data, cache -> runtime.demoFleet(10, 1))) {
            assertThat(again.folder()).isEqualTo(data);
        }
    }

    /**
     * camfleet in a process of its own, with the console's own logging set-up (not the tests'): the terminal must get
     * one sentence, no stack trace.
     */
    private static Process camfleet(String... args) throws java.io.IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "-Dlogback.configurationFile=logback.xml",
                Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
