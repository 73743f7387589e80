package io.camfleet.console.adapter.webhook;

import io.camfleet.console.domain.text.SecretRedaction;
import io.camfleet.console.service.alerts.AlertNotice;
import io.camfleet.console.service.alerts.AlertRoute;
import io.camfleet.console.service.alerts.RouteSender;
import io.camfleet.console.service.alerts.SendResult;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a notice to a route over HTTP (java.net.http): a generic webhook, a Slack incoming webhook, or the PagerDuty
 * Events API v2. Each attempt is bounded: the connection within the client's connect timeout, the whole answer within
 * {@code responseTimeout}, so a slow receiver never holds a route for longer. What comes back is classed as delivered
 * (2xx), worth another try (no answer, 408, 429, 5xx, with a Retry-After when the receiver gave one) or refused (any
 * other status: the same request would be refused again).
 *
 * <p>The secret (a Slack URL, a routing key, a bearer token) is read for each attempt and never written anywhere:
 * what is said about an attempt names the route and the receiver's host, and has the secret cut out.
 */
public final class HttpRouteSender implements RouteSender {

    /** How much of a refusing receiver's answer is kept: enough for its reason. */
    private static final int ANSWER_CHARS = 300;

    private final HttpClient http;
    private final Duration responseTimeout;
    private final RouteSecrets secrets;
    private final RouteBodies bodies;
    private final Messages m;

    /**
     * @param http            its connect timeout bounds the connection; redirects are not followed (a POST is
     *                        never sent on somewhere else)
     * @param responseTimeout the longest an attempt waits for the whole answer
     * @param env             the console's environment variables, where routes may keep their secrets
     */
    public HttpRouteSender(HttpClient http, Duration responseTimeout, Map<String, String> env, Messages messages) {
        this.http = http;
        this.responseTimeout = responseTimeout;
        this.secrets = new RouteSecrets(env);
        this.bodies = new RouteBodies(messages);
        this.m = messages;
    }

    /** A client for routes: HTTP/1.1 (what webhook receivers expect), no redirects, a bounded connect. */
    public static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Optional<Problem> check(AlertRoute route) {
        try {
            String secret = secrets.read(route).orElse("");
            if (route.kind() == io.camfleet.console.service.alerts.RouteKind.SLACK && !AlertRoute.isHttp(secret)) {
                return Optional.of(Problem.badInput("alertRoutes.secret.slackNotUrl", route.name(),
                        route.secret().toString()));
            }
            return Optional.empty();
        } catch (Problem p) {
            return Optional.of(p);
        }
    }

    @Override
    public SendResult send(AlertRoute route, AlertNotice notice) {
        Optional<Problem> unusable = check(route);
        if (unusable.isPresent()) {
            return SendResult.refused(0, m.text(unusable.get()));
        }
        String secret = secrets.read(route).orElse("");
        HttpRequest request = request(route, notice, secret);
        String host = request.uri().getHost() + (request.uri().getPort() < 0 ? "" : ":" + request.uri().getPort());
        CompletableFuture<HttpResponse<String>> answer =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            // Also bounds a receiver that sends its headers at once and then its body a byte a minute.
            HttpResponse<String> r = answer.get(responseTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return classify(r, secret);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return SendResult.retry(0, null, m.text("alertRoutes.result.timeout", host, responseTimeout.toMillis() / 1000.0));
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return SendResult.retry(0, null, m.text("alertRoutes.result.interrupted"));
        } catch (ExecutionException e) {
            return SendResult.retry(0, null, unreachable(e.getCause(), host, secret));
        }
    }

    private HttpRequest request(AlertRoute route, AlertNotice notice, String secret) {
        URI uri;
        String body;
        switch (route.kind()) {
            case SLACK -> {
                uri = URI.create(secret);
                body = bodies.slack(notice);
            }
            case PAGERDUTY -> {
                uri = URI.create(route.url());
                body = bodies.pagerDuty(notice, secret);
            }
            default -> {
                uri = URI.create(route.url());
                body = bodies.webhook(notice);
            }
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(responseTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "CamFleet-Console")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (route.kind() == io.camfleet.console.service.alerts.RouteKind.WEBHOOK && !secret.isEmpty()) {
            b.header("Authorization", "Bearer " + secret);
        }
        return b.build();
    }

    private SendResult classify(HttpResponse<String> r, String secret) {
        int status = r.statusCode();
        if (status >= 200 && status < 300) {
            return SendResult.delivered(status, m.text("alertRoutes.result.delivered", status));
        }
        Duration retryAfter = r.headers().firstValue("Retry-After").flatMap(HttpRouteSender::retryAfter).orElse(null);
        String answer = clean(r.body(), secret);
        String detail = retryAfter != null
                ? m.text("alertRoutes.result.wait", status, retryAfter.toSeconds(), answer)
                : m.text("alertRoutes.result.status", status, answer);
        if (status == 408 || status == 429 || status >= 500) {
            return SendResult.retry(status, retryAfter, detail);
        }
        return SendResult.refused(status, detail);
    }

    /** Retry-After as seconds, or as an HTTP date (RFC 9110 10.2.3); empty when it is neither. */
    static Optional<Duration> retryAfter(String value) {
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private String unreachable(Throwable cause, String host, String secret) {
        if (cause instanceof HttpConnectTimeoutException) {
            return m.text("alertRoutes.result.connectTimeout", host);
        }
        if (cause instanceof HttpTimeoutException) {
            // The request's own timeout, which may fire a moment before the wait on the whole answer does.
            return m.text("alertRoutes.result.timeout", host, responseTimeout.toMillis() / 1000.0);
        }
        if (cause instanceof ConnectException) {
            return m.text("alertRoutes.result.refusedConnection", host);
        }
        String why = cause instanceof IOException && cause.getMessage() != null ? cause.getMessage()
                : String.valueOf(cause);
        return m.text("alertRoutes.result.unreachable", host, clean(why, secret));
    }

    /** The first few hundred characters of what a receiver said, on one line, with the secret and any other cut out. */
    private static String clean(String text, String secret) {
        String s = text == null ? "" : text;
        if (!secret.isEmpty()) {
            s = s.replace(secret, SecretRedaction.REDACTED);
        }
        s = SecretRedaction.redact(s).replaceAll("\\s+", " ").strip();
        if (s.length() > ANSWER_CHARS) {
            s = s.substring(0, ANSWER_CHARS) + "\u2026";
        }
        return s.isEmpty() ? "" : ": " + s;
    }
}
