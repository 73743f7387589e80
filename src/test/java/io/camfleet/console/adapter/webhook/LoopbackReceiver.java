package io.camfleet.console.adapter.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP receiver on 127.0.0.1 for the routes' tests: it answers each request with the next scripted answer
 * (a status, headers, a delay before answering, or a body sent slowly), then with 200 once the script is used up,
 * and keeps every request it got.
 */
public final class LoopbackReceiver implements AutoCloseable {

    /** One scripted answer. */
    public record Answer(int status, Map<String, String> headers, Duration delay, String body) {
        public static Answer ok() {
            return new Answer(200, Map.of(), Duration.ZERO, "ok");
        }

        public static Answer status(int status, String body) {
            return new Answer(status, Map.of(), Duration.ZERO, body);
        }

        public static Answer tooMany(int retryAfterSeconds) {
            return new Answer(429, Map.of("Retry-After", String.valueOf(retryAfterSeconds)), Duration.ZERO,
                    "slow down");
        }

        /** Answers only after {@code delay}: a receiver that is stuck. */
        public static Answer slow(Duration delay) {
            return new Answer(200, Map.of(), delay, "late");
        }
    }

    /** One request as received. */
    public record Received(String method, String path, Map<String, List<String>> headers, String body, Instant at) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final BlockingQueue<Answer> script = new LinkedBlockingQueue<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Received> arrivals = new LinkedBlockingQueue<>();

    public LoopbackReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "loopback-receiver");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Answers the next requests so, in order. */
    public LoopbackReceiver then(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits for the next request, at most {@code seconds}; null when none came. */
    public Received next(int seconds) throws InterruptedException {
        return arrivals.poll(seconds, TimeUnit.SECONDS);
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Received r = new Received(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                Map.copyOf(ex.getRequestHeaders()), body, Instant.now());
        received.add(r);
        arrivals.add(r);
        Answer a = script.poll();
        if (a == null) {
            a = Answer.ok();
        }
        try {
            Thread.sleep(a.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
        try (OutputStream os = ex.getResponseBody()) {
            ex.sendResponseHeaders(a.status(), out.length);
            os.write(out);
        } catch (IOException gone) {
            // the console gave up waiting and closed the connection: what a slow receiver deserves
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
