package io.camfleet.console.adapter.aws;

import software.amazon.awssdk.profiles.ProfileFile;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The AWS config and credentials files, read again at most every {@link #EVERY}. The SDK asks its profile supplier at
 * every call it signs, and reading and parsing the files each time was a tenth of the console's CPU in a rollout of
 * 2,000 cameras over SSM (a call per camera); an edit of the files (new keys, an SSO login) still takes effect within
 * seconds, without a restart.
 */
final class ProfilesReadAgain implements Supplier<ProfileFile> {

    static final Duration EVERY = Duration.ofSeconds(5);

    private final Supplier<ProfileFile> files;
    private final LongSupplier nanoTime;
    private ProfileFile read;
    private long readAt;

    ProfilesReadAgain(Supplier<ProfileFile> files) {
        this(files, System::nanoTime);
    }

    ProfilesReadAgain(Supplier<ProfileFile> files, LongSupplier nanoTime) {
        this.files = files;
        this.nanoTime = nanoTime;
    }

    @Override
    public synchronized ProfileFile get() {
        long now = nanoTime.getAsLong();
        if (read == null || now - readAt >= EVERY.toNanos()) {
            read = files.get();
            readAt = now;
        }
        return read;
    }
}
