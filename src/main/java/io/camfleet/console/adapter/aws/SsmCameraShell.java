package io.camfleet.console.adapter.aws;

import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.diagnostics.CameraRun;
import io.camfleet.console.service.diagnostics.CameraShell;
import io.camfleet.console.service.environments.Environment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a runbook's command on cameras by SSM Run Command: one {@code AWS-RunShellScript} command per AWS environment
 * and per 50 cameras (SendCommand's most), SSM's own execution timeout set to the runbook's, then
 * {@code GetCommandInvocation} polled for each camera until its invocation ends or the timeout (and a grace for
 * delivery) has passed; what is still running then is cancelled and TIMED_OUT. A camera without a managed-node id, or
 * whose site has no AWS environment, cannot be reached and is not sent anything.
 *
 * <p>SSM replaces {@code {{ssm:name}}} in a command by a Parameter Store value: a command holding {@code {{} (a
 * runbook's parameter value may) is refused whole, before anything is sent.
 */
public final class SsmCameraShell implements CameraShell {

    private static final Logger LOG = LoggerFactory.getLogger(SsmCameraShell.class);
    /** What the commands carry, so that an operator finds them in the AWS console's Run Command history. */
    static final String COMMENT = "camfleet runbook";
    /** SendCommand's TimeoutSeconds (delivery) is at least 30 s. */
    private static final long LEAST_DELIVERY = 30;

    private final AwsClients clients;
    private final Function<Target, Optional<Environment>> environmentOf;
    private final Duration pollEvery;
    private final Duration grace;
    private final Messages words = new Messages(Locale.ROOT);

    /**
     * @param environmentOf the AWS environment (account, region, profile) of each camera
     * @param pollEvery     how long between two looks at the invocations still under way
     * @param grace         how long past the runbook's timeout an invocation may take to be delivered and to end
     */
    public SsmCameraShell(AwsClients clients, Function<Target, Optional<Environment>> environmentOf,
                          Duration pollEvery, Duration grace) {
        this.clients = clients;
        this.environmentOf = environmentOf;
        this.pollEvery = pollEvery;
        this.grace = grace;
    }

    @Override
    public Optional<String> cannotReach(Target target) {
        if (target.ssmNodeId().isBlank()) {
            return Optional.of(words.text("ssm.noNode", target.cameraId()));
        }
        if (environmentOf.apply(target).isEmpty()) {
            return Optional.of(words.text("ssm.noEnvironmentNow", target.cameraId(), target.siteId()));
        }
        return Optional.empty();
    }

    /**
     * @throws Problem (bad input) when the command holds {@code {{}, before anything is sent
     */
    @Override
    public void run(List<Target> targets, String command, Duration timeout, Consumer<CameraRun> done) {
        if (command.contains("{{")) {
            throw Problem.badInput("diag.ssmBraces");
        }
        long start = System.nanoTime();
        Map<String, List<Target>> byEnvironment = new LinkedHashMap<>();
        Map<String, Environment> environments = new LinkedHashMap<>();
        for (Target t : targets) {
            Optional<String> why = cannotReach(t);
            if (why.isPresent()) {
                done.accept(new CameraRun(t.cameraId(), CameraRun.Outcome.UNREACHABLE, -1, Duration.ZERO, "",
                        why.get()));
                continue;
            }
            Environment env = environmentOf.apply(t).orElseThrow();
            environments.putIfAbsent(env.label(), env);
            byEnvironment.computeIfAbsent(env.label(), k -> new ArrayList<>()).add(t);
        }
        List<Sent> underWay = new ArrayList<>();
        byEnvironment.forEach((label, cameras) -> {
            for (int i = 0; i < cameras.size(); i += SsmWaveRunner.MOST_PER_COMMAND) {
                List<Target> batch = cameras.subList(i, Math.min(cameras.size(), i + SsmWaveRunner.MOST_PER_COMMAND));
                send(environments.get(label), batch, command, timeout, start, done).ifPresent(underWay::add);
            }
        });
        poll(underWay, timeout, start, done);
    }

    /** One command sent to a batch of cameras of one environment, and the cameras not yet ended. */
    private record Sent(Environment env, String commandId, Map<String, Target> waiting) {
    }

    private Optional<Sent> send(Environment env, List<Target> batch, String command, Duration timeout, long start,
                                Consumer<CameraRun> done) {
        SendCommandRequest request = SendCommandRequest.builder()
                .documentName(SsmWaveRunner.DOCUMENT)
                .instanceIds(batch.stream().map(Target::ssmNodeId).toList())
                .comment(COMMENT)
                .timeoutSeconds((int) Math.max(LEAST_DELIVERY, grace.toSeconds()))
                .parameters(Map.of("commands", List.of(command),
                        "executionTimeout", List.of(Long.toString(Math.max(1, timeout.toSeconds())))))
                // a remediation sent twice would run twice: only a throttled call, which SSM did nothing with, is retried
                .overrideConfiguration(o -> o.addPlugin(SsmWaveRunner.RETRY_ONLY_THROTTLING))
                .build();
        try {
            String id = clients.ssm(env).sendCommand(request).command().commandId();
            Map<String, Target> waiting = new LinkedHashMap<>();
            batch.forEach(t -> waiting.put(t.cameraId(), t));
            return Optional.of(new Sent(env, id, waiting));
        } catch (SdkException e) {
            Problem why = AwsProblems.of(env, "ssm:SendCommand", e);
            LOG.warn("SSM did not take the runbook command for {} cameras", batch.size(), e);
            // an answer lost on the way leaves open whether SSM took it, and so whether it ran
            boolean mayHaveRun = SsmWaveRunner.mayHaveArrived(e, why);
            String sentence = words.text(mayHaveRun ? "diag.ssmUnconfirmed" : "diag.ssmNotSent", why.getMessage());
            batch.forEach(t -> done.accept(new CameraRun(t.cameraId(),
                    mayHaveRun ? CameraRun.Outcome.LOST : CameraRun.Outcome.UNREACHABLE, -1, since(start), "",
                    sentence)));
            return Optional.empty();
        }
    }

    private void poll(List<Sent> underWay, Duration timeout, long start, Consumer<CameraRun> done) {
        long deadline = start + timeout.plus(grace).toNanos();
        Map<String, String> trouble = new LinkedHashMap<>();
        while (underWay.stream().anyMatch(s -> !s.waiting().isEmpty())) {
            for (Sent s : underWay) {
                SsmClient ssm = clients.ssm(s.env());
                for (Target t : List.copyOf(s.waiting().values())) {
                    try {
                        ended(t, ssm.getCommandInvocation(r -> r.commandId(s.commandId()).instanceId(t.ssmNodeId())),
                                start).ifPresent(run -> {
                            s.waiting().remove(t.cameraId());
                            done.accept(run);
                        });
                        trouble.remove(t.cameraId());
                    } catch (InvocationDoesNotExistException e) {
                        // just after SendCommand an invocation may not be visible yet
                    } catch (SdkException e) {
                        trouble.put(t.cameraId(), AwsProblems.of(s.env(), "ssm:GetCommandInvocation", e).getMessage());
                    }
                }
            }
            if (System.nanoTime() - deadline >= 0) {
                stop(underWay, timeout, start, trouble, done);
                return;
            }
            try {
                Thread.sleep(pollEvery);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop(underWay, timeout, start, trouble, done);
                return;
            }
        }
    }

    /** The invocations still under way at the deadline: cancelled (best effort), and each camera told why. */
    private void stop(List<Sent> underWay, Duration timeout, long start, Map<String, String> trouble,
                      Consumer<CameraRun> done) {
        for (Sent s : underWay) {
            if (s.waiting().isEmpty()) {
                continue;
            }
            try {
                clients.ssm(s.env()).cancelCommand(r -> r.commandId(s.commandId())
                        .instanceIds(s.waiting().values().stream().map(Target::ssmNodeId).toList()));
            } catch (SdkException e) {
                LOG.warn("Could not cancel the runbook command {} past its timeout", s.commandId(), e);
            }
            for (Target t : s.waiting().values()) {
                String lostTrack = trouble.get(t.cameraId());
                done.accept(lostTrack != null
                        ? new CameraRun(t.cameraId(), CameraRun.Outcome.LOST, -1, since(start), "",
                        words.text("diag.ssmLostTrack", t.cameraId(), lostTrack))
                        : new CameraRun(t.cameraId(), CameraRun.Outcome.TIMED_OUT, -1, since(start), "",
                        words.text("diag.timedOut", t.cameraId(), timeout.toSeconds())));
            }
            s.waiting().clear();
        }
    }

    /**
     * The camera's run once its invocation ended; empty while it is queued or running. An invocation that never
     * started there (undeliverable, the agent offline past delivery) is UNREACHABLE; the script's own exit status,
     * zero or not, is COMPLETED; SSM's execution timeout is TIMED_OUT; a cancel while it ran is LOST.
     */
    private Optional<CameraRun> ended(Target t, GetCommandInvocationResponse r, long start) {
        if (r.status() == null) {
            return Optional.empty();
        }
        String details = r.statusDetails() == null ? "" : r.statusDetails();
        int code = r.responseCode() == null ? -1 : r.responseCode();
        boolean started = r.executionStartDateTime() != null && !r.executionStartDateTime().isBlank();
        boolean neverRan = SsmWaveRunner.NEVER_RAN.contains(details.replace(" ", "")) || !started && code == -1;
        String output = output(r);
        Duration took = since(start);
        String id = t.cameraId();
        return switch (r.status()) {
            case PENDING, DELAYED, IN_PROGRESS, CANCELLING, UNKNOWN_TO_SDK_VERSION -> Optional.empty();
            case SUCCESS -> Optional.of(new CameraRun(id, CameraRun.Outcome.COMPLETED, code, took, output, ""));
            case FAILED -> Optional.of(neverRan ? notRun(id, details, took)
                    : new CameraRun(id, CameraRun.Outcome.COMPLETED, code, took, output, ""));
            case TIMED_OUT -> Optional.of(neverRan ? notRun(id, details, took)
                    : new CameraRun(id, CameraRun.Outcome.TIMED_OUT, -1, took, output,
                    words.text("diag.ssmTimedOut", id, details)));
            case CANCELLED -> Optional.of(neverRan ? notRun(id, details, took)
                    : new CameraRun(id, CameraRun.Outcome.LOST, -1, took, output,
                    words.text("diag.ssmCancelled", id, details)));
        };
    }

    private CameraRun notRun(String cameraId, String details, Duration took) {
        return new CameraRun(cameraId, CameraRun.Outcome.UNREACHABLE, -1, took, "",
                words.text("diag.ssmNotRun", cameraId, details));
    }

    /** Standard output, then standard error: SSM keeps them apart, a terminal would have shown both. */
    private static String output(GetCommandInvocationResponse r) {
        String out = r.standardOutputContent() == null ? "" : r.standardOutputContent();
        String err = r.standardErrorContent() == null ? "" : r.standardErrorContent();
        if (err.isEmpty()) {
            return out;
        }
        return out.isEmpty() || out.endsWith("\n") ? out + err : out + "\n" + err;
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
