package io.camfleet.console.ui.shell;

import org.kordamp.ikonli.Ikon;

import java.util.Locale;

/**
 * A screen as the navigation lists it. The feature that builds the screen declares it and registers it, with what
 * builds it, in the {@link ScreenRegistry}; the shell knows no screen by name.
 *
 * @param id a stable name: remembered as the last screen shown, and the message key {@code screen.<id>}
 */
public record Screen(String id, Ikon icon) {

    /** Message key of the screen's name. */
    public String key() {
        return "screen." + id;
    }

    /** The node id of its navigation button, for tests and styles. */
    public String navId() {
        return "nav-" + id.toLowerCase(Locale.ROOT);
    }
}
