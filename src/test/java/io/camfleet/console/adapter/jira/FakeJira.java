package io.camfleet.console.adapter.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.camfleet.console.service.tracker.TrackerLink;
import io.camfleet.console.service.tracker.TrackerSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Jira Cloud's REST API v3 on a loopback WireMock server, as documented: {@code GET /rest/api/3/myself},
 * {@code GET /rest/api/3/project/{key}}, {@code POST /rest/api/3/issue} (the project, the issue type, the summary,
 * the ADF description, the labels and the priority checked as Jira checks them, refused with
 * {@code {"errorMessages": [], "errors": {field: message}}}), {@code GET /rest/api/3/issue/{key}?fields=status,summary}
 * and {@code GET /rest/api/3/search/jql} (the JQL this console sends: project and label). Every request must carry
 * HTTP Basic auth with {@link #EMAIL} and {@link #TOKEN}, else 401.
 *
 * <p>State: the issues created, whose status the test changes with {@link #setStatus}. Faults, each for a number of
 * requests of one {@link Kind}: an HTTP error ({@link #fail}), 429 with a Retry-After ({@link #throttle}), and a
 * create that makes the issue but answers only after a delay beyond the client's timeout ({@link #slowAfterCreate}).
 */
public final class FakeJira implements AutoCloseable {

    public static final String EMAIL = "support-bot@camfleet.test";
    public static final String TOKEN = "ATATT3xFfGF0-fake-token-5f1d2c";
    public static final String PROJECT = "SUP";
    public static final String ACCOUNT_ID = "712020:5b10ac8d82e05b22cc7d4ef5";
    public static final List<String> ISSUE_TYPES = List.of("Task", "Incident", "Service request");
    public static final Set<String> PRIORITIES = Set.of("Highest", "High", "Medium", "Low", "Lowest");

    /** The kinds of request, as counted and as faults target them. */
    public enum Kind { MYSELF, PROJECT, CREATE, GET_ISSUE, SEARCH, UNKNOWN }

    /** An issue Jira holds. */
    public record Issue(String id, String key, String project, String summary, List<String> labels,
                        JsonNode fields, String status, String category) {
        Issue withStatus(String name, String categoryKey) {
            return new Issue(id, key, project, summary, labels, fields, name, categoryKey);
        }
    }

    /** One request as received. */
    public record Request(Kind kind, String method, String url, String authorization, String body) {
    }

    /** What to answer instead of the normal answer, {@code times} more times. */
    record Fault(int status, String body, Duration retryAfter, Duration slow, int times) {
        Fault less() {
            return new Fault(status, body, retryAfter, slow, times - 1);
        }
    }

    final Object lock = new Object();
    final Map<String, Issue> issues = new LinkedHashMap<>();
    final Map<Kind, Fault> faults = new EnumMap<>(Kind.class);
    final List<Request> requests = new ArrayList<>();
    final Map<String, List<String>> projects = new HashMap<>(Map.of(PROJECT, ISSUE_TYPES));
    private final WireMockServer server;

    private FakeJira() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .extensions(new FakeJiraRoutes(this)));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
    }

    public static FakeJira start() {
        return new FakeJira();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Settings that point the console at this fake, project {@link #PROJECT}, issue type Task. */
    public TrackerSettings settings() {
        return new TrackerSettings(baseUrl(), PROJECT, "Task", EMAIL, TrackerSettings.DEFAULT_PRIORITIES);
    }

    /** The link made of {@link #settings()} and the right token in the environment. */
    public TrackerLink.Configured link() {
        return (TrackerLink.Configured) settings().link(Map.of(TrackerSettings.TOKEN_VARIABLE, TOKEN));
    }

    /** The next {@code times} requests of {@code kind} are answered with {@code status} and Jira's error body. */
    public void fail(Kind kind, int status, String message, int times) {
        String body = "{\"errorMessages\":[\"" + message + "\"],\"errors\":{}}";
        synchronized (lock) {
            faults.put(kind, new Fault(status, body, null, null, times));
        }
    }

    /** The next {@code times} requests of {@code kind} are answered 429 with this Retry-After. */
    public void throttle(Kind kind, Duration retryAfter, int times) {
        synchronized (lock) {
            faults.put(kind, new Fault(429, "{\"errorMessages\":[\"Rate limit exceeded.\"],\"errors\":{}}",
                    retryAfter, null, times));
        }
    }

    /** The next {@code times} creates make their issue, then answer only after {@code delay}. */
    public void slowAfterCreate(Duration delay, int times) {
        slow(Kind.CREATE, delay, times);
    }

    /** The next {@code times} requests of {@code kind} do what they do, then answer only after {@code delay}. */
    public void slow(Kind kind, Duration delay, int times) {
        synchronized (lock) {
            faults.put(kind, new Fault(0, null, null, delay, times));
        }
    }

    /** Moves an issue to another status, as a Jira agent would. */
    public void setStatus(String key, String name, String categoryKey) {
        synchronized (lock) {
            Issue i = issues.get(key);
            if (i == null) {
                throw new IllegalArgumentException("No issue " + key);
            }
            issues.put(key, i.withStatus(name, categoryKey));
        }
    }

    public List<Issue> issues() {
        synchronized (lock) {
            return List.copyOf(issues.values());
        }
    }

    public List<Request> requests(Kind kind) {
        synchronized (lock) {
            return requests.stream().filter(r -> r.kind() == kind).toList();
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
