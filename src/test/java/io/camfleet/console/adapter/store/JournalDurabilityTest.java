package io.camfleet.console.adapter.store;

import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.service.deploy.TargetRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A journal transition "written before its step" is on disk when its call returns: a process killed with SIGKILL
 * right after loses none of them. (H2's default delays writes by half a second, which lost the last ones.)
 */
class JournalDurabilityTest {

    @TempDir
    Path dir;

    @Test
    void everyTransitionWhoseCallReturnedSurvivesAKillNine() throws Exception {
        int targets = 5000;
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), JournalWriter.class.getName(), dir.toString(),
                Integer.toString(targets)).redirectErrorStream(true).start();
        int confirmed = -1;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.startsWith("dispatched ")) {
                    confirmed = Integer.parseInt(line.substring("dispatched ".length()));
                    if (confirmed >= 300) {
                        break; // well into the loop: kill it between one transition and the next
                    }
                }
            }
            child.destroyForcibly();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(confirmed).as("the child journalled transitions").isGreaterThanOrEqualTo(300);

        try (CacheDatabase db = CacheDatabase.open(dir, Clock.systemUTC())) {
            Map<String, TargetState> states = new JdbcDeploymentJournal(db.dataSource(), Clock.systemUTC())
                    .targets("d-durable").stream().collect(Collectors.toMap(t -> t.target().cameraId(),
                            TargetRecord::state));
            List<String> lost = java.util.stream.IntStream.rangeClosed(0, confirmed).mapToObj(i -> "cam-" + i)
                    .filter(c -> states.get(c) != TargetState.DISPATCHED).toList();
            assertThat(lost).as("transitions whose call had returned before the kill, lost").isEmpty();
        }
    }
}
