package io.camfleet.console.domain.support;

/** Who works the ticket: level 2 support, or level 3 (engineering). Escalation goes from L2 to L3, never back. */
public enum Level { L2, L3 }
