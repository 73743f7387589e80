package io.camfleet.console.app;

import io.camfleet.console.cli.ExitCodes;
import io.camfleet.console.domain.audit.AuditOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cache that cannot be read is moved aside and a fresh one made: the command that did it says so in one line, and
 * {@code audit verify} says where the earlier trail is, then and on every later run, while a swapped cache file is
 * still caught. A real cache file, cut short as a crash or a full disk leaves it.
 */
class CacheQuarantineTest {

    @TempDir
    Path dir;

    private Cli cli;
    private Path data;

    /** A folder whose trail holds six events, its cache file then cut to its first 100 bytes. */
    private void truncatedCache() throws Exception {
        cli = new Cli(dir.resolve("home"));
        data = dir.resolve("data");
        try (ConsoleServices s = cli.runtime().openServices(data, cli.runtime().demoFleet(10, 1))) {
            for (int i = 1; i <= 6; i++) {
                s.audit().record("deploy.approve", "dep-" + i, Map.of(), AuditOutcome.SUCCEEDED);
            }
        }
        Path cache = data.resolve("cache.mv.db");
        Files.write(cache, Arrays.copyOf(Files.readAllBytes(cache), 100));
    }

    private Path movedAside() throws Exception {
        try (Stream<Path> files = Files.list(data)) {
            return files.filter(p -> p.getFileName().toString().matches("cache\\.corrupt-.*\\.mv\\.db"))
                    .findFirst().orElseThrow();
        }
    }

    @Test
    void theFirstCommandAfterTheCacheIsMovedAsideSaysSoInOneLineAndTheNextDoesNot() throws Exception {
        truncatedCache();

        assertThat(cli.run("fleet", "--data-dir", data.toString())).isEqualTo(ExitCodes.OK);
        Path aside = movedAside();
        assertThat(cli.err().lines()).containsExactly("camfleet: The cache in " + data + " could not be used and"
                + " was moved aside as " + aside.getFileName() + "; a fresh cache was created, and the earlier audit"
                + " trail is in " + aside.getFileName() + ".");

        assertThat(cli.run("fleet", "--data-dir", data.toString())).isEqualTo(ExitCodes.OK);
        assertThat(cli.err()).isEmpty();
    }

    @Test
    void auditVerifySaysWhereTheEarlierTrailIsOnThisRunAndOnLaterOnes() throws Exception {
        truncatedCache();

        assertThat(cli.run("audit", "verify", "--data-dir", data.toString())).isEqualTo(ExitCodes.OK);
        Path aside = movedAside();
        assertThat(cli.err().lines()).singleElement().asString().contains("moved aside as " + aside.getFileName());
        String earlier = "(events 1 to 6) is in " + aside + ": the cache was moved aside there because it could"
                + " not be used.";
        assertThat(cli.out()).contains("Audit chain intact: 1 events checked in " + data, earlier);

        assertThat(cli.run("fleet", "--data-dir", data.toString())).isEqualTo(ExitCodes.OK);
        assertThat(cli.run("audit", "verify", "--data-dir", data.toString())).isEqualTo(ExitCodes.OK);
        assertThat(cli.err()).isEmpty();
        assertThat(cli.out()).contains("Audit chain intact", earlier);
    }

    @Test
    void theCacheFromBeforeTheRestartPutBackIsNamedAndNotTakenForTheRestart() throws Exception {
        cli = new Cli(dir.resolve("home"));
        data = dir.resolve("data");
        try (ConsoleServices s = cli.runtime().openServices(data, cli.runtime().demoFleet(10, 1))) {
            s.audit().record("deploy.approve", "dep-1", Map.of(), AuditOutcome.SUCCEEDED);
        }
        Path backup = Files.copy(data.resolve("cache.mv.db"), dir.resolve("backup.mv.db"));
        Files.write(data.resolve("cache.mv.db"), "garbage, not a database".getBytes());
        assertThat(cli.run("fleet", "--data-dir", data.toString())).isEqualTo(ExitCodes.OK);
        Path aside = movedAside();

        Files.copy(backup, data.resolve("cache.mv.db"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(cli.run("audit", "verify", "--data-dir", data.toString())).isEqualTo(ExitCodes.FAILED);
        assertThat(cli.err()).contains("broken at event 1", "the cache file is an older copy of this folder's cache"
                + " from before it was moved aside as " + aside.getFileName());
    }
}
