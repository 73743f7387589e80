package io.camfleet.console.service.common;

import java.util.Objects;
import java.util.function.Function;

/**
 * One capability's part of the settings file: its name there, its value when the file has none, and its own file
 * format with the checks that turn what is stored into the value. A new capability adds a section of its own and
 * touches no other. It lives here, not in {@code service.settings}, so that each capability can declare its section
 * while the settings store depends on the capabilities, never the reverse.
 *
 * @param <T> the value the capability works with
 */
public final class SettingsSection<T> {

    private final String name;
    private final T defaults;
    private final Class<?> format;
    private final Function<Object, T> read;
    private final Function<T, Object> write;

    private SettingsSection(String name, T defaults, Class<?> format, Function<Object, T> read,
                            Function<T, Object> write) {
        this.name = name;
        this.defaults = defaults;
        this.format = format;
        this.read = read;
        this.write = write;
    }

    /**
     * @param name     the section's key in the file: letters only, unique among the sections
     * @param defaults the value when the file has no such section
     * @param format   the section as stored: a record (or a class of public fields) of plain values that the store
     *                 binds by its component names; a component the file lacks is null
     * @param read     the value from what is stored, checked; throws (IllegalArgumentException, Problem) naming what
     *                 is wrong when it does not pass
     * @param write    what is stored for a value
     */
    public static <T, F> SettingsSection<T> of(String name, T defaults, Class<F> format, Function<F, T> read,
                                               Function<T, F> write) {
        if (!name.matches("[a-zA-Z]+")) {
            throw new IllegalArgumentException("A settings section is named with letters only, not " + name);
        }
        Objects.requireNonNull(defaults, name);
        return new SettingsSection<>(name, defaults, format, stored -> read.apply(format.cast(stored)),
                write::apply);
    }

    public String name() {
        return name;
    }

    public T defaults() {
        return defaults;
    }

    /** The type the store binds the section's JSON to. */
    public Class<?> format() {
        return format;
    }

    /**
     * The value of what the file holds, an instance of {@link #format()}.
     *
     * @throws RuntimeException naming what does not pass the section's checks
     */
    public T read(Object stored) {
        return Objects.requireNonNull(read.apply(stored), name);
    }

    /** What the file is to hold for {@code value}: an instance of {@link #format()}. */
    public Object write(T value) {
        return write.apply(value);
    }

    @Override
    public String toString() {
        return "settings section " + name;
    }
}
