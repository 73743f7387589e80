package io.camfleet.console.adapter.aws;

import io.camfleet.console.domain.findings.PatchState;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.findings.PatchStateSource;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.InstancePatchState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * SSM Patch Manager's patch state of the cameras' managed nodes ({@code DescribeInstancePatchStates}, 50 nodes a
 * call, every page). Installed counts installed, installed-other and pending-reboot patches; missing counts missing
 * and failed ones; the security ones missing are SSM's SecurityNonCompliantCount. The patch level is the baseline
 * the node was judged against, with the day of its last scan or install.
 */
public final class SsmPatchStates implements PatchStateSource {

    /** DescribeInstancePatchStates takes at most 50 instance ids a call. */
    static final int BATCH = 50;

    private final Function<Environment, SsmClient> ssm;

    public SsmPatchStates(Function<Environment, SsmClient> ssm) {
        this.ssm = ssm;
    }

    @Override
    public List<PatchState> patchStates(Environment e, List<String> nodeIds) {
        List<PatchState> out = new ArrayList<>();
        SsmClient client = ssm.apply(e);
        try {
            for (int from = 0; from < nodeIds.size(); from += BATCH) {
                List<String> batch = nodeIds.subList(from, Math.min(nodeIds.size(), from + BATCH));
                client.describeInstancePatchStatesPaginator(r -> r.instanceIds(batch).maxResults(50))
                        .instancePatchStates().forEach(s -> out.add(state(s, e)));
            }
        } catch (SdkException ex) {
            throw AwsProblems.of(e, "DescribeInstancePatchStates", ex);
        }
        return out;
    }

    private static PatchState state(InstancePatchState s, Environment e) {
        int installed = n(s.installedCount()) + n(s.installedOtherCount()) + n(s.installedPendingRebootCount());
        int missing = n(s.missingCount()) + n(s.failedCount());
        Instant at = s.operationEndTime() != null ? s.operationEndTime() : Instant.EPOCH;
        String level = (s.baselineId() == null ? "" : s.baselineId())
                + (s.operationEndTime() == null ? "" : " @ " + at.toString().substring(0, 10));
        return new PatchState(s.instanceId(), "ssm:" + e.label(), level, installed, missing,
                Math.min(missing, n(s.securityNonCompliantCount())), at);
    }

    private static int n(Integer count) {
        return count == null ? 0 : count;
    }
}
