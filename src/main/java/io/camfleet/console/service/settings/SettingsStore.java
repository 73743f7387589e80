package io.camfleet.console.service.settings;

import io.camfleet.console.service.common.SettingsSection;

/**
 * Port: where {@link Settings} are kept between runs, a section at a time. A write changes its own section only: the
 * others, and sections this console does not know (written by a newer one), stay as they are on disk.
 */
public interface SettingsStore {

    /** The settings as they are on disk now. Never throws: what cannot be read is at its defaults, with why. */
    Settings read();

    /**
     * Writes {@code section} atomically, for a change the operator made and is told is done. When the file, or this
     * section of it, cannot be read, it is first kept beside as {@code settings.json.unreadable-TIME}: nothing the
     * operator wrote is lost.
     *
     * @throws io.camfleet.console.service.common.Problem naming the file and why it cannot be written; it is then as
     *                                                    it was
     */
    <T> void write(SettingsSection<T> section, T value);

    /**
     * Writes {@code section} as {@link #write} does, for what the console remembers by itself (where the window
     * was): a failure is logged, never fatal, and while the file or this section cannot be read nothing is written,
     * so that the file stays as it is for the operator to fix.
     */
    <T> void remember(SettingsSection<T> section, T value);
}
