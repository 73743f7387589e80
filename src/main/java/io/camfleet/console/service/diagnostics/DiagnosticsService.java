package io.camfleet.console.service.diagnostics;

import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.domain.runbooks.Runbook;
import io.camfleet.console.domain.support.TicketStatus;
import io.camfleet.console.domain.support.TimelineEntry;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.runbooks.RunbookCatalogue;
import io.camfleet.console.service.runbooks.RunbookOutput;
import io.camfleet.console.service.support.TicketService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs the runbooks on cameras: the command from the runbook's template, each camera's output redacted and cut, and,
 * when a ticket is named, each camera's run in the ticket's timeline (exit code, duration; a camera that could not be
 * reached, was lost or timed out is an entry too, with its sentence). A remediation changes the cameras: it runs only
 * once the operator confirmed it, and is audited before it starts and with its outcome after. A diagnostic only
 * looks, and is recorded in the ticket only.
 */
public final class DiagnosticsService {

    private static final Logger LOG = LoggerFactory.getLogger(DiagnosticsService.class);
    /** How many camera ids the audit event names; the rest are counted. */
    private static final int AUDITED_CAMERAS = 50;

    private final CameraShell shell;
    private final Supplier<RunbookCatalogue> runbooks;
    private final TicketService tickets;
    private final AuditService audit;
    private final Messages words = new Messages(Locale.ROOT);

    /**
     * @param shell    how the cameras are reached (SSH, SSM or the demo), chosen by the caller for this run
     * @param runbooks the catalogue as it is now (the operators' files may have been read again)
     * @param tickets  where outputs go when a run names a ticket
     */
    public DiagnosticsService(CameraShell shell, Supplier<RunbookCatalogue> runbooks, TicketService tickets,
                              AuditService audit) {
        this.shell = shell;
        this.runbooks = runbooks;
        this.tickets = tickets;
        this.audit = audit;
    }

    /**
     * What running {@code runbookId} with {@code values} on {@code targets} would do. Nothing is dialled.
     *
     * @throws Problem (bad input) for an unknown runbook or a parameter value its rules refuse
     */
    public RunbookPreview preview(String runbookId, Map<String, String> values, List<Target> targets) {
        RunbookCatalogue catalogue = runbooks.get();
        Runbook runbook = catalogue.get(runbookId);
        String command = catalogue.command(runbookId, values);
        Map<String, String> cannotReach = new LinkedHashMap<>();
        for (Target t : targets) {
            shell.cannotReach(t).ifPresent(why -> cannotReach.put(t.cameraId(), why));
        }
        return new RunbookPreview(runbook, command, cannotReach, runbook.kind().needsConfirmation());
    }

    /**
     * Runs the request's runbook on its targets, several cameras at once, and gives each camera's run to
     * {@code progress} as it ends (one at a time, on a worker thread), its output already redacted and cut. Returns
     * every camera's run, in the order of the targets, once all have ended.
     *
     * @throws Problem (bad input), with nothing run, for an unknown runbook, a refused parameter value, no targets, a
     *                 ticket that is unknown or closed, or a remediation not confirmed; when a camera's output could
     *                 not be put in the ticket (after every camera ran: their runs went to {@code progress})
     */
    public List<CameraRun> run(RunRequest request, Consumer<CameraRun> progress) {
        RunbookCatalogue catalogue = runbooks.get();
        Runbook runbook = catalogue.get(request.runbookId());
        String command = catalogue.command(runbook.id(), request.values());
        if (request.targets().isEmpty()) {
            throw Problem.badInput("diag.noTargets", runbook.id());
        }
        Set<String> ids = new HashSet<>();
        List<Target> targets = request.targets().stream().filter(t -> ids.add(t.cameraId())).toList();
        if (request.ticketId() != 0 && tickets.find(request.ticketId()).status() == TicketStatus.CLOSED) {
            throw Problem.badInput("tickets.closed", request.ticketId());
        }
        boolean remediation = runbook.kind().needsConfirmation();
        if (remediation && !request.confirmed()) {
            throw Problem.badInput("diag.notConfirmed", runbook.id(), runbook.title(), targets.size());
        }
        Map<String, String> params = auditParameters(runbook, request, targets);
        AuditEvent started = remediation
                ? audit.record(AuditActions.DIAG_REMEDIATE, target(targets), params, AuditOutcome.STARTED) : null;
        Outcomes outcomes = new Outcomes(runbook, request.ticketId(), progress);
        try {
            List<Target> reachable = new ArrayList<>();
            for (Target t : targets) {
                shell.cannotReach(t).ifPresentOrElse(
                        why -> outcomes.accept(new CameraRun(t.cameraId(), CameraRun.Outcome.UNREACHABLE, -1,
                                Duration.ZERO, "", why)),
                        () -> reachable.add(t));
            }
            if (!reachable.isEmpty()) {
                shell.run(reachable, command, runbook.timeout(), outcomes);
            }
        } catch (RuntimeException | Error e) {
            if (started != null) {
                Map<String, String> after = new TreeMap<>(params);
                after.put("startedSeq", Long.toString(started.seq()));
                after.put("error", String.valueOf(e.getMessage()));
                audit.record(AuditActions.DIAG_REMEDIATE, target(targets), after, AuditOutcome.FAILED);
            }
            throw e;
        }
        List<CameraRun> runs = outcomes.inOrderOf(targets);
        if (started != null) {
            audit.record(AuditActions.DIAG_REMEDIATE, target(targets), outcome(params, started, runs),
                    runs.stream().allMatch(CameraRun::succeeded) ? AuditOutcome.SUCCEEDED : AuditOutcome.FAILED);
        }
        if (outcomes.ticketProblem != null) {
            throw outcomes.ticketProblem;
        }
        return runs;
    }

