package io.camfleet.console.adapter.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.camfleet.console.adapter.google.FakeGoogleDirectory.Fault;
import io.camfleet.console.adapter.google.FakeGoogleDirectory.Kind;
import io.camfleet.console.adapter.google.FakeGoogleDirectory.Request;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.devices.DeviceSettings;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

/**
 * The fake's request handling: routes the Directory API's documented paths, checks the bearer token and its scopes,
 * applies the scripted faults, and answers in the API's JSON. Runs on WireMock's threads, under the fake's lock.
 */
final class FakeDirectoryRoutes implements ResponseDefinitionTransformerV2 {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String V1 = "/admin/directory/v1";
    private static final String CUSTOMER = V1 + "/customer/([^/]+)/devices";
    private static final Pattern CHROMEOS_LIST = Pattern.compile(CUSTOMER + "/chromeos");
    private static final Pattern BATCH_STATUS = Pattern.compile(CUSTOMER + "/chromeos:batchChangeStatus");
    private static final Pattern MOVE = Pattern.compile(CUSTOMER + "/chromeos/moveDevicesToOu");
    private static final Pattern ISSUE = Pattern.compile(CUSTOMER + "/chromeos/([^/:]+):issueCommand");
    private static final Pattern COMMAND = Pattern.compile(CUSTOMER + "/chromeos/([^/]+)/commands/([^/]+)");
    private static final Pattern CHROMEOS_ONE = Pattern.compile(CUSTOMER + "/chromeos/([^/:]+)");
    private static final Pattern MOBILE_LIST = Pattern.compile(CUSTOMER + "/mobile");
    private static final Pattern MOBILE_ACTION = Pattern.compile(CUSTOMER + "/mobile/([^/]+)/action");
    private static final Pattern MOBILE_ONE = Pattern.compile(CUSTOMER + "/mobile/([^/]+)");
    private static final Pattern MEMBERS = Pattern.compile(V1 + "/groups/([^/]+)/members");
    private static final Set<String> STATUS_ACTIONS = Set.of("CHANGE_CHROME_OS_DEVICE_STATUS_ACTION_DISABLE",
            "CHANGE_CHROME_OS_DEVICE_STATUS_ACTION_REENABLE", "CHANGE_CHROME_OS_DEVICE_STATUS_ACTION_DEPROVISION");

    private final FakeGoogleDirectory fake;
    private final FakeTokenEndpoint tokens;
    private final FakeCommands commands;

    FakeDirectoryRoutes(FakeGoogleDirectory fake) {
        this.fake = fake;
        this.tokens = new FakeTokenEndpoint(fake);
        this.commands = new FakeCommands(fake);
    }

    @Override
    public String getName() {
        return "fake-google-directory";
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        var r = event.getRequest();
        String url = r.getUrl();
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        Map<String, String> query = form(q < 0 ? "" : url.substring(q + 1));
        Request request = new Request(r.getMethod().getName(), path, query, r.getBodyAsString());
        synchronized (fake.lock) {
            try {
                return route(request, r.getHeader("Authorization"));
            } catch (IllegalArgumentException e) {
                return error(400, "invalid", "Invalid value: " + e.getMessage()); // e.g. a page token not ours
            } catch (RuntimeException e) {
                return error(500, "backendError", "fake: " + e);
            }
        }
    }

