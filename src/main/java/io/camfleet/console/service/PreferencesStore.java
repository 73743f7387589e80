package io.camfleet.console.service;

/** Port: where {@link Preferences} are kept between runs. */
public interface PreferencesStore {

    /** The saved preferences, or {@link Preferences#DEFAULT} when there are none or they cannot be read. */
    Preferences load();

    /** Saves atomically; a failure is logged, never fatal. */
    void save(Preferences preferences);
}
