package io.camfleet.console.service.alerts;

import io.camfleet.console.domain.alerts.AlertSeverity;
import io.camfleet.console.service.common.Problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * One way out of the console for alerts, as set in Settings.
 *
 * @param name        the operator's name for it ("NOC Slack"): unique, and what the delivery log and banners say
 * @param url         the receiver (webhook), or the Events endpoint (PagerDuty; {@link #PAGERDUTY_EVENTS} when
 *                    blank); unused for Slack, whose URL is the secret
 * @param secret      where the secret is kept; never the secret
 * @param minSeverity the least severe alert the route takes: WARNING takes all, CRITICAL only critical ones
 */
public record AlertRoute(String name, RouteKind kind, String url, SecretSource secret, AlertSeverity minSeverity,
                         boolean enabled) {

    public static final String PAGERDUTY_EVENTS = "https://events.pagerduty.com/v2/enqueue";
    static final int LONGEST_NAME = 100;

    /**
     * @throws Problem (BAD_INPUT) naming what cannot work: no name, a URL that is not http(s), no secret where one is
     *                 needed
     */
    public AlertRoute {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(minSeverity, "minSeverity");
        name = name == null ? "" : name.strip();
        url = url == null ? "" : url.strip();
        secret = secret == null ? SecretSource.NONE : secret;
        if (name.isEmpty()) {
            throw Problem.badInput("alertRoutes.name.blank");
        }
        if (name.length() > LONGEST_NAME) {
            throw Problem.badInput("alertRoutes.name.long", LONGEST_NAME);
        }
        if (kind == RouteKind.PAGERDUTY && url.isEmpty()) {
            url = PAGERDUTY_EVENTS;
        }
        if (!kind.hasUrl()) {
            url = "";
        } else if (!isHttp(url)) {
            throw Problem.badInput(url.isEmpty() ? "alertRoutes.url.blank" : "alertRoutes.url.invalid", name, url);
        }
        if (kind.needsSecret() && secret.isNone()) {
            throw Problem.badInput(kind == RouteKind.SLACK ? "alertRoutes.secret.slack" : "alertRoutes.secret.pagerDuty",
                    name);
        }
    }

    /** Whether {@code url} is an absolute http or https URL with a host. */
    public static boolean isHttp(String url) {
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Whether this route takes {@code notice}: it is enabled, and the alert is at least its minimum severity. */
    public boolean takes(AlertNotice notice) {
        // CRITICAL is declared first: the more severe, the lower the ordinal.
        return enabled && notice.severity().ordinal() <= minSeverity.ordinal();
    }

    public AlertRoute withEnabled(boolean on) {
        return new AlertRoute(name, kind, url, secret, minSeverity, on);
    }
}
