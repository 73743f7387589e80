package io.camfleet.console.adapter.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.camfleet.console.adapter.jira.FakeJira.Fault;
import io.camfleet.console.adapter.jira.FakeJira.Issue;
import io.camfleet.console.adapter.jira.FakeJira.Kind;
import io.camfleet.console.adapter.jira.FakeJira.Request;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

/** The fake's request handling: checks the auth, applies the scripted faults, and answers in Jira's JSON. */
final class FakeJiraRoutes implements ResponseDefinitionTransformerV2 {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String V3 = "/rest/api/3";
    private static final Pattern PROJECT = Pattern.compile(V3 + "/project/([^/]+)");
    private static final Pattern ISSUE = Pattern.compile(V3 + "/issue/([^/]+)");
    /** The JQL the console sends; Jira takes far more, the fake only this. */
    private static final Pattern JQL = Pattern.compile(
            "project = \"([A-Z0-9_]+)\" AND labels = \"([^\"]+)\" ORDER BY created ASC");

    private final FakeJira fake;

    FakeJiraRoutes(FakeJira fake) {
        this.fake = fake;
    }

    @Override
    public String getName() {
        return "fake-jira";
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        var r = event.getRequest();
        String url = r.getUrl();
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        Map<String, String> query = query(q < 0 ? "" : url.substring(q + 1));
        String method = r.getMethod().getName();
        Kind kind = kind(method, path);
        synchronized (fake.lock) {
            fake.requests.add(new Request(kind, method, url, r.getHeader("Authorization"), r.getBodyAsString()));
            String expected = "Basic " + Base64.getEncoder().encodeToString(
                    (FakeJira.EMAIL + ":" + FakeJira.TOKEN).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(r.getHeader("Authorization"))) {
                return json(401, "{\"errorMessages\":[\"Client must be authenticated to access this resource.\"],"
                        + "\"errors\":{}}");
            }
            Fault fault = fake.faults.get(kind);
            if (fault != null && fault.times() > 0) {
                fake.faults.put(kind, fault.less());
                if (fault.slow() == null) {
                    var b = responseDefinition().withStatus(fault.status()).withBody(fault.body())
                            .withHeader("Content-Type", "application/json");
                    if (fault.retryAfter() != null) {
                        b.withHeader("Retry-After", String.valueOf(fault.retryAfter().toSeconds()));
                    }
                    return b.build();
                }
                ResponseDefinition done = route(kind, path, query, r.getBodyAsString());
                return responseDefinition().withStatus(done.getStatus()).withBody(done.getBody())
                        .withHeader("Content-Type", "application/json")
                        .withFixedDelay((int) fault.slow().toMillis()).build();
            }
            return route(kind, path, query, r.getBodyAsString());
        }
    }

    private static Kind kind(String method, String path) {
        if (method.equals("GET") && path.equals(V3 + "/myself")) {
            return Kind.MYSELF;
        }
        if (method.equals("GET") && PROJECT.matcher(path).matches()) {
            return Kind.PROJECT;
        }
        if (method.equals("POST") && path.equals(V3 + "/issue")) {
            return Kind.CREATE;
        }
        if (method.equals("GET") && ISSUE.matcher(path).matches()) {
            return Kind.GET_ISSUE;
        }
        if (method.equals("GET") && path.equals(V3 + "/search/jql")) {
            return Kind.SEARCH;
        }
        return Kind.UNKNOWN;
    }

    private ResponseDefinition route(Kind kind, String path, Map<String, String> query, String body) {
        return switch (kind) {
            case MYSELF -> json(200, JSON.createObjectNode().put("accountId", FakeJira.ACCOUNT_ID)
                    .put("accountType", "atlassian").put("emailAddress", FakeJira.EMAIL)
                    .put("displayName", "Support Bot").put("active", true).toString());
            case PROJECT -> project(match(PROJECT, path));
            case CREATE -> create(body);
            case GET_ISSUE -> issue(match(ISSUE, path), query);
            case SEARCH -> search(query);
            case UNKNOWN -> json(404, "{\"errorMessages\":[\"No such endpoint in the fake: " + path + "\"]}");
        };
    }

    private ResponseDefinition project(String key) {
        List<String> types = fake.projects.get(key);
        if (types == null) {
            return errors(404, "No project could be found with key '" + key + "'.", Map.of());
        }
        ObjectNode p = JSON.createObjectNode().put("id", "10000").put("key", key).put("name", "Support");
        ArrayNode t = p.putArray("issueTypes");
        for (int i = 0; i < types.size(); i++) {
            t.addObject().put("id", String.valueOf(10001 + i)).put("name", types.get(i));
        }
        return json(200, p.toString());
    }

