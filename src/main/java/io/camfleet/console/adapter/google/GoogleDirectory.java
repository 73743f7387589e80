package io.camfleet.console.adapter.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.adapter.google.DirectoryCalls.Api;
import io.camfleet.console.adapter.google.DirectoryCalls.Answer;
import io.camfleet.console.adapter.google.DirectoryCalls.Call;
import io.camfleet.console.adapter.google.DirectoryCalls.Calls;
import io.camfleet.console.domain.devices.DeviceAction;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.devices.ActionOutcome;
import io.camfleet.console.service.devices.DeviceDirectory;
import io.camfleet.console.service.devices.DevicePage;
import io.camfleet.console.service.devices.DeviceQuery;
import io.camfleet.console.service.devices.DeviceSettings;
import io.camfleet.console.service.devices.DirectoryAccess;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The review devices in the company's Google Workspace, through the Admin SDK Directory API: ChromeOS devices
 * ({@code chromeosdevices}, {@code customer.devices.chromeos}), Android devices ({@code mobiledevices}) and the
 * reviewers' group ({@code members}). It acts as the configured admin through a service account with domain-wide
 * delegation; the key stays in the user's file. Errors and retries: see {@link DirectoryCalls}.
 */
public final class GoogleDirectory implements DeviceDirectory, AutoCloseable {

    static final int CHROMEOS_PAGE = 300;
    static final int MOBILE_PAGE = 100;
    static final int GROUP_PAGE = 200;
    /** What the patch may change: the annotations an admin writes. */
    static final Set<String> ANNOTATIONS =
            Set.of("annotatedUser", "annotatedLocation", "annotatedAssetId", "notes", "orgUnitPath");
    /** Scopes that allow changes (the same without {@code .readonly}); the {@code .action} one, Android actions only. */
    private static final String MOBILE_ACTION_SCOPE = DeviceSettings.MOBILE_SCOPE + ".action";

