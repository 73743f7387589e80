package io.camfleet.console.domain.support;

/** How bad a ticket is: P1 (a site dark, a customer blind) down to P4 (a question). Sets its SLA targets. */
public enum Severity { P1, P2, P3, P4 }
