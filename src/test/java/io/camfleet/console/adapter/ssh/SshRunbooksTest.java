package io.camfleet.console.adapter.ssh;

import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.domain.support.SlaTargets;
import io.camfleet.console.domain.support.TimelineEntry;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.InMemoryAuditAnchor;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.diagnostics.CameraRun;
import io.camfleet.console.service.diagnostics.DiagnosticsService;
import io.camfleet.console.service.diagnostics.RunRequest;
import io.camfleet.console.service.diagnostics.SshCameraShell;
import io.camfleet.console.service.runbooks.RunbookCatalogue;
import io.camfleet.console.service.support.TicketDrafts;
import io.camfleet.console.service.support.TicketService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Runbooks over SSH on cameras that are loopback addresses of a real sshd: parameter values reach the camera as
 * literal text whatever they hold; a camera that drops the connection, one past the runbook's timeout and one whose
 * host key is unknown each end as such while the others go on.
 */
class SshRunbooksTest {

    @RegisterExtension
    static final SshdFixture sshd = new SshdFixture();

    /**
     * lab-check marks that it ran on a camera ({@code DIR/ran-<the camera's address>}), then, told by the address it
     * was reached on ($SSH_CONNECTION: client, port, server, port), kills the sshd under it or sleeps past its 3 s.
     */
    private static final String RUNBOOKS = """
            runbooks:
              - id: echo-arg
                title: Echo its argument
                kind: diagnostic
                command: printf '%s\\n' {{arg}}
                timeout: 20s
                parameters:
                  - {name: arg, type: string, multiline: true, maxLength: 1000}
              - id: lab-check
                title: Lab check
                kind: diagnostic
                timeout: 3s
                command: |
                  ip=$(echo "$SSH_CONNECTION" | cut -d' ' -f3)
                  touch {{dir}}/ran-$ip
                  echo "checked $ip"
                  case "$SSH_CONNECTION" in
                    *" 127.0.1.22 "*)
                      p=$$
                      while [ "$(cat /proc/$p/comm)" != sshd ]; do p=$(awk '{print $4}' /proc/$p/stat); done
                      kill -9 $p; sleep 10 ;;
                    *" 127.0.1.23 "*) sleep 30 ;;
                  esac
                parameters:
                  - {name: dir, type: path}
              - id: lab-crowd
                title: Lab crowd
                kind: diagnostic
                timeout: 20s
                command: |
                  touch {{dir}}/running-$$
                  sleep 2
                  ls {{dir}} | grep -c running-
                  rm -f {{dir}}/running-$$
                parameters:
                  - {name: dir, type: path}
            """;

    @TempDir
    Path temp;
    final Messages words = new Messages(Locale.ROOT);
    CacheDatabase db;
    TicketService tickets;
    DiagnosticsService diagnostics;

