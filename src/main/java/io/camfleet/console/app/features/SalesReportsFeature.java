package io.camfleet.console.app.features;

/** The sales proposal's source, over the fleet, availability and map. CONTRACT STUB: the sales helper fills it in. */
public final class SalesReportsFeature implements Feature {
}
