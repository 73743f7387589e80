package io.camfleet.console.adapter.tiles;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tile server on 127.0.0.1 for tests: each provider is a path prefix with one fixed answer for every tile, and the
 * server counts the requests each provider receives.
 */
final class LoopbackTileServer implements AutoCloseable {

    static {
        // Without TCP_NODELAY the JDK server's writes meet the client's delayed ACK: about 40 ms per 40 KB tile.
        // Read once, when the first server of the JVM starts; no other test here starts one.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** What a provider answers: a status and a body, or nothing at all until the server closes. */
    record Answer(int status, byte[] body, boolean stalls) {
        static Answer ok(byte[] body) {
            return new Answer(200, body, false);
        }

        static Answer status(int status, byte[] body) {
            return new Answer(status, body, false);
        }

        static Answer never() {
            return new Answer(0, new byte[0], true);
        }
    }

    private final HttpServer server;
    // Handlers run on their own threads so that a stalled one never holds up stop().
    private final ExecutorService handlers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "loopback-tile-server");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, String> userAgents = new ConcurrentHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile CountDownLatch gate = new CountDownLatch(0);

    LoopbackTileServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    /** Adds a provider and returns its URL template. */
    String provider(String name, Answer answer) {
        answers.put(name, answer);
        requests.put(name, new AtomicInteger());
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name + "/{z}/{x}/{y}.png";
    }

    int requests(String provider) {
        return requests.get(provider).get();
    }

    String userAgent(String provider) {
        return userAgents.get(provider);
    }

    /** Holds every answer until {@link #open()}, to have concurrent requests actually overlap. */
    void hold() {
        gate = new CountDownLatch(1);
    }

    void open() {
        gate.countDown();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().split("/")[1];
            Answer answer = answers.get(name);
            if (answer == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            requests.get(name).incrementAndGet();
            userAgents.put(name, String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")));
            gate.await(5, TimeUnit.SECONDS);
            if (answer.stalls()) {
                closing.await(10, TimeUnit.SECONDS);
                return;
            }
            byte[] body = answer.body();
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        open();
        server.stop(0);
        handlers.shutdownNow();
    }
}
