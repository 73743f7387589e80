package io.camfleet.console.service.settings;

import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.SettingsSection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings file as it was read: each capability's section, and what could not be read. A section the file lacks
 * is at its defaults; so is one that could not be read, and then its problem says where and why.
 */
public final class Settings {

    /** Every section at its defaults, with nothing wrong. */
    public static final Settings DEFAULTS = new Settings(Map.of(), Map.of());

    /** The problems' key for the file as a whole. */
    private static final String FILE = "";

    private final Map<String, Object> values;
    private final Map<String, Problem> problems;

    private Settings(Map<String, Object> values, Map<String, Problem> problems) {
        this.values = Map.copyOf(values);
        this.problems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    /** Settings that could not be read at all: every section at its defaults, and why. */
    public static Settings unreadable(Problem why) {
        return new Settings(Map.of(), Map.of(FILE, why));
    }

    /** The value of {@code section}: as read, else its defaults. */
    public <T> T get(SettingsSection<T> section) {
        @SuppressWarnings("unchecked")
        T value = (T) values.get(section.name());
        return value == null ? section.defaults() : value;
    }

    /** These settings with {@code section} at {@code value}, read without a problem. */
    public <T> Settings with(SettingsSection<T> section, T value) {
        Map<String, Object> v = new HashMap<>(values);
        v.put(section.name(), value);
        Map<String, Problem> p = new LinkedHashMap<>(problems);
        p.remove(section.name());
        return new Settings(v, p);
    }

    /** These settings with {@code section} at its defaults because of {@code why}. */
    public Settings withUnreadable(SettingsSection<?> section, Problem why) {
        Map<String, Object> v = new HashMap<>(values);
        v.remove(section.name());
        Map<String, Problem> p = new LinkedHashMap<>(problems);
        p.put(section.name(), why);
        return new Settings(v, p);
    }

    /** What could not be read, each naming the file, where and why; empty when all of it was. */
    public List<Problem> problems() {
        return new ArrayList<>(problems.values());
    }

    /** Why {@code section} is at its defaults although the file may hold it: the file's problem, or its own. */
    public Optional<Problem> problem(SettingsSection<?> section) {
        return Optional.ofNullable(problems.getOrDefault(FILE, problems.get(section.name())));
    }

    /**
     * The value of {@code section}, for a change that must not overwrite what it could not read.
     *
     * @throws Problem naming the file and where it cannot be read, when the file or this section cannot be
     */
    public <T> T require(SettingsSection<T> section) {
        Optional<Problem> p = problem(section);
        if (p.isPresent()) {
            throw p.get();
        }
        return get(section);
    }
}
