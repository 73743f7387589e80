package io.camfleet.console.service.settings;

/** Port: where {@link Preferences} are kept between runs. */
public interface PreferencesStore {

    /** The saved preferences, or {@link Preferences#DEFAULT} when there are none or they cannot be read. */
    Preferences load();

    /** Saves atomically; a failure is logged, never fatal. */
    void save(Preferences preferences);

    /**
     * The saved preferences, {@link Preferences#DEFAULT} when there are none, for a change that must not overwrite
     * what it could not read (a command line that adds an environment, say).
     *
     * @throws Problem naming the file and why it cannot be read
     */
    Preferences read();

    /**
     * Saves atomically, as {@link #save}, for a change that is reported done only once it is on disk.
     *
     * @throws Problem naming the file and why it cannot be written; the file is then as it was
     */
    void write(Preferences preferences);
}
