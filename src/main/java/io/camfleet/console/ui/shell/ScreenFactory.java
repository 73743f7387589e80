package io.camfleet.console.ui.shell;

import io.camfleet.console.ui.common.ScreenView;

/** Builds a screen the first time it is shown; screens are built lazily to keep start-up fast. */
@FunctionalInterface
public interface ScreenFactory {

    ScreenView create();
}
