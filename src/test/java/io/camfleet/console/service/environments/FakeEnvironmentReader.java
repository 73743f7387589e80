package io.camfleet.console.service.environments;

import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An environment reader for tests: lists the profiles it is given and answers "who am I" per profile as told; a
 * profile it was told nothing about has no credentials. Reads no fleet. Safe to use from any thread.
 */
public final class FakeEnvironmentReader implements EnvironmentReader {

    private final List<AwsProfile> profiles;
    private final Map<String, Function<Environment, CallerIdentity>> answers = new ConcurrentHashMap<>();
    private final List<Environment> asked = new CopyOnWriteArrayList<>();

    public FakeEnvironmentReader(List<AwsProfile> profiles) {
        this.profiles = List.copyOf(profiles);
    }

    /** {@code profile} is signed in as {@code arn} of {@code account}. */
    public FakeEnvironmentReader answer(String profile, String account, String arn) {
        return answer(profile, e -> new CallerIdentity(account, arn));
    }

    /** {@code profile} answers with what {@code answer} returns or throws, on the caller's thread. */
    public FakeEnvironmentReader answer(String profile, Function<Environment, CallerIdentity> answer) {
        answers.put(profile, answer);
        return this;
    }

    /** The environments asked about, in order. */
    public List<Environment> asked() {
        return List.copyOf(asked);
    }

    @Override
    public CallerIdentity identity(Environment environment) {
        asked.add(environment);
        Function<Environment, CallerIdentity> answer = answers.get(environment.profile());
        if (answer == null) {
            throw new Problem("aws.noCredentials", environment.profileOrDefault());
        }
        return answer.apply(environment);
    }

    @Override
    public List<AwsProfile> profiles() {
        return profiles;
    }

    @Override
    public void read(Environment environment, SyncSink sink, Progress progress) {
        // no fleet: these tests are about settings, not sync
    }
}
