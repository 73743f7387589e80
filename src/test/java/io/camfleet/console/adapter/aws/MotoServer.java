package io.camfleet.console.adapter.aws;

import io.camfleet.console.service.environments.Environment;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.profiles.ProfileFile;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A real {@code moto_server} (the AWS emulator) on a free loopback port, for one test class; reset before each test.
 * Without it, the tests fail on CI ({@code CI=true}) and are skipped elsewhere with one loud line, never silently.
 *
 * <p>It also writes an AWS config file with two profiles, {@code moto-a} and {@code moto-b}, whose keys moto takes,
 * so that the console's real credential chain (profile lookup included) is what the tests run through.
 */
public final class MotoServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    public static final String INSTALL = "pip install 'moto[server]'";

    private Process process;
    private Path log;
    private Path config;
    private URI endpoint;

    public MotoServer() {
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (!installed()) {
            String message = "moto_server (the AWS emulator) is not installed: install it with " + INSTALL;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            System.err.println("!!! SKIPPED " + context.getDisplayName() + ": " + message + " !!!");
            Assumptions.abort(message);
        }
        start();
    }

    /** Whether moto_server is found ({@code MOTO_SERVER}, else the PATH); {@link #INSTALL} says how to get it. */
    public static boolean installed() {
        return find(System.getenv()).isPresent();
    }

    /** Starts the server outside JUnit (a benchmark); {@link #stop()} ends it. */
    public void start() throws Exception {
        Path program = find(System.getenv()).orElseThrow(() -> new IllegalStateException(
                "moto_server (the AWS emulator) is not installed: install it with " + INSTALL));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        log = Files.createTempFile("moto-server", ".log");
        process = new ProcessBuilder(program.toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        endpoint = URI.create("http://127.0.0.1:" + port);
        waitUntilUp();
        config = Files.createTempFile("aws-config", "");
        Files.writeString(config, """
                [profile moto-a]
                aws_access_key_id = AKIAMOTOA000000000
                aws_secret_access_key = moto-secret-a
                region = eu-west-1

                [profile moto-b]
                aws_access_key_id = AKIAMOTOB000000000
                aws_secret_access_key = moto-secret-b
                region = us-east-1

                [profile sso-user]
                sso_session = corp
                sso_account_id = 111122223333
                sso_role_name = NocOperator
                region = eu-central-1

                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = eu-central-1
                """, StandardCharsets.UTF_8);
    }

    private static Optional<Path> find(Map<String, String> env) {
        String explicit = env.get("MOTO_SERVER");
        if (explicit != null && Files.isExecutable(Path.of(explicit))) {
            return Optional.of(Path.of(explicit));
        }
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "moto_server");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private void waitUntilUp() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited at start: " + Files.readString(log));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/data.json"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("moto_server did not answer within 60 s: " + Files.readString(log));
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        http.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
        if (log != null) {
            Files.deleteIfExists(log);
            Files.deleteIfExists(config);
        }
    }

    /** Stops the server, as when AWS is out of reach; its port then refuses connections. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            process.waitFor();
        }
    }

    /** The CPU time the server has spent so far (user and system), from /proc: it runs beside what it serves. */
    public double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after the name: state(0) ... utime(11) stime(12); USER_HZ is 100 on Linux
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The AWS config file with the test profiles. */
    public Path configFile() {
        return config;
    }

    public ProfileFile profiles() {
        return ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build();
    }

    /** The console's AWS clients, on this server's profiles, with CloudWatch's protocol bridged for moto. */
    public AwsClients clients(java.util.function.Consumer<String> onThrottled) {
        return new AwsClients(this::profiles, onThrottled, java.util.List.of(new CborToJsonBridge()));
    }

    /** An environment on this server: a profile of {@link #profiles()} and a region. */
    public Environment environment(String label, String profile, String region) {
        return Environment.of(label, profile, region, endpoint.toString());
    }
}
