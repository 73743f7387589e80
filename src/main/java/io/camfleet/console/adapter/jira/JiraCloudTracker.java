package io.camfleet.console.adapter.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.camfleet.console.adapter.jira.JiraCalls.Answer;
import io.camfleet.console.adapter.jira.JiraCalls.Call;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.tracker.ExternalIssue;
import io.camfleet.console.service.tracker.ExternalStatus;
import io.camfleet.console.service.tracker.ExternalTracker;
import io.camfleet.console.service.tracker.LocalTicket;
import io.camfleet.console.service.tracker.TrackerAccount;
import io.camfleet.console.service.tracker.TrackerLink;
import io.camfleet.console.service.tracker.TrackerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A Jira Cloud project as the support desk's outside tracker, through the REST API v3 with HTTP Basic auth (the
 * account's email and an API token from the environment). Each pushed issue carries a label made of the local
 * ticket's id, so a push can always find the issue an earlier push made. Errors and retries: see {@link JiraCalls}.
 */
public final class JiraCloudTracker implements ExternalTracker, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JiraCloudTracker.class);
    static final String LABEL_PREFIX = "camfleet-ticket-";
    static final String PROJECT_KEY = TrackerSettings.PROJECT_KEY;

    /** Bounds on each connection and each request. */
    record Timeouts(Duration connect, Duration request) {
        static final Timeouts STANDARD = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(20));
    }

    private final String base;
    private final TrackerSettings settings;
    private final JiraCalls calls;
    private final Retries retries;
    private final JiraCalls.Sleeper sleeper;
    private final HttpClient http;

    private JiraCloudTracker(TrackerLink.Configured link, HttpClient http, JiraCalls calls, Retries retries,
                             JiraCalls.Sleeper sleeper) {
        this.settings = link.settings();
        this.base = settings.baseUrl().replaceAll("/+$", "");
        this.http = http;
        this.calls = calls;
        this.retries = retries;
        this.sleeper = sleeper;
    }

    /** The project the link names. Nothing is sent yet; {@link #check()} tries the credentials. */
    public static JiraCloudTracker open(TrackerLink.Configured link) {
        return open(link, Timeouts.STANDARD, Retries.standard(), Thread::sleep);
    }

    static JiraCloudTracker open(TrackerLink.Configured link, Timeouts timeouts, Retries retries,
                                 JiraCalls.Sleeper sleeper) {
        // The key goes into JQL and paths: only a key of Jira's format may (the settings file is checked the same way).
        if (!link.settings().projectKey().matches(PROJECT_KEY)) {
            throw Problem.badInput("jira.settings.badProjectKey", link.settings().projectKey());
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeouts.connect())
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
        JiraCalls calls = new JiraCalls(http, timeouts.request(), link.token(), link.email(), retries, sleeper);
        return new JiraCloudTracker(link, http, calls, retries, sleeper);
    }

    @Override
    public void close() {
        http.shutdownNow(); // every call is bounded; nothing in flight is worth waiting for
    }

    /**
     * Finds the issue an earlier push of this ticket made, else creates it. A create that got no answer (a timeout,
     * a cut connection, a server error) may still have made the issue, so each new try first looks for it by the
     * ticket's label. Jira's search can lag a fresh issue by a moment; the wait between tries leaves it that time.
     */
    @Override
    public ExternalIssue push(LocalTicket ticket) {
        String label = label(ticket.id());
        String priority = settings.priorities().getOrDefault(ticket.severity(), "");
        Call create = new Call("create issue", "POST", uri("/rest/api/3/issue"), JiraJson.createBody(ticket,
                settings.projectKey(), settings.issueType(), priority, label).toString(), "Create issues");
        for (int attempt = 1; ; attempt++) {
            Optional<ExternalIssue> earlier = find(label);
            if (earlier.isPresent()) {
                LOG.info("Jira: ticket {} is already {}", ticket.id(), earlier.get().key());
                return earlier.get();
            }
            Answer a = calls.send(create, false);
            if (a.ok()) {
                String key = a.body().path("key").asText("");
                if (key.isEmpty()) {
                    throw new Problem("jira.failed", create.name(), a.status(), "no issue key in the answer");
                }
                LOG.info("Jira: ticket {} pushed as {}", ticket.id(), key);
                return new ExternalIssue(key, browse(key), status(key));
            }
            if (a.status() == 404) {
                throw Problem.badInput("jira.noProject", settings.projectKey());
            }
            if (!a.uncertain() || attempt >= retries.tries()) {
                Answer told = new Answer(a.status(), a.body(), a.retryAfter(), a.lost(), attempt);
                throw calls.problem(create, told, settings.projectKey(), settings.issueType());
            }
            Duration wait = retries.afterFailure(attempt - 1);
            LOG.warn("Jira create issue for ticket {}: {}; looking for it before try {} in {} ms", ticket.id(),
                    a.status() == 0 ? a.lost() : a.status(), attempt + 1, wait.toMillis());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Problem("jira.interrupted", create.name());
            }
        }
    }

    /** The issue with the ticket's label in the project, if a push made one. */
    private Optional<ExternalIssue> find(String label) {
        String jql = "project = \"" + settings.projectKey() + "\" AND labels = \"" + label + "\" ORDER BY created ASC";
        Call search = new Call("search issues", "GET", uri("/rest/api/3/search/jql?jql=" + encode(jql)
                + "&fields=status,summary&maxResults=2"), null, "Browse projects");
        JsonNode issues = calls.require(search, settings.projectKey(), settings.issueType()).path("issues");
        if (issues.isEmpty()) {
            return Optional.empty();
        }
        JsonNode first = issues.get(0);
        String key = first.path("key").asText("");
        return key.isEmpty() ? Optional.empty() : Optional.of(new ExternalIssue(key, browse(key),
                JiraJson.status(first)));
    }

    @Override
    public ExternalStatus status(String key) {
        if (!key.matches("[A-Z][A-Z0-9_]*-[0-9]+")) {
            throw Problem.badInput("jira.badKey", key);
        }
        Call get = new Call("read issue " + key, "GET", uri("/rest/api/3/issue/" + key + "?fields=status,summary"),
                null, "Browse projects");
        Answer a = calls.send(get, true);
        if (a.status() == 404) {
            throw Problem.badInput("jira.noIssue", key, settings.baseUrl());
        }
        if (!a.ok()) {
            throw calls.problem(get, a, settings.projectKey(), settings.issueType());
        }
        return JiraJson.status(a.body());
    }

    @Override
    public TrackerAccount check() {
        Call myself = new Call("read your account", "GET", uri("/rest/api/3/myself"), null, "Browse users");
        TrackerAccount account = JiraJson.account(calls.require(myself, settings.projectKey(), settings.issueType()));
        Call project = new Call("read project " + settings.projectKey(), "GET",
                uri("/rest/api/3/project/" + settings.projectKey()), null, "Browse projects");
        Answer a = calls.send(project, true);
        if (a.status() == 404) {
            throw Problem.badInput("jira.noProject", settings.projectKey());
        }
        if (!a.ok()) {
            throw calls.problem(project, a, settings.projectKey(), settings.issueType());
        }
        if (!JiraJson.hasIssueType(a.body(), settings.issueType())) {
            throw Problem.badInput("jira.noIssueType", settings.issueType(), settings.projectKey());
        }
        return account;
    }

    /**
     * The label that marks a ticket's issue. Jira labels take no spaces; anything but letters, digits and '-' is
     * written as '_' and its code point in hex, so that two ticket ids never make the same label.
     */
    static String label(String ticketId) {
        StringBuilder s = new StringBuilder(LABEL_PREFIX);
        ticketId.codePoints().forEach(c -> {
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '-')) {
                s.appendCodePoint(c);
            } else {
                s.append('_').append(Integer.toHexString(c)).append('_');
            }
        });
        return s.toString();
    }

    private String browse(String key) {
        return base + "/browse/" + key;
    }

    private URI uri(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