    /** Each camera's run as it ends: kept (redacted, cut), put in the ticket, handed on; one at a time. */
    private final class Outcomes implements Consumer<CameraRun> {
        private final Runbook runbook;
        private final long ticketId;
        private final Consumer<CameraRun> progress;
        private final Map<String, CameraRun> byCamera = new LinkedHashMap<>();
        private Problem ticketProblem;

        Outcomes(Runbook runbook, long ticketId, Consumer<CameraRun> progress) {
            this.runbook = runbook;
            this.ticketId = ticketId;
            this.progress = progress;
        }

        @Override
        public synchronized void accept(CameraRun raw) {
            CameraRun run = new CameraRun(raw.cameraId(), raw.outcome(),
                    raw.outcome() == CameraRun.Outcome.COMPLETED ? raw.exitCode() : -1, raw.duration(),
                    RunbookOutput.kept(raw.output(), runbook.outputLimit(),
                            words.text("diag.outputCut", runbook.outputLimit())),
                    RunbookOutput.redact(raw.detail()));
            byCamera.put(run.cameraId(), run);
            if (ticketId != 0 && ticketProblem == null) {
                try {
                    tickets.attachOutput(ticketId, new TimelineEntry.CommandOutput(runbook.id(), run.cameraId(),
                            run.exitCode(), run.duration(), entryText(run)));
                } catch (Problem p) {
                    // the cameras go on; the operator is told once all have ended
                    LOG.warn("Could not put the output of {} on {} in ticket {}", runbook.id(), run.cameraId(),
                            ticketId, p);
                    ticketProblem = p;
                }
            }
            try {
                progress.accept(run);
            } catch (RuntimeException e) {
                LOG.warn("The progress of {} on {} could not be shown", runbook.id(), run.cameraId(), e);
            }
        }

        synchronized List<CameraRun> inOrderOf(List<Target> targets) {
            List<CameraRun> out = new ArrayList<>();
            for (Target t : targets) {
                CameraRun r = byCamera.get(t.cameraId());
                // a shell that returned without a word on a camera: its run is not known to have happened
                out.add(r != null ? r : new CameraRun(t.cameraId(), CameraRun.Outcome.LOST, -1, Duration.ZERO, "",
                        words.text("diag.noOutcome", t.cameraId())));
            }
            return Collections.unmodifiableList(out);
        }
    }

    /** What the ticket keeps of a run: its output, under the sentence of why it did not complete when it did not. */
    private static String entryText(CameraRun run) {
        if (run.outcome() == CameraRun.Outcome.COMPLETED) {
            return run.output();
        }
        return run.output().isEmpty() ? run.detail() : run.detail() + "\n" + run.output();
    }

    private static Map<String, String> auditParameters(Runbook runbook, RunRequest request, List<Target> targets) {
        Map<String, String> p = new TreeMap<>();
        p.put("runbook", runbook.id());
        runbook.values(request.values()).forEach((name, value) -> p.put("param." + name, value));
        p.put("cameras", Integer.toString(targets.size()));
        if (request.ticketId() != 0) {
            p.put("ticket", Long.toString(request.ticketId()));
        }
        return p;
    }

    private static Map<String, String> outcome(Map<String, String> params, AuditEvent started, List<CameraRun> runs) {
        Map<String, String> after = new TreeMap<>(params);
        after.put("startedSeq", Long.toString(started.seq()));
        after.put("succeeded", Long.toString(runs.stream().filter(CameraRun::succeeded).count()));
        List<String> failed = runs.stream().filter(r -> !r.succeeded())
                .map(r -> r.cameraId() + " " + r.outcome().name().toLowerCase(Locale.ROOT)
                        + (r.outcome() == CameraRun.Outcome.COMPLETED ? " " + r.exitCode() : ""))
                .toList();
        if (!failed.isEmpty()) {
            after.put("failed", failed.stream().limit(AUDITED_CAMERAS).collect(Collectors.joining(", "))
                    + (failed.size() > AUDITED_CAMERAS ? ", +" + (failed.size() - AUDITED_CAMERAS) : ""));
        }
        return after;
    }

    /** The cameras, as the audit trail names a target. */
    private static String target(List<Target> targets) {
        String named = targets.stream().limit(AUDITED_CAMERAS).map(Target::cameraId).collect(Collectors.joining(","));
        return "cameras " + named + (targets.size() > AUDITED_CAMERAS ? ",+" + (targets.size() - AUDITED_CAMERAS) : "");
    }
}
