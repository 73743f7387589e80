package io.camfleet.console.service.diagnostics;

import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.support.SlaTargets;
import io.camfleet.console.domain.support.TicketStatus;
import io.camfleet.console.domain.support.TimelineEntry;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.InMemoryAuditAnchor;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.runbooks.RunbookCatalogue;
import io.camfleet.console.service.support.TicketDrafts;
import io.camfleet.console.service.support.TicketService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

/** Runbooks run through the service: against a scripted shell, with tickets and the audit trail in a real H2 file. */
class DiagnosticsServiceTest {

    static final String RUNBOOKS = """
            runbooks:
              - id: echo-arg
                title: Echo its argument
                kind: diagnostic
                command: printf '%s\\n' {{arg}}
                timeout: 5s
                outputLimit: 1024
                parameters:
                  - {name: arg, type: string, default: hello}
            """;

    @TempDir
    Path temp;
    final Messages words = new Messages(Locale.ROOT);
    final ScriptedShell shell = new ScriptedShell();
    final List<AuditEvent> audited = new CopyOnWriteArrayList<>();
    CacheDatabase db;
    TicketService tickets;
    DiagnosticsService diagnostics;

    @BeforeEach
    void open() throws Exception {
        Path runbooks = Files.createDirectories(temp.resolve("runbooks"));
        Files.writeString(runbooks.resolve("lab.yaml"), RUNBOOKS);
        db = CacheDatabase.open(temp.resolve("data"), Clock.systemUTC());
        AuditService audit = new AuditService(db.auditTrail(), new InMemoryAuditAnchor(), new Operator("nina", ""),
                Clock.systemUTC());
        audit.addListener(audited::add);
        tickets = new TicketService(db.tickets(), audit, Clock.systemUTC(), () -> SlaTargets.DEFAULT);
        diagnostics = new DiagnosticsService(shell, () -> RunbookCatalogue.read(runbooks), tickets, audit);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static List<Target> cameras(String... ids) {
        List<Target> out = new ArrayList<>();
        for (String id : ids) {
            out.add(new Target(id, "site-1", id + ".lab:22", "", ""));
        }
        return out;
    }

    private long ticket() {
        return tickets.create(new TicketDrafts(words).fromSite("site-1", "Site 1", "Acme", true)).id();
    }

    private List<TimelineEntry.CommandOutput> outputs(long ticket) {
        return tickets.show(ticket).timeline().stream().filter(e -> e.kind() == TimelineEntry.Kind.COMMAND_OUTPUT)
                .map(TimelineEntry::command).toList();
    }

    private List<AuditEvent> audited(String action) {
        return audited.stream().filter(e -> e.action().equals(action)).toList();
    }

    @Test
    void aRemediationIsRefusedWithoutConfirmationAndNothingRunsNorIsAudited() {
        Problem refused = catchThrowableOfType(Problem.class, () -> diagnostics.run(
                new RunRequest("restart-service", Map.of(), cameras("cam-1", "cam-2"), 0, false), r -> { }));

        assertThat(refused.kind()).isEqualTo(Problem.Kind.BAD_INPUT);
        assertThat(words.text(refused)).isEqualTo("The runbook restart-service (Restart the camera service) changes"
                + " the cameras it runs on, so it needs your confirmation before it runs on 2 cameras: confirm it"
                + " (--yes on the command line); nothing was run.");
        assertThat(shell.commands).isEmpty();
        assertThat(audited).isEmpty();
    }

    @Test
    void aConfirmedRemediationIsAuditedBeforeItStartsAndWithItsOutcomeAfter() {
        shell.answer("cam-2", CameraRun.Outcome.COMPLETED, 1, "Failed to restart camos-agent.service\n", "");
        List<AuditEvent> seenWhenItRan = new ArrayList<>();
        shell.beforeRun = () -> seenWhenItRan.addAll(audited);

        List<CameraRun> runs = diagnostics.run(
                new RunRequest("restart-service", Map.of("service", "camos-agent"), cameras("cam-1", "cam-2"), 0,
                        true), r -> { });

        assertThat(shell.commands).containsExactly(
                "systemctl restart -- 'camos-agent' && systemctl is-active -- 'camos-agent'");
        assertThat(runs).extracting(CameraRun::cameraId, CameraRun::succeeded)
                .containsExactly(tuple("cam-1", true), tuple("cam-2", false));
        assertThat(seenWhenItRan).extracting(AuditEvent::action, AuditEvent::outcome)
                .containsExactly(tuple("diag.remediate", AuditOutcome.STARTED));
        List<AuditEvent> events = audited("diag.remediate");
        assertThat(events).extracting(AuditEvent::outcome)
                .containsExactly(AuditOutcome.STARTED, AuditOutcome.FAILED);
        assertThat(events.getFirst().target()).isEqualTo("cameras cam-1,cam-2");
        assertThat(events.getFirst().parameters()).containsEntry("runbook", "restart-service")
                .containsEntry("param.service", "camos-agent").containsEntry("cameras", "2");
        assertThat(events.get(1).parameters()).containsEntry("succeeded", "1").containsEntry("failed", "cam-2 completed 1")
                .containsEntry("startedSeq", Long.toString(events.getFirst().seq()));
    }

    @Test
    void aDiagnosticGoesIntoTheTicketOnlyAndIsNotAuditedAsARemediation() {
        long ticket = ticket();
        shell.answer("cam-1", CameraRun.Outcome.COMPLETED, 0, "hello\n", "");
        audited.clear();

        diagnostics.run(new RunRequest("echo-arg", Map.of(), cameras("cam-1"), ticket, false), r -> { });

        assertThat(outputs(ticket)).containsExactly(
                new TimelineEntry.CommandOutput("echo-arg", "cam-1", 0, Duration.ofMillis(1500), "hello\n"));
        assertThat(audited).extracting(AuditEvent::action).containsOnly("ticket.output");
    }

    @Test
    void aSecretInTheOutputNeverReachesTheTicketNorTheProgress() {
        long ticket = ticket();
        shell.answer("cam-1", CameraRun.Outcome.COMPLETED, 0,
                "service up\nDB_PASSWORD=hunter2-very-secret\nkey AKIAIOSFODNN7EXAMPLE in use\n", "");
        List<CameraRun> seen = new CopyOnWriteArrayList<>();

        diagnostics.run(new RunRequest("echo-arg", Map.of(), cameras("cam-1"), ticket, false), seen::add);

        String kept = outputs(ticket).getFirst().output();
        assertThat(kept).startsWith("service up\n").doesNotContain("hunter2").doesNotContain("AKIAIOSFODNN7EXAMPLE")
                .contains("[redacted]");
        assertThat(seen.getFirst().output()).isEqualTo(kept);
    }

    @Test
    void outputPastTheRunbooksLimitIsCutAndSaysSo() {
        // echo-arg keeps 1024 bytes: 2000 'x' are cut to the first 1024, then the note
        shell.answer("cam-1", CameraRun.Outcome.COMPLETED, 0, "x".repeat(2000), "");

        CameraRun run = diagnostics.run(new RunRequest("echo-arg", Map.of(), cameras("cam-1"), 0, false), r -> { })
                .getFirst();

        assertThat(run.output()).isEqualTo("x".repeat(1024) + "\n[output cut at 1024 bytes, the runbook's limit]");
    }

    @Test
    void unreachableLostAndTimedOutCamerasAreTimelineEntriesWithTheirSentenceAndExitMinusOne() {
        long ticket = ticket();
        shell.unreachable.put("cam-1", "Camera cam-1 has no SSH address.");
        shell.answer("cam-2", CameraRun.Outcome.LOST, -1, "half a line\n", "The connection to cam-2 was lost.");
        shell.answer("cam-3", CameraRun.Outcome.TIMED_OUT, -1, "", "Still running on cam-3 after 5 s.");
        shell.answer("cam-4", CameraRun.Outcome.COMPLETED, 2, "no such unit\n", "");

        List<CameraRun> runs = diagnostics.run(
                new RunRequest("echo-arg", Map.of(), cameras("cam-1", "cam-2", "cam-3", "cam-4"), ticket, false),
                r -> { });

        assertThat(shell.ranOn).containsExactly("cam-2", "cam-3", "cam-4");
        assertThat(runs).extracting(CameraRun::cameraId, CameraRun::outcome, CameraRun::exitCode).containsExactly(
                tuple("cam-1", CameraRun.Outcome.UNREACHABLE, -1), tuple("cam-2", CameraRun.Outcome.LOST, -1),
                tuple("cam-3", CameraRun.Outcome.TIMED_OUT, -1), tuple("cam-4", CameraRun.Outcome.COMPLETED, 2));
        assertThat(outputs(ticket)).extracting(TimelineEntry.CommandOutput::target,
                TimelineEntry.CommandOutput::exitCode, TimelineEntry.CommandOutput::output).containsExactly(
                tuple("cam-1", -1, "Camera cam-1 has no SSH address."),
                tuple("cam-2", -1, "The connection to cam-2 was lost.\nhalf a line\n"),
                tuple("cam-3", -1, "Still running on cam-3 after 5 s."),
                tuple("cam-4", 2, "no such unit\n"));
    }

    @Test
    void aRefusedParameterValueStopsTheRunBeforeAnythingIsSent() {
        Problem dash = catchThrowableOfType(Problem.class, () -> diagnostics.run(
                new RunRequest("echo-arg", Map.of("arg", "-rf"), cameras("cam-1"), 0, false), r -> { }));
        Problem unknown = catchThrowableOfType(Problem.class, () -> diagnostics.run(
                new RunRequest("echo-arg", Map.of("args", "x"), cameras("cam-1"), 0, false), r -> { }));
        Problem noRunbook = catchThrowableOfType(Problem.class, () -> diagnostics.run(
                new RunRequest("echo", Map.of(), cameras("cam-1"), 0, false), r -> { }));
        Problem noCameras = catchThrowableOfType(Problem.class, () -> diagnostics.run(
                new RunRequest("echo-arg", Map.of(), List.of(), 0, false), r -> { }));

        assertThat(List.of(dash, unknown, noRunbook, noCameras)).extracting(Problem::kind)
                .containsOnly(Problem.Kind.BAD_INPUT);
        assertThat(words.text(dash)).isEqualTo("The value of arg starts with '-', which the command would read as an"
                + " option: give it without the dash.");
        assertThat(words.text(unknown)).isEqualTo("This runbook has no parameter args: its parameters are arg.");
        assertThat(words.text(noRunbook)).startsWith("There is no runbook 'echo': choose one of service-status,");
        assertThat(words.text(noCameras)).isEqualTo("The runbook echo-arg was given no cameras to run on: choose the"
                + " sites or cameras first.");
        assertThat(shell.commands).isEmpty();
    }

    @Test
    void anUnknownOrClosedTicketIsRefusedBeforeAnythingRuns() {
        long closed = ticket();
        tickets.move(closed, TicketStatus.TRIAGE, "");
        tickets.move(closed, TicketStatus.CLOSED, "");

        Problem unknown = catchThrowableOfType(Problem.class, () -> diagnostics.run(
                new RunRequest("echo-arg", Map.of(), cameras("cam-1"), 999, false), r -> { }));
        Problem isClosed = catchThrowableOfType(Problem.class, () -> diagnostics.run(
                new RunRequest("echo-arg", Map.of(), cameras("cam-1"), closed, false), r -> { }));

        assertThat(unknown.key()).isEqualTo("tickets.unknown");
        assertThat(isClosed.key()).isEqualTo("tickets.closed");
        assertThat(shell.commands).isEmpty();
    }

    @Test
    void thePreviewShowsTheCommandTheCamerasThatCannotBeReachedAndWhetherItAsks() {
        shell.unreachable.put("cam-2", "Camera cam-2 has no SSH address.");

        RunbookPreview echo = diagnostics.preview("echo-arg", Map.of("arg", "it's $(id)"), cameras("cam-1", "cam-2"));
        RunbookPreview reboot = diagnostics.preview("reboot", Map.of(), cameras("cam-1"));

        assertThat(echo.command()).isEqualTo("printf '%s\\n' 'it'\\''s $(id)'");
        assertThat(echo.cannotReach()).containsExactly(Map.entry("cam-2", "Camera cam-2 has no SSH address."));
        assertThat(echo.needsConfirmation()).isFalse();
        assertThat(reboot.needsConfirmation()).isTrue();
        assertThat(shell.commands).isEmpty();
    }
}
