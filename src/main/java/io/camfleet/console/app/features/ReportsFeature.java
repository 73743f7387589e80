package io.camfleet.console.app.features;

/** The reports screen and {@code camfleet report}: exports, saved (scheduled) reports, recent exports. CONTRACT STUB: the screen helper fills it in. */
public final class ReportsFeature implements Feature {
}
