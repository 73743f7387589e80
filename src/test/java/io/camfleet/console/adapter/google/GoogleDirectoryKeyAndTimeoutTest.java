package io.camfleet.console.adapter.google;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.camfleet.console.adapter.google.FakeGoogleDirectory.Fault;
import io.camfleet.console.adapter.google.FakeGoogleDirectory.Kind;
import io.camfleet.console.domain.devices.DeviceType;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.devices.DeviceQuery;
import io.camfleet.console.service.devices.DeviceSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The service account's key file, what is told about it and what is not, and calls that get no answer. */
class GoogleDirectoryKeyAndTimeoutTest {

    @TempDir
    Path dir;
    private FakeGoogleDirectory google;
    private final TestDirectories client = new TestDirectories();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Logger root;
    private Level rootLevel;

    @BeforeEach
    void start() {
        google = FakeGoogleDirectory.start(dir);
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void stop() {
        root.detachAppender(log);
        root.setLevel(rootLevel);
        google.close();
    }

    private DeviceSettings withKey(String keyFile) {
        DeviceSettings s = google.settings();
        return new DeviceSettings(s.customerId(), s.adminSubject(), keyFile, s.scopes(), s.apiBaseUrl(), s.tokenUrl(),
                "", "", "", s.rules());
    }

    private Problem refusal(DeviceSettings settings) {
        try {
            client.open(settings);
        } catch (Problem p) {
            return p;
        }
        throw new AssertionError("opened with " + settings.keyFile());
    }

    @Test
    void aMissingKeyFileIsOneSentenceNamingIt() {
        Problem p = refusal(withKey(dir.resolve("nowhere.json").toString()));

        assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_INPUT);
        assertThat(p.key()).isEqualTo("devices.google.keyMissing");
        assertThat(p.getMessage()).contains(dir.resolve("nowhere.json").toString(), "never copies it");
        assertThat(refusal(withKey("")).key()).isEqualTo("devices.google.keyNotSet");
    }

    @Test
    void aFileThatIsNotAServiceAccountKeyIsToldWithoutItsContent() throws IOException {
        Path garbage = Files.writeString(dir.resolve("garbage.json"), "password=hunter2-not-a-key\n");
        Path user = Files.writeString(dir.resolve("user.json"),
                "{\"type\": \"authorized_user\", \"client_secret\": \"sEcReT-user-secret\"}");
        String wrongPem = Files.readString(google.key().file()).replaceAll("MII[A-Za-z0-9+/]{20}", "MIIbroken");
        Path broken = Files.writeString(dir.resolve("broken.json"), wrongPem);
        Path folder = Files.createDirectory(dir.resolve("a-folder.json"));

        List<Problem> problems = List.of(refusal(withKey(garbage.toString())), refusal(withKey(user.toString())),
                refusal(withKey(broken.toString())), refusal(withKey(folder.toString())));

        assertThat(problems).allSatisfy(p -> assertThat(p.key()).isEqualTo("devices.google.keyNotServiceAccount"));
        assertThat(problems.getFirst().getMessage()).contains(garbage.toString(), "not a Google service account key");
        assertThat(problems).allSatisfy(p -> assertThat(p.getMessage() + p.getCause())
                .doesNotContain("hunter2", "sEcReT", "MIIbroken", "authorized_user"));
        assertThat(everythingLogged()).doesNotContain("hunter2", "sEcReT", "MIIbroken");
    }

    @Test
    void aKeyWithoutItsEmailIsToldWhichFieldIsMissing() throws IOException {
        String key = Files.readString(google.key().file()).replace("\"client_email\"", "\"client_mail\"");
        Path incomplete = Files.writeString(dir.resolve("incomplete.json"), key);

        Problem p = refusal(withKey(incomplete.toString()));

        assertThat(p.key()).isEqualTo("devices.google.keyIncomplete");
        assertThat(p.getMessage()).contains("client_email").doesNotContain(google.key().secretPart());
    }

