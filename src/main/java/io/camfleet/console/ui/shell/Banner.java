package io.camfleet.console.ui.shell;

/** A notice across the top of the window until the operator dismisses it. */
public record Banner(Kind kind, String title, String text) {

    public enum Kind { INFO, WARNING, DANGER }
}
