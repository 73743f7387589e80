package io.camfleet.console.app.features;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value read again at most every so often: the settings a service consults at each judgement, so that a change in
 * Settings applies within that time and the file is not parsed at every look.
 */
final class Recent {

    private Recent() {
    }

    static <T> Supplier<T> of(Supplier<T> read, Duration maxAge) {
        return new Supplier<>() {
            private T value;
            private long readAt;

            @Override
            public synchronized T get() {
                long now = System.nanoTime();
                if (value == null || now - readAt > maxAge.toNanos()) {
                    value = read.get();
                    readAt = now;
                }
                return value;
            }
        };
    }
}