    @Test
    void theKeyAppearsInNoMessageAndNoLogLineThroughRetriesRenewalsAndRefusals() {
        List<String> told = new ArrayList<>();
        google.put(GeneratedDevices.chromeos(700, 1, Instant.parse("2026-12-06T09:00:00Z")));
        google.fail(Kind.CHROMEOS_LIST, 2, Fault.rateLimited());
        google.fail(Kind.CHROMEOS_LIST, 3, Fault.expiredToken());
        GoogleDirectory directory = client.open(google.settings());
        assertThat(TestDirectories.devices(TestDirectories.pages(directory, DeviceType.CHROMEOS, DeviceQuery.ALL)))
                .hasSize(700);
        google.fail(Kind.CHROMEOS_LIST, 1, Fault.forbidden());
        told.add(messageOf(() -> directory.list(DeviceType.CHROMEOS, DeviceQuery.ALL, null)));
        DeviceSettings s = google.settings();
        GoogleDirectory notAdmin = client.open(new DeviceSettings(s.customerId(), "someone@camfleet.test",
                s.keyFile(), s.scopes(), s.apiBaseUrl(), s.tokenUrl(), "", "", "", s.rules()));
        told.add(messageOf(() -> notAdmin.list(DeviceType.CHROMEOS, DeviceQuery.ALL, null)));

        assertThat(told.get(1)).contains("refused a token", "someone@camfleet.test", "unauthorized_client");
        String key = google.key().privatePem();
        String middle = key.substring(key.length() / 2, key.length() / 2 + 40);
        assertThat(String.join("\n", told) + everythingLogged())
                .doesNotContain(google.key().secretPart(), middle, "BEGIN PRIVATE KEY");
        assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("userRateLimitExceeded"));
    }

    @Test
    void anApiThatNeverAnswersTimesOutInsteadOfHanging() throws IOException {
        try (Silent silent = new Silent()) {
            DeviceSettings s = google.settings();
            DeviceSettings toSilence = new DeviceSettings(s.customerId(), s.adminSubject(), s.keyFile(), s.scopes(),
                    silent.url(), s.tokenUrl(), "", "", "", s.rules());
            GoogleDirectory directory = client.open(toSilence, new GoogleDirectory.Timeouts(Duration.ofSeconds(1),
                    Duration.ofSeconds(1), Duration.ofSeconds(30)));

            Problem p = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> problemOf(
                    () -> directory.list(DeviceType.CHROMEOS, DeviceQuery.ALL, null)));

            assertThat(p.key()).isEqualTo("devices.google.timeout");
            assertThat(p.getMessage()).contains("chromeosdevices.list", "127.0.0.1:" + silent.port(), "within 1 s");
        }
    }

    @Test
    void aTokenEndpointThatNeverAnswersTimesOutToo() throws IOException {
        try (Silent silent = new Silent()) {
            DeviceSettings s = google.settings();
            DeviceSettings toSilence = new DeviceSettings(s.customerId(), s.adminSubject(), s.keyFile(), s.scopes(),
                    s.apiBaseUrl(), silent.url() + "/token", "", "", "", s.rules());
            GoogleDirectory directory = client.open(toSilence, new GoogleDirectory.Timeouts(Duration.ofSeconds(1),
                    Duration.ofSeconds(1), Duration.ofSeconds(30)));

            Problem p = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> problemOf(
                    () -> directory.list(DeviceType.CHROMEOS, DeviceQuery.ALL, null)));

            assertThat(p.key()).isEqualTo("devices.google.tokenTimeout");
            assertThat(google.apiCalls()).isZero();
        }
    }

    private static Problem problemOf(Runnable call) {
        try {
            call.run();
        } catch (Problem p) {
            return p;
        }
        throw new AssertionError("no problem");
    }

    private static String messageOf(Runnable call) {
        return problemOf(call).getMessage();
    }

    private String everythingLogged() {
        StringBuilder b = new StringBuilder();
        for (ILoggingEvent e : log.list) {
            b.append(e.getFormattedMessage()).append('\n');
            if (e.getThrowableProxy() != null) {
                b.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
            }
        }
        return b.toString();
    }

    /** A loopback server that accepts connections and never says a word. */
    private static final class Silent implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> held = new CopyOnWriteArrayList<>();
        private final Thread acceptor = Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    held.add(socket.accept());
                }
            } catch (IOException closed) {
                // closed by the test
            }
        });

        Silent() throws IOException {
        }

        int port() {
            return socket.getLocalPort();
        }

        String url() {
            return "http://127.0.0.1:" + port();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : held) {
                s.close();
            }
            acceptor.interrupt();
        }
    }
}
