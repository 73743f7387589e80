package io.camfleet.console.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camfleet.console.adapter.ssh.SshdFixture;
import io.camfleet.console.cli.ExitCodes;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.support.TimelineEntry;
import io.camfleet.console.service.audit.AuditQuery;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.support.TicketDrafts;
import io.camfleet.console.service.support.TicketService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * {@code camfleet diag} in this JVM, on a fleet of loopback sshd cameras from a site registry: the cameras a filter
 * selects, each one's outcome and output as it ends or as one JSON document, the ticket's timeline, a remediation
 * refused without --yes and audited with it, the refusals of bad input, and the runbook list.
 */
class DiagCommandTest {

    @RegisterExtension
    static final SshdFixture SSHD = new SshdFixture();

    private static final List<String> IPS = List.of("127.0.1.41", "127.0.1.42", "127.0.1.43", "127.0.1.44");
    /** The camera whose registry address is one that known_hosts does not hold. */
    private static final String STRANGER = "127.0.1.44";

    private static final String RUNBOOKS = """
            runbooks:
              - id: echo-arg
                title: Echo its argument
                kind: diagnostic
                command: printf '%s\\n' {{arg}}
                timeout: 20s
                parameters:
                  - {name: arg, type: string, multiline: true}
              - id: lab-restart
                title: Restart the lab service
                kind: remediation
                command: touch {{dir}}/restarted-$(echo "$SSH_CONNECTION" | cut -d' ' -f3)
                parameters:
                  - {name: dir, type: path, required: true}
            """;

    @TempDir
    Path dir;
    SshFleet fleet;
    Path marks;

    @BeforeEach
    void fleet() throws Exception {
        fleet = new SshFleet(SSHD, dir, IPS).registry(Map.of(STRANGER, SSHD.address("127.0.1.45")));
        Path runbooks = Files.createDirectories(fleet.data.resolve("runbooks"));
        Files.writeString(runbooks.resolve("lab.yaml"), RUNBOOKS);
        marks = Files.createDirectories(dir.resolve("marks"));
    }

    private ConsoleRuntime runtime() {
        return new ConsoleRuntime(Clock.systemUTC(), fleet.env(), fleet.home.toString(), new Operator("nina", ""),
                new Messages(Locale.ENGLISH));
    }

    private long ticket() {
        try (var session = runtime().open(fleet.data)) {
            return session.part(TicketService.class).create(new TicketDrafts(new Messages(Locale.ENGLISH))
                    .fromSite("S1", "Site S1", "Northwind", true)).id();
        }
    }

    private List<TimelineEntry.CommandOutput> outputs(long ticket) {
        try (var session = runtime().open(fleet.data)) {
            return session.part(TicketService.class).show(ticket).timeline().stream()
                    .filter(e -> e.kind() == TimelineEntry.Kind.COMMAND_OUTPUT).map(TimelineEntry::command).toList();
        }
    }

    private List<AuditEvent> audited(String action) {
        try (var session = runtime().open(fleet.data)) {
            return session.audit().search(AuditQuery.latest(1000)).stream().filter(e -> e.action().equals(action))
                    .toList();
        }
    }

    private String[] diag(String... args) {
        List<String> all = new ArrayList<>(List.of("diag"));
        all.addAll(List.of(args));
        all.addAll(List.of("--executor", "ssh", "--ssh-user", SSHD.user()));
        return all.toArray(String[]::new);
    }

    @Test
    void eachCamerasOutcomeAndOutputArePrintedAndPutInTheTicket() {
        long ticket = ticket();

        int code = fleet.run(diag("echo-arg", "--targets", "all", "--param", "arg=$(id) 'quoted'", "--ticket",
                Long.toString(ticket)));

        assertThat(code).as(fleet.err.toString()).isEqualTo(ExitCodes.FAILED);
        String out = fleet.out.toString();
        assertThat(out).contains("Running echo-arg (Echo its argument) on 4 cameras over ssh:")
                .contains("  printf '%s\\n' '$(id) '\\''quoted'\\'''")
                .contains("cam-127-0-1-41: exit 0, ").contains("  | $(id) 'quoted'")
                .contains("cam-127-0-1-44: not reached. The host key of " + SSHD.address("127.0.1.45")
                        + " is not known")
                .contains("4 cameras: 3 completed with exit 0, 1 did not.");
        assertThat(outputs(ticket)).extracting(TimelineEntry.CommandOutput::target,
                        TimelineEntry.CommandOutput::exitCode)
                .containsExactlyInAnyOrder(tuple("cam-127-0-1-41", 0), tuple("cam-127-0-1-42", 0),
                        tuple("cam-127-0-1-43", 0), tuple("cam-127-0-1-44", -1));
        assertThat(outputs(ticket)).filteredOn(o -> o.exitCode() == 0)
                .extracting(TimelineEntry.CommandOutput::output).containsOnly("$(id) 'quoted'\n");
    }