    /**
     * @param commandWait how long a reboot or screenshot is watched for its result before it is reported as not run
     */
    record Timeouts(Duration connect, Duration request, Duration commandWait) {
        static final Timeouts STANDARD = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(30));
    }

    private final String customerId;
    private final Set<String> scopes;
    private final DirectoryPaths paths;
    private final DirectoryCalls calls;
    private final DeviceActions actions;
    private final HttpClient http;

    private GoogleDirectory(DeviceSettings settings, HttpClient http, DirectoryCalls calls,
                            DirectoryCalls.Sleeper sleeper, Duration commandWait) {
        this.http = http;
        this.customerId = settings.customerId();
        this.scopes = Set.copyOf(settings.scopes());
        this.paths = new DirectoryPaths(settings.apiBaseUrl(), settings.customerId());
        this.calls = calls;
        this.actions = new DeviceActions(paths, calls, sleeper, commandWait);
    }

    /**
     * The directory of the configured customer. Nothing is sent yet: the first call fetches the token.
     *
     * @throws Problem when a setting is missing or the key file is missing, unreadable or not a service account's key
     */
    public static GoogleDirectory open(DeviceSettings settings, Clock clock) {
        return open(settings, clock, Timeouts.STANDARD, BackOff.standard(), Thread::sleep);
    }

    static GoogleDirectory open(DeviceSettings settings, Clock clock, Timeouts timeouts, BackOff backOff,
                                DirectoryCalls.Sleeper sleeper) {
        if (settings.customerId().isBlank()) {
            throw Problem.badInput("devices.google.noCustomer");
        }
        if (settings.adminSubject().isBlank()) {
            throw Problem.badInput("devices.google.noAdmin");
        }
        URI tokenUri = http(settings.tokenUrl());
        http(settings.apiBaseUrl());
        ServiceAccountKey.Loaded key = ServiceAccountKey.load(settings.keyFile(), settings.scopes(),
                settings.adminSubject(), tokenUri);
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeouts.connect())
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build();
        AccessTokens tokens = new AccessTokens(key.credentials(), clock, key.account(), settings.adminSubject(),
                timeouts.request());
        DirectoryCalls calls = new DirectoryCalls(http, timeouts.request(), tokens, backOff, sleeper,
                settings.adminSubject());
        return new GoogleDirectory(settings, http, calls, sleeper, timeouts.commandWait());
    }

    private static URI http(String url) {
        try {
            URI uri = URI.create(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException notUri) {
            // told below
        }
        throw Problem.badInput("devices.google.badUrl", url);
    }

    /** Lets the HTTP client's connections and thread go (the console closes it with the data folder). */
    @Override
    public void close() {
        http.shutdownNow(); // close() would wait for a call in flight; every call is bounded anyway
    }

    @Override
    public String name() {
        return customerId;
    }

    @Override
    public DirectoryAccess access() {
        return scopes.contains(DeviceSettings.CHROMEOS_SCOPE) || scopes.contains(DeviceSettings.MOBILE_SCOPE)
                || scopes.contains(MOBILE_ACTION_SCOPE) ? DirectoryAccess.FULL
                : DirectoryAccess.readOnly(DeviceSettings.CHROMEOS_SCOPE);
    }

    @Override
    public DevicePage list(DeviceType type, DeviceQuery query, String pageToken) {
        Calls counted = new Calls();
        String token = pageToken == null || pageToken.isEmpty() ? null : pageToken;
        String search = query.query().isEmpty() ? null : query.query();
        List<ReviewDevice> devices = new ArrayList<>();
        JsonNode body;
        if (type == DeviceType.CHROMEOS) {
            boolean ou = !query.orgUnit().isEmpty();
            body = calls.require(new Call("chromeosdevices.list", Api.CHROMEOS, "GET", paths.chromeos(
                    "maxResults", String.valueOf(Math.clamp(query.pageSize(), 1, CHROMEOS_PAGE)),
                    "pageToken", token, "projection", "FULL", "orgUnitPath", ou ? query.orgUnit() : null,
                    "includeChildOrgunits", ou ? "true" : null, "query", search), null), counted);
            body.path("chromeosdevices").forEach(d -> devices.add(DirectoryJson.chromeos(d)));
        } else {
            body = calls.require(new Call("mobiledevices.list", Api.MOBILE, "GET", paths.mobile(
                    "maxResults", String.valueOf(Math.clamp(query.pageSize(), 1, MOBILE_PAGE)),
                    "pageToken", token, "projection", "FULL", "query", search), null), counted);
            for (JsonNode d : body.path("mobiledevices")) {
                if (DirectoryJson.android(d)) {
                    devices.add(DirectoryJson.mobile(d));
                }
            }
        }
        String next = DirectoryJson.text(body, "nextPageToken");
        return new DevicePage(devices, next.isEmpty() ? null : next, counted.count());
    }

    @Override
    public Optional<ReviewDevice> get(DeviceType type, String id) {
        boolean chromeos = type == DeviceType.CHROMEOS;
        Call call = chromeos
                ? new Call("chromeosdevices.get", Api.CHROMEOS, "GET", paths.chromeosDevice(id, "projection", "FULL"), null)
                : new Call("mobiledevices.get", Api.MOBILE, "GET", paths.mobileDevice(id, "projection", "FULL"), null);
        Answer a = calls.send(call, new Calls());
        if (a.status() == 404) {
            return Optional.empty();
        }
        if (!a.ok()) {
            throw DirectoryCalls.failed(call, a);
        }
        return Optional.of(chromeos ? DirectoryJson.chromeos(a.body()) : DirectoryJson.mobile(a.body()));
    }

    @Override
    public ReviewDevice annotate(String deviceId, Map<String, String> fields) {
        if (fields.isEmpty() || !ANNOTATIONS.containsAll(fields.keySet())) {
            throw new IllegalArgumentException("A patch changes some of " + ANNOTATIONS + ", not " + fields.keySet());
        }
        refuseIfReadOnly(DeviceType.CHROMEOS);
        ObjectNode body = DirectoryCalls.JSON.createObjectNode();
        fields.forEach(body::put);
        return DirectoryJson.chromeos(calls.require(new Call("chromeosdevices.patch", Api.CHROMEOS, "PATCH",
                paths.chromeosDevice(deviceId, "projection", "FULL"), body.toString()), new Calls()));
    }

    @Override
    public ActionOutcome act(DeviceAction action, List<String> deviceIds, String parameter, String reason) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(deviceIds));
        if (action == DeviceAction.ANNOTATE) {
            throw new IllegalArgumentException("Annotations are sent with annotate(), which says what to change");
        }
        if (DeviceActions.BATCHED.contains(action) && ids.size() > DeviceActions.BATCH) {
            throw new IllegalArgumentException("The Directory API takes at most " + DeviceActions.BATCH
                    + " devices a call, not " + ids.size() + ": split the selection");
        }
        refuseIfReadOnly(action.type());
        if (ids.isEmpty()) {
            return new ActionOutcome(List.of(), Map.of(), 0);
        }
        return actions.act(action, ids, parameter == null ? "" : parameter, reason == null ? "" : reason);
    }

    /** Refuses before anything is sent when no configured scope allows changing devices of this type. */
    private void refuseIfReadOnly(DeviceType type) {
        boolean allowed = type == DeviceType.CHROMEOS ? scopes.contains(DeviceSettings.CHROMEOS_SCOPE)
                : scopes.contains(DeviceSettings.MOBILE_SCOPE) || scopes.contains(MOBILE_ACTION_SCOPE);
        if (!allowed) {
            DirectoryAccess readOnly = DirectoryAccess.readOnly(
                    type == DeviceType.CHROMEOS ? DeviceSettings.CHROMEOS_SCOPE : DeviceSettings.MOBILE_SCOPE);
            throw new Problem(readOnly.whyNot(), readOnly.missingScope());
        }
    }

    @Override
    public Set<String> groupMembers(String groupEmail) {
        Set<String> members = new LinkedHashSet<>();
        Set<String> tokensSeen = new HashSet<>();
        String token = null;
        do {
            Call call = new Call("members.list", Api.GROUPS, "GET", paths.groupMembers(groupEmail,
                    "maxResults", String.valueOf(GROUP_PAGE), "includeDerivedMembership", "true", "pageToken", token),
                    null);
            Answer a = calls.send(call, new Calls());
            if (a.status() == 404) {
                throw Problem.badInput("devices.google.noGroup", groupEmail);
            }
            if (!a.ok()) {
                throw DirectoryCalls.failed(call, a);
            }
            for (JsonNode m : a.body().path("members")) {
                String kind = DirectoryJson.text(m, "type");
                String email = DirectoryJson.text(m, "email");
                if (!email.isEmpty() && (kind.isEmpty() || "USER".equals(kind))) {
                    members.add(email.toLowerCase(Locale.ROOT));
                }
            }
            String next = DirectoryJson.text(a.body(), "nextPageToken");
            token = next.isEmpty() || !tokensSeen.add(next) ? null : next; // a token seen twice would loop for ever
        } while (token != null);
        return members;
    }
}
