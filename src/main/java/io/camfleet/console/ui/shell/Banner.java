package io.camfleet.console.ui.shell;

/**
 * A notice across the top of the window until the operator dismisses it, or a newer one on the same topic takes
 * its place.
 *
 * @param topic       banners with the same non-empty topic replace each other (the fleet source's state, say)
 * @param actionLabel the label of a button on the banner, or empty for none
 * @param action      what the button does; it also dismisses the banner
 */
public record Banner(Kind kind, String title, String text, String topic, String actionLabel, Runnable action) {

    public enum Kind { INFO, WARNING, DANGER }

    public Banner(Kind kind, String title, String text) {
        this(kind, title, text, "", "", null);
    }

    public Banner {
        topic = topic == null ? "" : topic;
        actionLabel = actionLabel == null || action == null ? "" : actionLabel;
    }
}
