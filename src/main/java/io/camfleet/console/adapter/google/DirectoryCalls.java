package io.camfleet.console.adapter.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.devices.DeviceSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one call to the Directory API and tells its answer apart by {@code error.errors[].reason}, not by the status
 * alone (the API throttles with 403 as well as 429):
 * <ul>
 * <li>rate limits and quotas, 429 and 503: waits (see {@link BackOff}) and sends the same request again, so a
 * listing resumes from the same page token;</li>
 * <li>{@code forbidden}, {@code notAuthorized}, {@code insufficientPermissions} (and any other 403): never retried, a
 * Problem naming the scope and the admin role the call needs;</li>
 * <li>401: the token is renewed once and the request sent again; a second 401 is a Problem;</li>
 * <li>anything else: handed back as an {@link Answer} for the caller to judge (404 on a get is "no such device").</li>
 * </ul>
 * Every attempt is bounded: the connection by the client's connect timeout, the whole answer by the request timeout.
 */
final class DirectoryCalls {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryCalls.class);
    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> BACK_OFF_REASONS = Set.of("userRateLimitExceeded", "rateLimitExceeded", "quotaExceeded",
            "backendError");
    static final Set<String> REFUSAL_REASONS = Set.of("forbidden", "notAuthorized", "insufficientPermissions");
    private static final int MESSAGE_CHARS = 300;

    /** The part of the API a call is in: the scope it needs and the sentence when it is refused. */
    enum Api {
        CHROMEOS(DeviceSettings.CHROMEOS_SCOPE, "devices.google.denied.chromeos"),
        MOBILE(DeviceSettings.MOBILE_SCOPE, "devices.google.denied.mobile"),
        GROUPS(DeviceSettings.GROUP_MEMBERS_SCOPE, "devices.google.denied.groups");

        final String scope;
        final String deniedKey;

        Api(String scope, String deniedKey) {
            this.scope = scope;
            this.deniedKey = deniedKey;
        }
    }

    /** One request: its name in the API's reference (e.g. {@code chromeosdevices.list}), for messages and logs. */
    record Call(String name, Api api, String method, URI uri, String body) {
    }

    /** Counts the HTTP calls of one operation (token requests and retries included), for the sync report. */
    static final class Calls {
        private int count;

        void add() {
            count++;
        }

        int count() {
            return count;
        }
    }

    /** What the API answered, when it was not a refusal or an exhausted back-off. */
    record Answer(int status, JsonNode body, String reason, String message) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    /** Waits; injectable so that the tests' back-offs take no time. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final HttpClient http;
    private final Duration requestTimeout;
    private final AccessTokens tokens;
    private final BackOff backOff;
    private final Sleeper sleeper;
    private final String subject;

    DirectoryCalls(HttpClient http, Duration requestTimeout, AccessTokens tokens, BackOff backOff, Sleeper sleeper,
                   String subject) {
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.tokens = tokens;
        this.backOff = backOff;
        this.sleeper = sleeper;
        this.subject = subject;
    }

    Answer send(Call call, Calls calls) {
        boolean renewed = false;
        int retries = 0;
        Duration waited = Duration.ZERO;
        while (true) {
            String token = tokens.current(calls);
            calls.add();
            HttpResponse<String> r = exchange(call, token);
            int status = r == null ? 0 : r.statusCode();
            if (status / 100 == 2) {
                return new Answer(status, parse(r.body()), "", "");
            }
            Failure f = r == null ? new Failure(List.of("connectionLost"), "the connection was lost")
                    : Failure.of(r.body(), status);
            if (status == 401) {
                if (renewed) {
                    throw new Problem("devices.google.tokenRejected", call.name(), subject, f.message());
                }
                tokens.renew(token, calls);
                renewed = true;
                continue;
            }
            if (r == null || status == 429 || status == 503 || f.any(BACK_OFF_REASONS)) {
                Duration retryAfter = r == null ? null : r.headers().firstValue("Retry-After")
                        .map(DirectoryCalls::seconds).orElse(null);
                Duration d = backOff.delay(retries, retryAfter);
                if (retries + 1 >= backOff.tries() || waited.plus(d).compareTo(backOff.maxWait()) > 0) {
                    throw new Problem("devices.google.gaveUp", call.name(), retries + 1, waited.toSeconds(),
                            f.summary(status));
                }
                LOG.warn("Directory API {}: {}; try {} in {} ms", call.name(), f.summary(status), retries + 2,
                        d.toMillis());
                sleep(call, d);
                waited = waited.plus(d);
                retries++;
                continue;
            }
            if (status == 403 || f.any(REFUSAL_REASONS)) {
                throw new Problem(call.api().deniedKey, call.name(), subject, call.api().scope, f.message());
            }
            return new Answer(status, parse(r.body()), f.reasons().isEmpty() ? "" : f.reasons().getFirst(),
                    f.message());
        }
    }

    /** The body of a call that must succeed; any other answer is a Problem naming the call and the API's message. */
    JsonNode require(Call call, Calls calls) {
        Answer a = send(call, calls);
        if (!a.ok()) {
            throw failed(call, a);
        }
        return a.body();
    }

    static Problem failed(Call call, Answer a) {
        return new Problem("devices.google.failed", call.name(), a.status(), a.message());
    }

    /** One attempt; null when the connection broke (worth another try); a Problem when it cannot be made. */
    private HttpResponse<String> exchange(Call call, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(call.uri()).timeout(requestTimeout)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("User-Agent", "CamFleet-Console");
        if (call.body() == null) {
            b.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json; charset=utf-8")
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
        }
        CompletableFuture<HttpResponse<String>> answer =
                http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String host = call.uri().getHost() + (call.uri().getPort() < 0 ? "" : ":" + call.uri().getPort());
        try {
            // The wait on the whole answer also bounds a server that sends its headers and then nothing.
            return answer.get(requestTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new Problem("devices.google.timeout", call.name(), host, requestTimeout.toSeconds());
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new Problem("devices.google.interrupted", call.name());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.net.http.HttpTimeoutException && !(cause instanceof HttpConnectTimeoutException)) {
                throw new Problem("devices.google.timeout", call.name(), host, requestTimeout.toSeconds());
            }
            if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
                throw new Problem(cause, "devices.google.unreachable", call.name(), host);
            }
            if (cause instanceof IOException) {
                LOG.warn("Directory API {}: {}", call.name(), oneLine(cause.toString()));
                return null;
            }
            throw new Problem(cause, "devices.google.unreachable", call.name(), host);
        }
    }

    private void sleep(Call call, Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Problem("devices.google.interrupted", call.name());
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Text from elsewhere on one line and not too long, for a message. */
    static String oneLine(String text) {
        String s = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return s.length() > MESSAGE_CHARS ? s.substring(0, MESSAGE_CHARS) + "\u2026" : s;
    }

    /** The API's error: {@code {"error": {"code", "message", "errors": [{"reason", "message"}]}}}. */
    record Failure(List<String> reasons, String message) {

        static Failure of(String body, int status) {
            JsonNode error = parse(body).path("error");
            List<String> reasons = new ArrayList<>();
            for (JsonNode e : error.path("errors")) {
                if (!e.path("reason").asText("").isEmpty()) {
                    reasons.add(e.path("reason").asText());
                }
            }
            String message = error.isObject() ? error.path("message").asText("") : error.asText("");
            if (message.isEmpty()) {
                message = body == null || body.isBlank() ? "HTTP " + status : body;
            }
            return new Failure(List.copyOf(reasons), oneLine(message));
        }

        boolean any(Set<String> of) {
            return reasons.stream().anyMatch(of::contains);
        }

        String summary(int status) {
            return (status == 0 ? "" : status + " ") + (reasons.isEmpty() ? "" : String.join(",", reasons) + ": ")
                    + message;
        }
    }
}
