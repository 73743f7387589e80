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
    /** What was read, and when: one record, so that a reader never sees one without the other. */
    private record Read(ProfileFile files, long at) {
    }

    private volatile Read read;

    ProfilesReadAgain(Supplier<ProfileFile> files) {
        this(files, System::nanoTime);
    }

    ProfilesReadAgain(Supplier<ProfileFile> files, LongSupplier nanoTime) {
        this.files = files;
        this.nanoTime = nanoTime;
    }

    /** Not locked: calls at the moment the files are due may each read them, which is harmless. */
    @Override
    public ProfileFile get() {
        long now = nanoTime.getAsLong();
        Read last = read;
        if (last == null || now - last.at() >= EVERY.toNanos()) {
            last = new Read(files.get(), now);
            read = last;
        }
        return last.files();
    }
}
