package io.camfleet.console.service.alerts;

/** Where a route takes alerts: any receiver of JSON, a Slack channel, or a PagerDuty service. */
public enum RouteKind {
    /** POST of the notice's fields as JSON to the route's URL; an optional secret goes as a bearer token. */
    WEBHOOK,
    /** A Slack incoming webhook: its URL is the secret. */
    SLACK,
    /** The PagerDuty Events API v2: the route's secret is the integration's routing key. */
    PAGERDUTY;

    /** Whether the route cannot work without a secret. */
    public boolean needsSecret() {
        return this != WEBHOOK;
    }

    /** Whether the operator enters the route's URL (for PagerDuty, the Events endpoint, with a default). */
    public boolean hasUrl() {
        return this != SLACK;
    }
}
