package io.camfleet.console.adapter.aws;

import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.images.ImageCloud;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Patches an image builder with SSM {@code AWS-RunPatchBaseline} (Operation=Install), as the camera runbooks run
 * commands ({@link SsmCameraShell}): one SendCommand, only a throttled one retried (a patch sent twice installs
 * twice), then GetCommandInvocation polled until it ends or the timeout passes, when it is cancelled.
 */
final class Ec2ImagePatch {

    private static final Logger LOG = LoggerFactory.getLogger(Ec2ImagePatch.class);
    static final String DOCUMENT = "AWS-RunPatchBaseline";
    static final String COMMENT = "camfleet image builder patch";

    private final Supplier<AwsClients> clients;
    private final Duration pollEvery;

    Ec2ImagePatch(Supplier<AwsClients> clients, Duration pollEvery) {
        this.clients = clients;
        this.pollEvery = pollEvery;
    }

    ImageCloud.PatchRun run(Environment env, String instanceId, Duration timeout) {
        SsmClient ssm = clients.get().ssm(env);
        String commandId;
        try {
            commandId = ssm.sendCommand(r -> r.documentName(DOCUMENT).instanceIds(instanceId).comment(COMMENT)
                    .timeoutSeconds((int) Math.max(30, timeout.toSeconds()))
                    .parameters(Map.of("Operation", List.of("Install")))
                    .overrideConfiguration(o -> o.addPlugin(SsmWaveRunner.RETRY_ONLY_THROTTLING)))
                    .command().commandId();
        } catch (SdkException e) {
            throw AwsProblems.of(env, "ssm:SendCommand", e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                GetCommandInvocationResponse r = ssm.getCommandInvocation(q -> q.commandId(commandId)
                        .instanceId(instanceId));
                if (r.status() != null) {
                    switch (r.status()) {
                        case SUCCESS, FAILED, TIMED_OUT, CANCELLED -> {
                            return new ImageCloud.PatchRun(commandId, r.statusAsString(),
                                    r.responseCode() == null ? -1 : r.responseCode(), output(r));
                        }
                        default -> {
                            // pending, in progress: look again
                        }
                    }
                }
            } catch (InvocationDoesNotExistException e) {
                // just after SendCommand an invocation may not be visible yet
            } catch (SdkException e) {
                throw AwsProblems.of(env, "ssm:GetCommandInvocation", e);
            }
            if (System.nanoTime() - deadline >= 0) {
                try {
                    ssm.cancelCommand(q -> q.commandId(commandId).instanceIds(instanceId));
                } catch (SdkException e) {
                    LOG.warn("Could not cancel the builder patch {} past its timeout", commandId, e);
                }
                return new ImageCloud.PatchRun(commandId, "TimedOut", -1, "");
            }
            try {
                Thread.sleep(pollEvery);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new ImageCloud.PatchRun(commandId, "Interrupted", -1, "");
            }
        }
    }

    private static String output(GetCommandInvocationResponse r) {
        String out = r.standardOutputContent() == null ? "" : r.standardOutputContent();
        String err = r.standardErrorContent() == null ? "" : r.standardErrorContent();
        return err.isEmpty() ? out : out + (out.isEmpty() || out.endsWith("\n") ? "" : "\n") + err;
    }
}
