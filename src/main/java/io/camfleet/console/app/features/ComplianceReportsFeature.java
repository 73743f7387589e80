package io.camfleet.console.app.features;

/** The compliance report's source, over the findings, images, devices, availability, backups, deployments, tickets and audit. CONTRACT STUB: the compliance helper fills it in. */
public final class ComplianceReportsFeature implements Feature {
}