    private ResponseDefinition route(Request r, String authorization) {
        Matcher m;
        if (r.path().equals("/token") && r.method().equals("POST")) {
            record(Kind.TOKEN, r);
            return tokens.answer(r);
        }
        Kind kind;
        String method = r.method();
        if ((m = BATCH_STATUS.matcher(r.path())).matches() && method.equals("POST")) {
            kind = Kind.BATCH_STATUS;
        } else if ((m = MOVE.matcher(r.path())).matches() && method.equals("POST")) {
            kind = Kind.MOVE;
        } else if ((m = ISSUE.matcher(r.path())).matches() && method.equals("POST")) {
            kind = Kind.ISSUE_COMMAND;
        } else if ((m = COMMAND.matcher(r.path())).matches() && method.equals("GET")) {
            kind = Kind.COMMAND_GET;
        } else if ((m = CHROMEOS_LIST.matcher(r.path())).matches() && method.equals("GET")) {
            kind = Kind.CHROMEOS_LIST;
        } else if ((m = CHROMEOS_ONE.matcher(r.path())).matches() && (method.equals("GET") || method.equals("PATCH"))) {
            kind = method.equals("GET") ? Kind.CHROMEOS_GET : Kind.CHROMEOS_PATCH;
        } else if ((m = MOBILE_LIST.matcher(r.path())).matches() && method.equals("GET")) {
            kind = Kind.MOBILE_LIST;
        } else if ((m = MOBILE_ACTION.matcher(r.path())).matches() && method.equals("POST")) {
            kind = Kind.MOBILE_ACTION;
        } else if ((m = MOBILE_ONE.matcher(r.path())).matches() && method.equals("GET")) {
            kind = Kind.MOBILE_GET;
        } else if ((m = MEMBERS.matcher(r.path())).matches() && method.equals("GET")) {
            kind = Kind.MEMBERS;
        } else {
            record(Kind.UNKNOWN, r);
            return error(404, "notFound", "No such method: " + method + " " + r.path());
        }
        record(kind, r);
        Set<String> granted = authorization == null || !authorization.startsWith("Bearer ") ? null
                : tokens.scopes(authorization.substring(7));
        if (granted == null) {
            return error(401, "authError", "Invalid Credentials");
        }
        // A listing's page is its page token's; any other call's is its number among the calls of its kind.
        int page = kind == Kind.CHROMEOS_LIST || kind == Kind.MOBILE_LIST ? Paging.page(r.query().get("pageToken"))
                : fake.requests.get(kind).size();
        ResponseDefinition fault = fault(kind + "#" + page);
        if (fault == null) {
            fault = fault(kind + "#0");
        }
        if (fault != null) {
            return fault;
        }
        if (kind != Kind.MEMBERS && m.groupCount() >= 1 && !FakeGoogleDirectory.CUSTOMER.equals(dec(m.group(1)))) {
            return error(403, "forbidden", "Not Authorized to access this resource/api");
        }
        String missing = missingScope(kind, granted);
        if (missing != null) {
            return error(403, "insufficientPermissions", "Request had insufficient authentication scopes.");
        }
        return switch (kind) {
            case CHROMEOS_LIST -> list(r, fake.chromeos, 300, "chromeosdevices", kind, page);
            case MOBILE_LIST -> list(r, fake.mobile, 100, "mobiledevices", kind, page);
            case CHROMEOS_GET -> one(fake.chromeos.get(dec(m.group(2))), false);
            case MOBILE_GET -> one(fake.mobile.get(dec(m.group(2))), true);
            case CHROMEOS_PATCH -> patch(dec(m.group(2)), r.body());
            case BATCH_STATUS -> FakeDeviceChanges.batchChangeStatus(fake, body(r.body()));
            case MOVE -> FakeDeviceChanges.move(fake, r.query().get("orgUnitPath"), body(r.body()));
            case MOBILE_ACTION -> FakeDeviceChanges.mobileAction(fake, dec(m.group(2)), body(r.body()));
            case ISSUE_COMMAND -> commands.issue(dec(m.group(2)), body(r.body()));
            case COMMAND_GET -> commands.get(dec(m.group(2)), dec(m.group(3)));
            case MEMBERS -> members(dec(m.group(1)), r.query());
            default -> error(404, "notFound", "Not found");
        };
    }

    /** Reads need the scope or its .readonly; changes need the scope itself. */
    private static String missingScope(Kind kind, Set<String> granted) {
        String scope = switch (kind) {
            case MOBILE_LIST, MOBILE_GET, MOBILE_ACTION -> DeviceSettings.MOBILE_SCOPE;
            case MEMBERS -> DeviceSettings.GROUP_MEMBERS_SCOPE;
            default -> DeviceSettings.CHROMEOS_SCOPE;
        };
        boolean read = kind == Kind.CHROMEOS_LIST || kind == Kind.CHROMEOS_GET || kind == Kind.MOBILE_LIST
                || kind == Kind.MOBILE_GET || kind == Kind.COMMAND_GET || kind == Kind.MEMBERS;
        boolean ok = granted.contains(scope) || read && granted.contains(scope.replace(".readonly", "") + ".readonly")
                || kind == Kind.MEMBERS && granted.contains("https://www.googleapis.com/auth/admin.directory.group.readonly")
                || kind == Kind.MOBILE_ACTION && granted.contains(DeviceSettings.MOBILE_SCOPE + ".action");
        return ok ? null : scope;
    }

    private ResponseDefinition fault(String key) {
        Fault f = fake.faults.get(key);
        if (f == null || f.times() <= 0) {
            return null;
        }
        fake.faults.put(key, f.times(f.times() - 1));
        if (f.status() == 401) {
            tokens.revokeAll(); // the tokens issued so far have expired
        }
        return error(f.status(), f.reason(), f.message());
    }

    // ---- reads --------------------------------------------------------------------------------------------------