    @BeforeEach
    void open() throws Exception {
        Path runbooks = Files.createDirectories(temp.resolve("runbooks"));
        Files.writeString(runbooks.resolve("lab.yaml"), RUNBOOKS);
        List<String> trusted = List.of("127.0.0.2", "127.0.1.21", "127.0.1.22", "127.0.1.23", "127.0.1.25");
        SshjHostConnector connector = new SshjHostConnector(sshd.settings(
                sshd.knownHosts(temp.resolve("known_hosts"), trusted)));
        db = CacheDatabase.open(temp.resolve("data"), Clock.systemUTC());
        AuditService audit = new AuditService(db.auditTrail(), new InMemoryAuditAnchor(), new Operator("nina", ""),
                Clock.systemUTC());
        tickets = new TicketService(db.tickets(), audit, Clock.systemUTC(), () -> SlaTargets.DEFAULT);
        diagnostics = new DiagnosticsService(new SshCameraShell(connector, sshd.user(), 16),
                () -> RunbookCatalogue.read(runbooks), tickets, audit);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Target camera(String ip) {
        return new Target("cam-" + ip, "site-1", sshd.address(ip), "", "");
    }

    @Test
    void hostileParameterValuesReachTheCameraAsLiteralText() throws Exception {
        Path pwned = temp.resolve("pwned");
        List<String> hostile = List.of(
                "'; touch " + pwned + " #",
                "$(touch " + pwned + ")",
                "`touch " + pwned + "`",
                "\"; touch " + pwned + "; echo \"",
                "first line\n; touch " + pwned + "\n$(id) last line");
        long ticket = tickets.create(new TicketDrafts(words).fromSite("site-1", "Site 1", "Acme", false)).id();

        for (String value : hostile) {
            CameraRun run = diagnostics.run(new RunRequest("echo-arg", Map.of("arg", value),
                    List.of(camera("127.0.0.2")), ticket, false), r -> { }).getFirst();

            assertThat(run.outcome()).isEqualTo(CameraRun.Outcome.COMPLETED);
            assertThat(run.exitCode()).isZero();
            assertThat(run.output()).isEqualTo(value + "\n");
        }

        assertThat(pwned).doesNotExist();
        assertThat(tickets.show(ticket).timeline()).filteredOn(e -> e.kind() == TimelineEntry.Kind.COMMAND_OUTPUT)
                .extracting(e -> e.command().output())
                .containsExactlyElementsOf(hostile.stream().map(v -> v + "\n").toList());
    }

    @Test
    void camerasRunAtOnceButNoMoreThanTheShellAllows() throws Exception {
        // each camera counts the cameras running beside it (itself included) two seconds after it started
        Path crowd = Files.createDirectories(temp.resolve("crowd"));
        List<String> ips = List.of("127.0.1.31", "127.0.1.32", "127.0.1.33", "127.0.1.34", "127.0.1.35",
                "127.0.1.36");
        SshjHostConnector connector = new SshjHostConnector(sshd.settings(
                sshd.knownHosts(temp.resolve("known_hosts_crowd"), ips)));
        DiagnosticsService threeAtOnce = new DiagnosticsService(new SshCameraShell(connector, sshd.user(), 3),
                () -> RunbookCatalogue.read(temp.resolve("runbooks")), tickets,
                new AuditService(db.auditTrail(), new InMemoryAuditAnchor(), new Operator("nina", ""),
                        Clock.systemUTC()));

        List<CameraRun> runs = threeAtOnce.run(new RunRequest("lab-crowd", Map.of("dir", crowd.toString()),
                ips.stream().map(this::camera).toList(), 0, false), r -> { });

        assertThat(runs).extracting(CameraRun::outcome).containsOnly(CameraRun.Outcome.COMPLETED);
        List<Integer> crowds = runs.stream().map(r -> Integer.parseInt(r.output().strip())).toList();
        assertThat(crowds).allSatisfy(n -> assertThat(n).isBetween(1, 3));
        assertThat(crowds).as("some ran side by side").anySatisfy(n -> assertThat(n).isGreaterThan(1));
    }

    @Test
    void aLostCameraATimedOutOneAndAnUnknownHostKeyEndAsSuchWhileTheOthersGoOn() throws Exception {
        Path marks = Files.createDirectories(temp.resolve("marks"));
        List<String> ips = List.of("127.0.1.21", "127.0.1.22", "127.0.1.23", "127.0.1.24", "127.0.1.25");
        List<CameraRun> progress = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();

        List<CameraRun> runs = diagnostics.run(new RunRequest("lab-check", Map.of("dir", marks.toString()),
                ips.stream().map(this::camera).toList(), 0, false), progress::add);

        // the sleeper is stopped at the runbook's 3 s, not its 30
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        assertThat(runs).extracting(CameraRun::cameraId, CameraRun::outcome, CameraRun::exitCode).containsExactly(
                tuple("cam-127.0.1.21", CameraRun.Outcome.COMPLETED, 0),
                tuple("cam-127.0.1.22", CameraRun.Outcome.LOST, -1),
                tuple("cam-127.0.1.23", CameraRun.Outcome.TIMED_OUT, -1),
                tuple("cam-127.0.1.24", CameraRun.Outcome.UNREACHABLE, -1),
                tuple("cam-127.0.1.25", CameraRun.Outcome.COMPLETED, 0));
        assertThat(progress).hasSize(5);
        assertThat(runs.get(0).output()).isEqualTo("checked 127.0.1.21\n");
        assertThat(runs.get(1).detail()).startsWith("The connection to " + sshd.address("127.0.1.22") + " was lost");
        assertThat(runs.get(2).detail()).isEqualTo("The command was still running on cam-127.0.1.23 after 3 s, the"
                + " runbook's timeout, and was stopped: what it did there is unknown.");
        assertThat(runs.get(2).output()).isEqualTo("checked 127.0.1.23\n");
        assertThat(runs.get(3).detail()).startsWith("The host key of " + sshd.address("127.0.1.24") + " is not known");
        // nothing ran where the key was refused
        assertThat(marks.resolve("ran-127.0.1.24")).doesNotExist();
        assertThat(marks.resolve("ran-127.0.1.21")).exists();
        assertThat(marks.resolve("ran-127.0.1.25")).exists();
    }
}