    /** Checks the fields as Jira does and makes the issue, To Do. */
    private ResponseDefinition create(String body) {
        JsonNode fields;
        try {
            fields = JSON.readTree(body).path("fields");
        } catch (IOException e) {
            return errors(400, "Unexpected character in the JSON body.", Map.of());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String project = fields.path("project").path("key").asText("");
        List<String> types = fake.projects.get(project);
        if (types == null) {
            errors.put("project", "Specify a valid project ID or key");
        } else if (!types.contains(fields.path("issuetype").path("name").asText(""))) {
            errors.put("issuetype", "Specify an issue type");
        }
        String summary = fields.path("summary").asText("");
        if (summary.isBlank()) {
            errors.put("summary", "You must specify a summary of the issue.");
        } else if (summary.length() > 255) {
            errors.put("summary", "Summary must be less than 255 characters.");
        } else if (summary.contains("\n") || summary.contains("\r")) {
            errors.put("summary", "The summary is invalid because it contains newline characters.");
        }
        if (fields.has("description") && !FakeJiraDocuments.isAdf(fields.path("description"))) {
            errors.put("description", "Operation value must be an Atlassian Document (see the Atlassian Document "
                    + "Format)");
        }
        List<String> labels = new ArrayList<>();
        for (JsonNode l : fields.path("labels")) {
            if (!l.isTextual() || l.asText().isEmpty() || l.asText().matches(".*\\s.*") || l.asText().length() > 255) {
                errors.put("labels", "The label '" + l.asText() + "' contains spaces which is invalid.");
            }
            labels.add(l.asText());
        }
        if (fields.has("priority") && !FakeJira.PRIORITIES.contains(fields.path("priority").path("name").asText())) {
            errors.put("priority", "Specify the Priority (id or name) in the string format");
        }
        if (!errors.isEmpty()) {
            return errors(400, null, errors);
        }
        int n = fake.issues.size() + 1;
        String key = project + "-" + n;
        String id = String.valueOf(10_000 + n);
        fake.issues.put(key, new Issue(id, key, project, summary, List.copyOf(labels), fields, "To Do", "new"));
        return json(201, JSON.createObjectNode().put("id", id).put("key", key)
                .put("self", "https://fake/rest/api/3/issue/" + id).toString());
    }

    private ResponseDefinition issue(String key, Map<String, String> query) {
        Issue i = fake.issues.get(key);
        if (i == null) {
            return errors(404, "Issue does not exist or you do not have permission to see it.", Map.of());
        }
        return json(200, issueJson(i, query.getOrDefault("fields", "")).toString());
    }

    private ResponseDefinition search(Map<String, String> query) {
        Matcher m = JQL.matcher(query.getOrDefault("jql", ""));
        if (!m.matches()) {
            return errors(400, "Error in the JQL Query: the fake understands only project and labels.", Map.of());
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode found = answer.putArray("issues");
        for (Issue i : fake.issues.values()) {
            if (i.project().equals(m.group(1)) && i.labels().contains(m.group(2))) {
                found.add(issueJson(i, query.getOrDefault("fields", "")));
            }
        }
        answer.put("isLast", true);
        return json(200, answer.toString());
    }

    private static ObjectNode issueJson(Issue i, String fieldList) {
        ObjectNode o = JSON.createObjectNode().put("id", i.id()).put("key", i.key())
                .put("self", "https://fake/rest/api/3/issue/" + i.id());
        ObjectNode f = o.putObject("fields");
        List<String> wanted = List.of(fieldList.split(","));
        if (wanted.contains("summary")) {
            f.put("summary", i.summary());
        }
        if (wanted.contains("status")) {
            ObjectNode s = f.putObject("status").put("name", i.status()).put("id", "1");
            s.putObject("statusCategory").put("key", i.category()).put("name", switch (i.category()) {
                case "new" -> "To Do";
                case "indeterminate" -> "In Progress";
                case "done" -> "Done";
                default -> "No Category";
            });
        }
        return o;
    }

    private static String match(Pattern p, String path) {
        Matcher m = p.matcher(path);
        if (!m.matches()) {
            throw new IllegalStateException(path);
        }
        return m.group(1);
    }

    private static ResponseDefinition errors(int status, String message, Map<String, String> fieldErrors) {
        ObjectNode o = JSON.createObjectNode();
        ArrayNode messages = o.putArray("errorMessages");
        if (message != null) {
            messages.add(message);
        }
        ObjectNode e = o.putObject("errors");
        fieldErrors.forEach(e::put);
        return json(status, o.toString());
    }

    private static ResponseDefinition json(int status, String body) {
        return responseDefinition().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body).build();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            q.put(k, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }
}