    private ResponseDefinition list(Request r, Map<String, ReviewDevice> devices, int most, String field, Kind kind,
                                    int page) {
        int max = Integer.parseInt(r.query().getOrDefault("maxResults", String.valueOf(most)));
        if (max < 1 || max > most) {
            return error(400, "invalid", "Invalid value '" + max + "'. Values must be within the range: [1, " + most + "]");
        }
        String ou = r.query().get("orgUnitPath");
        boolean children = "true".equals(r.query().get("includeChildOrgunits"));
        List<ReviewDevice> all = new ArrayList<>();
        for (ReviewDevice d : devices.values()) {
            if (ou == null || d.orgUnit().equals(ou) || children && d.orgUnit().startsWith(ou + "/")) {
                all.add(d);
            }
        }
        int from = Paging.offset(r.query().get("pageToken"));
        int to = Math.min(all.size(), from + max);
        ArrayNode items = JSON.createArrayNode();
        for (ReviewDevice d : all.subList(Math.min(from, all.size()), to)) {
            items.add(field.equals("chromeosdevices") ? FakeJson.chromeos(d) : FakeJson.mobile(d));
        }
        ObjectNode body = JSON.createObjectNode().put("kind", field.equals("chromeosdevices")
                ? "admin#directory#chromeosdevices" : "admin#directory#mobiledevices");
        body.set(field, items);
        if (to < all.size()) {
            body.put("nextPageToken", Paging.token(page == 0 ? 2 : page + 1, to));
        }
        Runnable change = fake.betweenPages.remove(kind + "#" + (page == 0 ? 1 : page));
        if (change != null) {
            change.run();
        }
        return json(200, body);
    }

    private static ResponseDefinition one(ReviewDevice d, boolean mobile) {
        if (d == null) {
            return error(404, "notFound", "Resource Not Found: " + (mobile ? "resourceId" : "deviceId"));
        }
        return json(200, mobile ? FakeJson.mobile(d) : FakeJson.chromeos(d));
    }

    private ResponseDefinition patch(String id, String body) {
        ReviewDevice d = fake.chromeos.get(id);
        if (d == null) {
            return error(404, "notFound", "Resource Not Found: deviceId");
        }
        JsonNode b = body(body);
        ReviewDevice p = new ReviewDevice(d.id(), d.type(), d.serial(), d.model(), d.status(),
                b.path("annotatedUser").asText(d.reviewer()), b.path("annotatedLocation").asText(d.location()),
                b.path("annotatedAssetId").asText(d.assetId()), b.path("orgUnitPath").asText(d.orgUnit()),
                d.osVersion(), d.lastSync(), d.autoUpdateEnd(), d.lastEnrollment(), d.recentUsers(),
                b.path("notes").asText(d.notes()));
        fake.chromeos.put(id, p);
        return json(200, FakeJson.chromeos(p));
    }

    private ResponseDefinition members(String group, Map<String, String> query) {
        List<String> members = fake.groups.get(group);
        if (members == null) {
            return error(404, "notFound", "Resource Not Found: groupKey");
        }
        int max = Integer.parseInt(query.getOrDefault("maxResults", "200"));
        int from = Paging.offset(query.get("pageToken"));
        int to = Math.min(members.size(), from + max);
        ArrayNode items = JSON.createArrayNode();
        for (String email : members.subList(from, to)) {
            items.add(JSON.createObjectNode().put("kind", "admin#directory#member").put("email", email)
                    .put("role", "MEMBER").put("type", "USER").put("status", "ACTIVE"));
        }
        ObjectNode body = JSON.createObjectNode().put("kind", "admin#directory#members");
        body.set("members", items);
        if (to < members.size()) {
            body.put("nextPageToken", Paging.token(0, to));
        }
        return json(200, body);
    }

    // ---- plumbing -----------------------------------------------------------------------------------------------

    private void record(Kind kind, Request r) {
        fake.requests.computeIfAbsent(kind, k -> new ArrayList<>()).add(r);
    }

    static JsonNode body(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    static ResponseDefinition json(int status, JsonNode body) {
        return responseDefinition().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody(body.toString()).build();
    }

    static ResponseDefinition empty(int status) {
        return responseDefinition().withStatus(status).build();
    }

    /** The API's error shape: {@code {"error": {"code", "message", "errors": [{"message", "domain", "reason"}]}}}. */
    static ResponseDefinition error(int status, String reason, String message) {
        ObjectNode error = JSON.createObjectNode();
        ObjectNode e = error.putObject("error").put("code", status).put("message", message);
        if (!reason.isEmpty()) {
            e.putArray("errors").addObject().put("message", message).put("domain", "global").put("reason", reason);
        }
        return json(status, error);
    }

    static Map<String, String> form(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text == null) {
            return values;
        }
        for (String pair : text.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                values.put(dec(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : dec(pair.substring(eq + 1)));
            }
        }
        return values;
    }

    static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** Opaque page tokens: the page number and the offset, base64url. */
    static final class Paging {
        static String token(int page, int offset) {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("p" + page + ".o" + offset).getBytes(StandardCharsets.US_ASCII));
        }

        static int page(String token) {
            return token == null ? 1 : Integer.parseInt(decode(token).split("\\.")[0].substring(1));
        }

        static int offset(String token) {
            return token == null ? 0 : Integer.parseInt(decode(token).split("\\.")[1].substring(1));
        }

        private static String decode(String token) {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
        }
    }

}
