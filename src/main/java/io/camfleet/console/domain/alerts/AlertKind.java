package io.camfleet.console.domain.alerts;

/** What an alert is about; each kind has its rule and its threshold in the alert settings. */
public enum AlertKind {
    /** A site down (by the site-down rule) for longer than its threshold. */
    SITE_OFFLINE,
    /** A camera DEGRADED for longer than its threshold. */
    CAMERA_DEGRADED,
    /** The error budget burning fast: both the long and the short fast window above their rate (paging). */
    BUDGET_BURN_FAST,
    /** The error budget burning slowly but steadily: both slow windows above their rate. */
    BUDGET_BURN_SLOW,
    /** A deployment failed, or exceeded its failure threshold. */
    DEPLOYMENT_FAILED,
    /** No successful sync for longer than the threshold. */
    SYNC_STALE
}
