package io.camfleet.console.service.environments;

import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import java.util.List;

/** Port: reads one environment's fleet (inventory and health metrics) from where it lives, for example AWS. */
public interface EnvironmentReader {

    /**
     * Reads the whole fleet of {@code environment} into {@code sink}, sites first. Honours cancellation between
     * pages.
     *
     * @throws Problem when the environment cannot be reached or its credentials are missing, expired or refused
     */
    void read(Environment environment, SyncSink sink, Progress progress);

    /**
     * Reads only what changed in {@code environment} since {@code since}, where the environment tells its changes
     * (a queue of its registry's events): delivers into {@code sink} the whole fleet, as {@code since} holds it with
     * the changes applied, as {@link #read} would, asking the source only for what changed. When it cannot (no
     * queue, changes lost, an event it cannot read), it delivers nothing and says why.
     *
     * @throws Problem as for {@link #read}
     */
    default ChangeRead readChanges(Environment environment, ChangeRead.Since since, SyncSink sink,
                                   Progress progress) {
        return ChangeRead.fullReadNeeded(new Problem("sync.because.unsupported"));
    }

    /**
     * Who the console is in {@code environment}: its account and the role or user it acts as.
     *
     * @throws Problem as for {@link #read}
     */
    CallerIdentity identity(Environment environment);

    /** The profiles in the user's AWS configuration, with their regions where they name one. */
    List<AwsProfile> profiles();

    /** An identity as the cloud reports it. */
    record CallerIdentity(String account, String arn) {
        /** The role or user name: the part of the ARN after the last '/' of its type. */
        public String principal() {
            int slash = arn.indexOf('/');
            return slash < 0 ? arn : arn.substring(slash + 1);
        }
    }

    /** A profile from the AWS config; {@code sso} when it signs in through IAM Identity Center. */
    record AwsProfile(String name, String region, boolean sso) {
    }
}