    @Test
    void theJsonDocumentHoldsEveryCamerasRun() throws Exception {
        int code = fleet.run(diag("echo-arg", "--targets", "S1", "--param", "arg=hello", "--json"));

        assertThat(code).as(fleet.err.toString()).isEqualTo(ExitCodes.OK);
        JsonNode doc = new ObjectMapper().readTree(fleet.out.toString());
        assertThat(doc.get("runbook").asText()).isEqualTo("echo-arg");
        assertThat(doc.get("command").asText()).isEqualTo("printf '%s\\n' 'hello'");
        assertThat(doc.get("executor").asText()).isEqualTo("ssh");
        assertThat(doc.get("succeeded").asInt()).isEqualTo(2);
        assertThat(doc.get("failed").asInt()).isZero();
        List<String> cameras = new ArrayList<>();
        doc.get("cameras").forEach(c -> {
            cameras.add(c.get("camera").asText());
            assertThat(c.get("outcome").asText()).isEqualTo("completed");
            assertThat(c.get("exitCode").asInt()).isZero();
            assertThat(c.get("output").asText()).isEqualTo("hello\n");
        });
        // Site S1 holds the first two cameras
        assertThat(cameras).containsExactly("cam-127-0-1-41", "cam-127-0-1-42");
    }

    @Test
    void aRemediationIsRefusedWithoutYesAndRunsAndIsAuditedWithIt() {
        int refused = fleet.run(diag("lab-restart", "--targets", "S1", "--param", "dir=" + marks));

        assertThat(refused).isEqualTo(ExitCodes.USAGE);
        assertThat(fleet.err.toString()).contains("The runbook lab-restart (Restart the lab service) changes the"
                + " cameras it runs on, so it needs your confirmation before it runs on 2 cameras");
        assertThat(fleet.out.toString()).isEmpty();
        assertThat(marks).isEmptyDirectory();
        assertThat(audited("diag.remediate")).isEmpty();

        int ran = fleet.run(diag("lab-restart", "--targets", "S1", "--param", "dir=" + marks, "--yes"));

        assertThat(ran).as(fleet.err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(marks.resolve("restarted-127.0.1.41")).exists();
        assertThat(marks.resolve("restarted-127.0.1.42")).exists();
        assertThat(marks.resolve("restarted-127.0.1.43")).doesNotExist();
        // the trail lists the newest first
        assertThat(audited("diag.remediate")).extracting(AuditEvent::outcome)
                .containsExactly(AuditOutcome.SUCCEEDED, AuditOutcome.STARTED);
        assertThat(audited("diag.remediate").getLast().parameters()).containsEntry("runbook", "lab-restart")
                .containsEntry("param.dir", marks.toString());
    }

    @Test
    void badInputIsRefusedWithItsSentenceAndNothingRuns() {
        assertThat(fleet.run(diag("lab-restart", "--targets", "all", "--param", "dir=relative/path", "--yes")))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(fleet.err.toString()).contains("'relative/path' does not fit the parameter dir");
        assertThat(fleet.run(diag("echo-arg", "--targets", "all", "--param", "nope=1")))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(fleet.err.toString()).contains("This runbook has no parameter nope: its parameters are arg.");
        assertThat(fleet.run(diag("echo-arg", "--param", "arg=x"))).isEqualTo(ExitCodes.USAGE);
        assertThat(fleet.err.toString()).contains("Say which cameras run echo-arg with --targets");
        assertThat(fleet.run(diag("no-such", "--targets", "all"))).isEqualTo(ExitCodes.USAGE);
        assertThat(fleet.err.toString()).contains("There is no runbook 'no-such'");
        assertThat(fleet.run(diag("echo-arg", "--targets", "all", "--param", "arg=x", "--ticket", "77")))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(fleet.err.toString()).contains("There is no ticket 77");
        assertThat(fleet.run(diag("echo-arg", "--targets", "health:purple", "--param", "arg=x")))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(marks).isEmptyDirectory();
    }

    @Test
    void theListShowsEveryRunbookWithItsParametersAndNamesABadFile() throws Exception {
        Files.writeString(fleet.data.resolve("runbooks/broken.yaml"), "runbooks:\n  - id: x\n    colour: red\n");

        int code = fleet.run("diag", "--list");

        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(fleet.out.toString()).contains("service-status       diagnostic  Service status")
                .contains("service (string, default camos-agent), lines (int, default 10)")
                .contains("restart-service      remediation Restart the camera service")
                .contains("echo-arg             diagnostic  Echo its argument")
                .contains("dir (path, required)");
        assertThat(fleet.err.toString()).contains("Runbook file broken.yaml, line 3");
    }
}
