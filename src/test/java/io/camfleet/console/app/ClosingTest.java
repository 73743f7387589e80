package io.camfleet.console.app;

import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.service.fleet.CachedFleet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Closing the window: in a JVM of its own, since it ends the JavaFX toolkit and the JVM. */
class ClosingTest {

    @Test
    void closingTheWindowWhileTheCacheIsWrittenLetsTheWriteFinishAndTheConsoleEnd(@TempDir Path folder)
            throws Exception {
        // 20,000 sites: the window closes as soon as the fleet shows, while its ~100,000 cameras go to the cache.
        Path log = folder.resolve("probe.out");
        Process probe = new ProcessBuilder(WindowProbe.command(System.getProperty("java.class.path"), List.of(),
                folder, 20_000)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = probe.waitFor(120, TimeUnit.SECONDS);
        String threads = "";
        if (!ended) {
            threads = threadDump(probe.pid());
            probe.destroyForcibly().waitFor();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8) + threads;
        assertThat(ended).as("the console ended by itself; it printed:%n%s", out).isTrue();
        assertThat(out).contains("EXIT 0");
        assertThat(probe.exitValue()).isZero();
        Matcher shown = Pattern.compile("FLEET (\\d+) sites (\\d+) cameras").matcher(out);
        assertThat(shown.find()).as(out).isTrue();
        assertThat(shown.group(1)).isEqualTo("20000");
        int cameras = Integer.parseInt(shown.group(2));

        try (CacheDatabase db = CacheDatabase.open(folder, Clock.systemUTC())) {
            assertThat(db.movedAside()).isEmpty();
            CachedFleet cached = db.fleet().read();
            assertThat(cached.fleet().sites()).hasSize(20_000);
            assertThat(cached.fleet().cameras()).hasSize(cameras);
            assertThat(cached.asOf()).isNotNull();
        }
    }

    /** What a probe that did not end was doing: its threads, by the JDK's jcmd, for the failure message. */
    private static String threadDump(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "Thread.print")
                    .redirectErrorStream(true).start();
            String dump = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return "%n--- its threads ---%n".formatted() + dump;
        } catch (Exception e) {
            return "%n(no thread dump: %s)".formatted(e);
        }
    }
}
