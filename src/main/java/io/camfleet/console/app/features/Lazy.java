package io.camfleet.console.app.features;

import java.util.function.Consumer;
import java.util.function.Supplier;

/** A service built on its first use, once: what a command never asks for costs nothing. Thread-safe. */
final class Lazy<T> implements Supplier<T> {

    private final Supplier<T> build;
    private T built;

    Lazy(Supplier<T> build) {
        this.build = build;
    }

    @Override
    public synchronized T get() {
        if (built == null) {
            built = build.get();
        }
        return built;
    }

    /** Calls {@code use} with the service if it was built; builds nothing. */
    void ifBuilt(Consumer<T> use) {
        T b;
        synchronized (this) {
            b = built;
        }
        if (b != null) {
            use.accept(b);
        }
    }
}
