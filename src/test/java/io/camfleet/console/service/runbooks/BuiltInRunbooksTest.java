package io.camfleet.console.service.runbooks;

import io.camfleet.console.domain.runbooks.Runbook;
import io.camfleet.console.domain.runbooks.RunbookKind;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The built-in catalogue: what it holds, and that each command is one a POSIX shell runs as meant. */
class BuiltInRunbooksTest {

    private static final List<String> PROGRAMS = List.of("systemctl", "journalctl", "df", "free", "uptime", "getent",
            "curl", "timeout", "ffprobe", "timedatectl", "chronyc", "du", "find");

    private final RunbookCatalogue catalogue = RunbookCatalogue.builtIn();

    private static ProcessResult sh(Path path, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(args).redirectErrorStream(true);
        if (path != null) {
            pb.environment().put("PATH", path.toString());
        }
        Process p = pb.start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return new ProcessResult(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private record ProcessResult(int exit, String out) {
    }

    @Test
    void theCatalogueHoldsTheSixDiagnosticsAndTheThreeRemediationsOfTheIssue() {
        assertThat(catalogue.runbooks()).extracting(Runbook::id).containsExactly("service-status", "journal-tail",
                "disk-memory", "cloud-reachability", "stream-check", "time-sync", "restart-service", "reboot",
                "clear-cache");
        assertThat(catalogue.runbooks()).filteredOn(r -> r.kind() == RunbookKind.REMEDIATION).extracting(Runbook::id)
                .containsExactly("restart-service", "reboot", "clear-cache");
        assertThat(catalogue.runbooks()).allMatch(r -> catalogue.isBuiltIn(r.id()));
        assertThat(catalogue.problems()).isEmpty();
    }

    @Test
    void everyBuiltInRendersWithItsDefaultsAndPassesShDashN() throws Exception {
        for (Runbook r : catalogue.runbooks()) {
            String command = catalogue.command(r.id(), Map.of());
            ProcessResult n = sh(null, "/bin/sh", "-n", "-c", command);
            assertThat(n.exit()).as("sh -n of %s: %s\n%s", r.id(), command, n.out()).isZero();
        }
    }

    @Test
    void eachBuiltInGivesItsProgramsTheArgumentsMeant(@TempDir Path bin) throws Exception {
        // Stand-ins print their name and each argument in brackets, so the words the shell made are visible
        for (String program : PROGRAMS) {
            Path stub = bin.resolve(program);
            Files.writeString(stub, "#!/bin/sh\nprintf '%s' " + program + "; printf ' [%s]' \"$@\"; echo\n");
            Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        }

        assertThat(sh(bin, "/bin/sh", "-c", catalogue.command("journal-tail", Map.of("lines", "50"))).out())
                .isEqualTo("journalctl [--no-pager] [--output=short-iso] [--lines=50] [--unit=camos-agent]\n");
        assertThat(sh(bin, "/bin/sh", "-c", catalogue.command("restart-service", Map.of())).out())
                .isEqualTo("systemctl [restart] [--] [camos-agent]\nsystemctl [is-active] [--] [camos-agent]\n");
        assertThat(sh(bin, "/bin/sh", "-c", catalogue.command("cloud-reachability",
                Map.of("host", "iot.example.com", "timeout", "1m"))).out())
                .isEqualTo("getent [hosts] [iot.example.com]\ncurl [--silent] [--show-error] [--output] [/dev/null]"
                        + " [--max-time] [60] [--write-out] [HTTP %{http_code} in %{time_total}s (connect"
                        + " %{time_connect}s, TLS %{time_appconnect}s)\\n] [https://iot.example.com:443/]\n");
        assertThat(sh(bin, "/bin/sh", "-c", catalogue.command("clear-cache", Map.of("cacheDir", "/var/cache/camos/clips")))
                .out()).isEqualTo("du [-sh] [--] [/var/cache/camos/clips]\nfind [/var/cache/camos/clips] [-mindepth] [1]"
                + " [-xdev] [-delete]\ndu [-sh] [--] [/var/cache/camos/clips]\n");
        for (Runbook r : catalogue.runbooks()) {
            ProcessResult run = sh(bin, "/bin/sh", "-c", catalogue.command(r.id(), Map.of()));
            assertThat(run.exit()).as("%s: %s", r.id(), run.out()).isZero();
        }
    }

    @Test
    void theJournalTailTakesOneToFiveThousandLines() {
        assertThat(catalogue.command("journal-tail", Map.of("lines", "5000"))).contains("--lines='5000'");
        assertThatThrownBy(() -> catalogue.command("journal-tail", Map.of("lines", "5001")))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_INPUT);
                    assertThat(new Messages(Locale.ENGLISH).text(p))
                            .isEqualTo("'5001' does not fit the parameter lines, which takes 1..5000.");
                });
    }

    @Test
    void theCacheToClearCannotBeMovedOutsideTheCameraServicesCache() {
        for (String elsewhere : List.of("/", "/var/cache", "/etc", "/var/cache/camos/../../../etc", "/var/cache/camosx")) {
            assertThatThrownBy(() -> catalogue.command("clear-cache", Map.of("cacheDir", elsewhere))).as(elsewhere)
                    .isInstanceOf(Problem.class);
        }
    }

    @Test
    void anUnknownRunbookIsRefusedNamingTheOnesThereAre() {
        assertThatThrownBy(() -> catalogue.command("disk", Map.of())).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.getMessage()).startsWith("There is no runbook 'disk': choose one of service-status,"));
    }
}
