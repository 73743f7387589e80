package io.camfleet.console.service.tracker;

import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.SettingsSection;
import io.camfleet.console.service.tracker.LocalTicket.Severity;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The link to a Jira Cloud project (section {@code jira} of {@code settings.json}). The API token is never in the
 * settings: it comes from the environment variable {@value #TOKEN_VARIABLE}, so that the settings file can be shared
 * and backed up. The email the token belongs to may come from the settings or from {@value #EMAIL_VARIABLE}.
 *
 * @param baseUrl    the site, e.g. {@code https://yourteam.atlassian.net}; "" = no link
 * @param projectKey the project the tickets go to, e.g. {@code SUP}
 * @param issueType  the issue type created, by name (e.g. {@code Task}; a service desk may use {@code Incident})
 * @param email      the Atlassian account the token belongs to; "" to take it from the environment
 * @param priorities the Jira priority name sent for each severity; "" sends none (for projects without priority)
 */
public record TrackerSettings(String baseUrl, String projectKey, String issueType, String email,
                              Map<Severity, String> priorities) {

    public static final String TOKEN_VARIABLE = "CAMFLEET_JIRA_TOKEN";
    public static final String EMAIL_VARIABLE = "CAMFLEET_JIRA_EMAIL";
    /** Jira's project key format: a capital letter, then capitals, digits or underscores. */
    public static final String PROJECT_KEY = "[A-Z][A-Z0-9_]{1,254}";

    /** Jira's default priority scheme. */
    public static final Map<Severity, String> DEFAULT_PRIORITIES = Map.of(Severity.P1, "Highest",
            Severity.P2, "High", Severity.P3, "Medium", Severity.P4, "Low");

    public static final TrackerSettings DEFAULTS = new TrackerSettings("", "", "Task", "", DEFAULT_PRIORITIES);

    public static final SettingsSection<TrackerSettings> SECTION = SettingsSection.of("jira", DEFAULTS,
            Stored.class, TrackerSettings::read, TrackerSettings::write);

    public TrackerSettings {
        baseUrl = strip(baseUrl);
        projectKey = strip(projectKey);
        issueType = strip(issueType);
        email = strip(email);
        Map<Severity, String> all = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            all.put(s, strip(priorities == null ? null : priorities.get(s)));
        }
        priorities = Map.copyOf(all);
    }

    private static String strip(String s) {
        return Objects.requireNonNullElse(s, "").strip();
    }

    /**
     * The link these settings and the environment make: configured only when the site, the project, an email and the
     * token are all there. Anything missing is an explicit state naming what to set, never an error.
     *
     * @param env the process's environment ({@code System.getenv()})
     */
    public TrackerLink link(Map<String, String> env) {
        if (baseUrl.isEmpty() && projectKey.isEmpty()) {
            return new TrackerLink.NotConfigured("jira.link.off");
        }
        if (baseUrl.isEmpty() || projectKey.isEmpty() || issueType.isEmpty()) {
            return new TrackerLink.NotConfigured("jira.link.incomplete");
        }
        String who = email.isEmpty() ? strip(env.get(EMAIL_VARIABLE)) : email;
        if (who.isEmpty()) {
            return new TrackerLink.NotConfigured("jira.link.noEmail", EMAIL_VARIABLE);
        }
        String token = strip(env.get(TOKEN_VARIABLE));
        if (token.isEmpty()) {
            return new TrackerLink.NotConfigured("jira.link.noToken", TOKEN_VARIABLE);
        }
        return new TrackerLink.Configured(this, who, new ApiToken(token));
    }

    private static TrackerSettings read(Stored s) {
        String url = Objects.requireNonNullElse(s.baseUrl, "").strip();
        if (!url.isEmpty()) {
            checkUrl(url);
        }
        String key = Objects.requireNonNullElse(s.projectKey, "").strip();
        if (!key.isEmpty() && !key.matches(PROJECT_KEY)) {
            throw Problem.badInput("jira.settings.badProjectKey", key);
        }
        Map<Severity, String> priorities = new EnumMap<>(DEFAULT_PRIORITIES);
        if (s.priorities != null) {
            s.priorities.forEach((severity, name) -> {
                try {
                    priorities.put(Severity.valueOf(severity), name);
                } catch (IllegalArgumentException e) {
                    throw Problem.badInput("jira.settings.badSeverity", severity);
                }
            });
        }
        return new TrackerSettings(url, key, s.issueType == null ? DEFAULTS.issueType() : s.issueType,
                s.email, priorities);
    }

    private static void checkUrl(String url) {
        try {
            URI uri = URI.create(url);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return;
            }
        } catch (IllegalArgumentException notUri) {
            // told below
        }
        throw Problem.badInput("jira.settings.badUrl", url);
    }

    private static Stored write(TrackerSettings v) {
        Map<String, String> priorities = new java.util.TreeMap<>();
        v.priorities().forEach((s, name) -> priorities.put(s.name(), name));
        return new Stored(v.baseUrl(), v.projectKey(), v.issueType(), v.email(), priorities);
    }

    /** As kept in the file; never a token. */
    record Stored(String baseUrl, String projectKey, String issueType, String email, Map<String, String> priorities) {
    }
}
