package io.camfleet.console.adapter.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.tracker.ApiToken;
import io.camfleet.console.service.tracker.TrackerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one call to Jira's REST API v3 and turns its answer into either a body or a sentence:
 * <ul>
 * <li>429: waits the Retry-After Jira gives (bounded) and sends again, a bounded number of times; safe even for a
 * create, which Jira refused unprocessed;</li>
 * <li>5xx, a lost connection or no answer in time: tried again with jittered waits, but only for calls that may be
 * repeated; a create hands the failure back, because Jira may have made the issue (see {@link JiraCloudTracker#push});
 * </li>
 * <li>anything else: handed back as an {@link Answer}; {@link #problem} says it as a sentence.</li>
 * </ul>
 * The token goes into the Authorization header only: no message and no log line carries a header.
 */
final class JiraCalls {

    private static final Logger LOG = LoggerFactory.getLogger(JiraCalls.class);
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int MESSAGE_CHARS = 300;

    /**
     * One request.
     *
     * @param name       what it does, in Jira's words, for messages and logs ("create issue")
     * @param permission the Jira permission it needs, named when Jira answers 403
     */
    record Call(String name, String method, URI uri, String body, String permission) {
    }

    /**
     * What Jira answered; {@code status} 0 when nothing came back in time or the connection broke ({@code lost}
     * says which).
     */
    record Answer(int status, JsonNode body, Duration retryAfter, String lost, int tries) {
        boolean ok() {
            return status / 100 == 2;
        }

        /** Jira may or may not have acted on it. */
        boolean uncertain() {
            return status == 0 || status / 100 == 5;
        }
    }

    /** Waits; injectable so that the tests' waits take no time and can be read back. */
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final HttpClient http;
    private final Duration requestTimeout;
    private final ApiToken token;
    private final String email;
    private final Retries retries;
    private final Sleeper sleeper;

    JiraCalls(HttpClient http, Duration requestTimeout, ApiToken token, String email, Retries retries,
              Sleeper sleeper) {
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.token = token;
        this.email = email;
        this.retries = retries;
        this.sleeper = sleeper;
    }

    /**
     * Sends until Jira answers something final.
     *
     * @param repeatable whether a server error or a lost answer may be sent again (false for a create)
     */
    Answer send(Call call, boolean repeatable) {
        int failures = 0;
        int throttled = 0;
        while (true) {
            Answer a = exchange(call, failures + throttled + 1);
            if (a.status() == 429) {
                throttled++;
                Duration wait = a.retryAfter() == null ? retries.afterFailure(throttled - 1) : a.retryAfter();
                if (throttled >= retries.throttleTries() || wait.compareTo(retries.maxRetryAfter()) > 0) {
                    throw new Problem("jira.busy", call.name(), throttled, wait.toSeconds());
                }
                LOG.warn("Jira {}: 429 too many requests; try {} in {} ms", call.name(), throttled + 1,
                        wait.toMillis());
                sleep(call, wait);
                continue;
            }
            if (a.uncertain() && repeatable && failures + 1 < retries.tries()) {
                Duration wait = retries.afterFailure(failures);
                failures++;
                LOG.warn("Jira {}: {}; try {} in {} ms", call.name(), a.status() == 0 ? a.lost() : a.status(),
                        failures + 1, wait.toMillis());
                sleep(call, wait);
                continue;
            }
            return a;
        }
    }

    /** The body of a call that must succeed; any other answer is a Problem. */
    JsonNode require(Call call, String project, String issueType) {
        Answer a = send(call, true);
        if (!a.ok()) {
            throw problem(call, a, project, issueType);
        }
        return a.body();
    }

    /** The sentence for an answer that is not a success. */
    Problem problem(Call call, Answer a, String project, String issueType) {
        String host = host(call.uri());
        String message = message(a.body(), a.status());
        return switch (a.status()) {
            case 0 -> "timeout".equals(a.lost())
                    ? new Problem("jira.timeout", call.name(), host, requestTimeout.toSeconds(), a.tries())
                    : new Problem("jira.lost", call.name(), host, a.tries());
            case 401 -> new Problem("jira.tokenRefused", host, email, TrackerSettings.TOKEN_VARIABLE);
            case 403 -> new Problem("jira.forbidden", call.name(), email, call.permission(), project, message);
            case 400 -> fieldProblem(call, a.body(), project, issueType, message);
            default -> a.status() / 100 == 5
                    ? new Problem("jira.serverError", call.name(), host, a.tries(), a.status(), message)
                    : new Problem("jira.failed", call.name(), a.status(), message);
        };
    }

    /** A 400 names the field Jira refused: {@code {"errorMessages": [], "errors": {field: message}}}. */
    private static Problem fieldProblem(Call call, JsonNode body, String project, String issueType, String message) {
        Iterator<Map.Entry<String, JsonNode>> errors = body.path("errors").fields();
        if (!errors.hasNext()) {
            return Problem.badInput("jira.failed", call.name(), 400, message);
        }
        Map.Entry<String, JsonNode> first = errors.next();
        return switch (first.getKey()) {
            case "project" -> Problem.badInput("jira.noProject", project);
            case "issuetype" -> Problem.badInput("jira.noIssueType", issueType, project);
            default -> Problem.badInput("jira.badField", call.name(), first.getKey(),
                    oneLine(first.getValue().asText()));
        };
    }

    /** One attempt. */
    private Answer exchange(Call call, int attempt) {
        HttpRequest.Builder b = HttpRequest.newBuilder(call.uri()).timeout(requestTimeout)
                .header("Authorization", token.basicAuthorization(email)).header("Accept", "application/json")
                .header("User-Agent", "CamFleet-Console");
        if (call.body() == null) {
            b.method(call.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json; charset=utf-8")
                    .method(call.method(), HttpRequest.BodyPublishers.ofString(call.body(), StandardCharsets.UTF_8));
        }
        CompletableFuture<HttpResponse<String>> answer =
                http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            // The wait on the whole answer also bounds a server that sends its headers and then nothing.
            HttpResponse<String> r = answer.get(requestTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            Duration retryAfter = r.headers().firstValue("Retry-After").map(JiraCalls::seconds).orElse(null);
            return new Answer(r.statusCode(), parse(r.body()), retryAfter, "", attempt);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return new Answer(0, MissingNode.getInstance(), null, "timeout", attempt);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new Problem("jira.interrupted", call.name());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
                throw new Problem(cause, "jira.unreachable", call.name(), host(call.uri()));
            }
            if (cause instanceof HttpTimeoutException) {
                return new Answer(0, MissingNode.getInstance(), null, "timeout", attempt);
            }
            if (cause instanceof IOException) {
                LOG.warn("Jira {}: {}", call.name(), oneLine(cause.toString()));
                return new Answer(0, MissingNode.getInstance(), null, "connection lost", attempt);
            }
            throw new Problem(cause, "jira.unreachable", call.name(), host(call.uri()));
        }
    }

    private void sleep(Call call, Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Problem("jira.interrupted", call.name());
        }
    }

    static String host(URI uri) {
        return uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
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

    /** Jira's own words: its error messages, else its field errors, else the status. */
    static String message(JsonNode body, int status) {
        StringBuilder s = new StringBuilder();
        body.path("errorMessages").forEach(m -> s.append(s.isEmpty() ? "" : "; ").append(m.asText()));
        body.path("errors").fields().forEachRemaining(e -> s.append(s.isEmpty() ? "" : "; ").append(e.getKey())
                .append(": ").append(e.getValue().asText()));
        return s.isEmpty() ? "HTTP " + status : oneLine(s.toString());
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return null; // an HTTP date: fall back on our own back-off
        }
    }

    /** Text from elsewhere on one line and not too long, for a message. */
    static String oneLine(String text) {
        String s = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return s.length() > MESSAGE_CHARS ? s.substring(0, MESSAGE_CHARS) + "\u2026" : s;
    }
}
