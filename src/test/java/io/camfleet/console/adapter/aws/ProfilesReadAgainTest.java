package io.camfleet.console.adapter.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.profiles.ProfileFile;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProfilesReadAgainTest {

    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(1_000);
    private final ProfilesReadAgain profiles = new ProfilesReadAgain(() -> {
        reads.incrementAndGet();
        return ProfileFile.builder().content("[profile p" + reads.get() + "]\nregion = eu-west-1\n")
                .type(ProfileFile.Type.CONFIGURATION).build();
    }, now::get);

    @Test
    void theFilesAreReadOnceForTheCallsOfAFewSecondsAndAgainAfterThem() {
        ProfileFile first = profiles.get();
        now.addAndGet(ProfilesReadAgain.EVERY.toNanos() - 1);
        assertThat(profiles.get()).isSameAs(first);
        assertThat(reads.get()).isEqualTo(1);

        now.addAndGet(1);

        assertThat(profiles.get().profiles()).containsOnlyKeys("p2");
        assertThat(reads.get()).isEqualTo(2);
    }
}
