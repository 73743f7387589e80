package io.camfleet.console.app.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The services the features added to one open data folder, by type. Filled once, while the folder opens; the open
 * folder ({@link io.camfleet.console.cli.ConsoleBackend.Session}) is composed of them instead of growing a field
 * and a method per service.
 */
public final class FolderParts {

    private final Map<Class<?>, Supplier<?>> parts;
    private final List<Runnable> closing;

    private FolderParts(Builder b) {
        this.parts = Map.copyOf(b.parts);
        this.closing = List.copyOf(b.closing);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The part of that type; empty when no feature added one, or when it has none right now. */
    public <T> Optional<T> find(Class<T> type) {
        Supplier<?> part = parts.get(type);
        return part == null ? Optional.empty() : Optional.ofNullable(type.cast(part.get()));
    }

    /** Stops what the parts run, the last added first. */
    public void close() {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).run();
        }
    }

    public static final class Builder {
        private final Map<Class<?>, Supplier<?>> parts = new HashMap<>();
        private final List<Runnable> closing = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param part asked each time the part is looked up: a fixed service, a {@link Lazy} one, or the current one
         * @throws IllegalStateException when another feature already added a part of that type
         */
        public <T> Builder add(Class<T> type, Supplier<? extends T> part) {
            if (parts.putIfAbsent(type, part) != null) {
                throw new IllegalStateException("Two features add a " + type.getSimpleName() + " to a data folder");
            }
            return this;
        }

        /**
         * A part another feature adds, looked up when asked (after every feature has added its parts), so that one
         * capability can reach another's service without building it.
         */
        public <T> Supplier<Optional<T>> reference(Class<T> type) {
            return () -> {
                Supplier<?> part = parts.get(type);
                return part == null ? Optional.empty() : Optional.ofNullable(type.cast(part.get()));
            };
        }

        /** Runs when the folder closes, before the cache does. */
        public Builder onClose(Runnable stop) {
            closing.add(stop);
            return this;
        }

        public FolderParts build() {
            return new FolderParts(this);
        }
    }
}
