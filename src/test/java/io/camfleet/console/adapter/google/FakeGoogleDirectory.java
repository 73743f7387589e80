package io.camfleet.console.adapter.google;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.domain.devices.ReviewDevice;
import io.camfleet.console.service.devices.DeviceSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The Google Admin SDK Directory API on a loopback WireMock server, for the client's tests, the devices' end-to-end
 * tests and the sync benchmark. It serves the documented paths and JSON shapes (see {@link FakeDirectoryRoutes}):
 * the OAuth token endpoint ({@code POST /token}, JWT-bearer grant, the assertion's signature and claims checked
 * against a key made for the run), ChromeOS list with real paging / get / patch / moveDevicesToOu /
 * batchChangeStatus / issueCommand / commands.get, mobile list / get / action, and group members. State changes
 * (a disable makes the device DISABLED) show in the next listing.
 *
 * <p>Faults: {@link #fail} answers a kind of call (or one page of a listing) with an API error a number of times;
 * {@link #afterPage} changes the directory between two pages (a device added shows twice, one removed never); a
 * 401 fault also revokes every token issued so far. Every request is counted by {@link Kind}.
 *
 * <pre>{@code
 * try (FakeGoogleDirectory google = FakeGoogleDirectory.start(tempDir)) {
 *     google.put(GeneratedDevices.chromeos(1_001, 7, now));
 *     google.fail(Kind.CHROMEOS_LIST, 3, Fault.rateLimited());
 *     GoogleDirectory directory = GoogleDirectory.open(google.settings(), clock);
 * }
 * }</pre>
 */
public final class FakeGoogleDirectory implements AutoCloseable {

    public static final String CUSTOMER = "C03fake0k";
    public static final String ADMIN = "device-admin@camfleet.test";
    public static final String ACCOUNT = "camfleet-console@camfleet-test.iam.gserviceaccount.com";

    /** The kinds of request, as counted. */
    public enum Kind {
        TOKEN, CHROMEOS_LIST, CHROMEOS_GET, CHROMEOS_PATCH, MOVE, BATCH_STATUS, ISSUE_COMMAND, COMMAND_GET,
        MOBILE_LIST, MOBILE_GET, MOBILE_ACTION, MEMBERS, UNKNOWN
    }

    /** An API error to answer with, {@code times} times. */
    public record Fault(int status, String reason, String message, int times) {
        public static Fault rateLimited() {
            return new Fault(403, "userRateLimitExceeded", "Rate Limit Exceeded", 1);
        }

        public static Fault quotaExceeded() {
            return new Fault(403, "quotaExceeded", "Quota exceeded for quota metric 'Queries'", 1);
        }

        public static Fault tooManyRequests() {
            return new Fault(429, "", "Too Many Requests", 1);
        }

        public static Fault unavailable() {
            return new Fault(503, "", "The service is currently unavailable.", 1);
        }

        public static Fault forbidden() {
            return new Fault(403, "forbidden", "Not Authorized to access this resource/api", 1);
        }

        /** A 401 that also revokes every token issued so far, as an expiry does. */
        public static Fault expiredToken() {
            return new Fault(401, "authError", "Invalid Credentials", 1);
        }

        public Fault times(int n) {
            return new Fault(status, reason, message, n);
        }
    }

    /** One request as received: its decoded query and body. */
    public record Request(String method, String path, Map<String, String> query, String body) {
    }

    /** What a device does with a command it was sent. */
    public enum CommandScript { RUNS, FAILS, STAYS_PENDING }

    final Object lock = new Object();
    final Map<String, ReviewDevice> chromeos = new LinkedHashMap<>();
    final Map<String, ReviewDevice> mobile = new LinkedHashMap<>();
    final Map<String, List<String>> groups = new HashMap<>();
    final Map<String, Map.Entry<Integer, String>> statusRefusals = new HashMap<>();
    final Map<String, String> deprovisionReasons = new HashMap<>();
    final Map<String, CommandScript> commandScripts = new HashMap<>();
    final Map<String, Fault> faults = new HashMap<>();
    final Map<String, Runnable> betweenPages = new HashMap<>();
    final Map<Kind, List<Request>> requests = new EnumMap<>(Kind.class);
    final TestServiceAccountKey key;
    private final WireMockServer server;

    private FakeGoogleDirectory(Path folder) {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .extensions(new FakeDirectoryRoutes(this)));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
        key = TestServiceAccountKey.write(folder, ACCOUNT, tokenUrl());
    }

    /** Starts the server on a free loopback port and writes the run's key into {@code folder}. */
    public static FakeGoogleDirectory start(Path folder) {
        return new FakeGoogleDirectory(folder);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public String tokenUrl() {
        return baseUrl() + "/token";
    }

    public TestServiceAccountKey key() {
        return key;
    }

    /** Settings that point the console here, with the default scopes (read and write). */
    public DeviceSettings settings() {
        return settings(DeviceSettings.DEFAULTS.scopes());
    }

    public DeviceSettings settings(List<String> scopes) {
        DeviceSettings d = DeviceSettings.DEFAULTS;
        return new DeviceSettings(CUSTOMER, ADMIN, key.file().toString(), scopes, baseUrl(), tokenUrl(), "",
                "", "", d.rules());
    }

    /** Adds devices (or replaces those with the same id), ChromeOS or Android by their type, at the end of the list. */
    public void put(List<ReviewDevice> devices) {
        synchronized (lock) {
            for (ReviewDevice d : devices) {
                (d.type() == DeviceType.CHROMEOS ? chromeos : mobile).put(d.id(), d);
            }
        }
    }

    /** Adds a device at the head of the listing, as one enrolled meanwhile may sort. */
    public void putFirst(ReviewDevice d) {
        synchronized (lock) {
            Map<String, ReviewDevice> target = d.type() == DeviceType.CHROMEOS ? chromeos : mobile;
            Map<String, ReviewDevice> copy = new LinkedHashMap<>(target);
            target.clear();
            target.put(d.id(), d);
            copy.remove(d.id());
            target.putAll(copy);
        }
    }

    public void remove(String id) {
        synchronized (lock) {
            chromeos.remove(id);
            mobile.remove(id);
        }
    }

    /** The device as the directory holds it now. */
    public Optional<ReviewDevice> device(String id) {
        synchronized (lock) {
            return Optional.ofNullable(chromeos.getOrDefault(id, mobile.get(id)));
        }
    }

    /** A Google group and its members' emails, for {@code members.list}. */
    public void group(String email, List<String> members) {
        synchronized (lock) {
            groups.put(email, List.copyOf(members));
        }
    }

    /**
     * Answers calls of {@code kind} with {@code fault}: for a listing, the requests for page {@code page} (1 = the
     * first, as told by its page token); for any other kind, its {@code page}-th call (1 = the first, counted from
     * the start); {@code page} 0 = any call of the kind.
     */
    public void fail(Kind kind, int page, Fault fault) {
        synchronized (lock) {
            faults.put(kind + "#" + page, fault);
        }
    }

    /** Runs {@code change} once, right after page {@code page} of a listing of {@code kind} was served. */
    public void afterPage(Kind kind, int page, Runnable change) {
        synchronized (lock) {
            betweenPages.put(kind + "#" + page, change);
        }
    }

    /** batchChangeStatus refuses this device with a google.rpc code (9 = FAILED_PRECONDITION) and message. */
    public void refuseStatusChange(String deviceId, int code, String message) {
        synchronized (lock) {
            statusRefusals.put(deviceId, Map.entry(code, message));
        }
    }

    /** What the device does with the next commands (default: sent, then run well on the second read). */
    public void command(String deviceId, CommandScript script) {
        synchronized (lock) {
            commandScripts.put(deviceId, script);
        }
    }

    /** The API's deprovisionReason a device was deprovisioned with. */
    public String deprovisionReason(String deviceId) {
        synchronized (lock) {
            return deprovisionReasons.get(deviceId);
        }
    }

    public int count(Kind kind) {
        synchronized (lock) {
            return requests.getOrDefault(kind, List.of()).size();
        }
    }

    /** Every request but the token's. */
    public int apiCalls() {
        synchronized (lock) {
            return requests.entrySet().stream().filter(e -> e.getKey() != Kind.TOKEN)
                    .mapToInt(e -> e.getValue().size()).sum();
        }
    }

    public List<Request> requests(Kind kind) {
        synchronized (lock) {
            return new ArrayList<>(requests.getOrDefault(kind, List.of()));
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
