package io.camfleet.console.domain;

/** The names of audited actions, in one place: what the audit screen and evidence exports show and filter on. */
public final class AuditActions {

    /** The fleet was read from its source into the cache. */
    public static final String FLEET_RELOAD = "fleet.reload";
    /** An unusable cache file was moved aside and a fresh one created. */
    public static final String CACHE_RECOVER = "cache.recover";
    /** The operator chose another fleet source (demo, AWS environments, an imported file). */
    public static final String FLEET_SOURCE = "fleet.source";
    /** A map image was exported. */
    public static final String MAP_SNAPSHOT = "map.snapshot";

    private AuditActions() {
    }
}
