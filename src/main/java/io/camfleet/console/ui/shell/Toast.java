package io.camfleet.console.ui.shell;

/**
 * A short notice in the corner of the window that goes by itself after a few seconds (a raised alert); a click on it
 * runs its action and takes it away.
 *
 * @param action what a click does, or null
 */
public record Toast(Banner.Kind kind, String title, String text, Runnable action) {
}
