package io.camfleet.console.adapter.sim;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The demo cameras' files: generated from the seed and the camera when looked at ({@code /etc/camos/*.conf},
 * {@code /var/log/camos/*.log}), with what was written over them kept in memory for the life of the process, so that
 * a config restored is there when it is read again.
 */
public final class DemoCameraFiles {

    static final String CONFIG = "/etc/camos";
    static final String LOGS = "/var/log/camos";

    /** A file's bytes and when it last changed. */
    record File(byte[] content, Instant modified) {
    }

    private final long seed;
    /** What was written, by camera then path: it hides the generated file of that path. */
    private final Map<String, Map<String, File>> written = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> folders = new ConcurrentHashMap<>();

    public DemoCameraFiles(long seed) {
        this.seed = seed;
    }

    long seed() {
        return seed;
    }

    /** The camera's whole tree now, by path: generated, then what was written over it. */
    Map<String, File> tree(DemoCamera camera) {
        Map<String, File> all = new TreeMap<>(generated(camera));
        Map<String, File> mine = written.get(camera.camera().id());
        if (mine != null) {
            synchronized (mine) {
                all.putAll(mine);
            }
        }
        return all;
    }

    /** Every folder of the tree, its parents included. */
    Set<String> folders(DemoCamera camera, Map<String, File> tree) {
        Set<String> out = new TreeSet<>(Set.of("/", "/etc", "/var", "/var/log", "/var/lib", "/tmp", CONFIG, LOGS));
        out.addAll(folders.getOrDefault(camera.camera().id(), Set.of()));
        for (String path : tree.keySet()) {
            for (String p = parent(path); !p.equals("/"); p = parent(p)) {
                out.add(p);
            }
        }
        return out;
    }

    void write(String cameraId, String path, byte[] content, Instant at) {
        Map<String, File> mine = written.computeIfAbsent(cameraId, id -> new TreeMap<>());
        synchronized (mine) {
            mine.put(path, new File(content.clone(), at));
        }
    }

    void makeDirectories(String cameraId, String path) {
        Set<String> mine = folders.computeIfAbsent(cameraId, id -> ConcurrentHashMap.newKeySet());
        for (String p = path; !p.equals("/"); p = parent(p)) {
            mine.add(p);
        }
    }

    /** {@code /a/b} of {@code /a/b/c}; {@code /} of {@code /a}. */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    /** An absolute path without repeated or trailing slashes, or null for a relative one. */
    static String normal(String path) {
        if (path == null || !path.startsWith("/")) {
            return null;
        }
        String p = path.replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private Map<String, File> generated(DemoCamera c) {
        Map<String, File> out = new TreeMap<>();
        Instant configured = c.now().minus(Duration.ofDays(20 + c.random("configured").nextInt(200)));
        out.put(CONFIG + "/agent.conf", text(agentConf(c), configured));
        out.put(CONFIG + "/stream.conf", text(streamConf(c), configured));
        out.put(CONFIG + "/network.conf", text(networkConf(c), configured));
        out.put(LOGS + "/agent.log", text(log(c, c.now().minus(DemoCamera.LOG_SPAN), c.now()), c.now()));
        out.put(LOGS + "/agent.log.1", text(log(c, c.now().minus(DemoCamera.LOG_SPAN.multipliedBy(2)),
                c.now().minus(DemoCamera.LOG_SPAN)), c.now().minus(DemoCamera.LOG_SPAN)));
        return out;
    }

    private static File text(String s, Instant modified) {
        return new File(s.getBytes(StandardCharsets.UTF_8), modified);
    }

    private static String log(DemoCamera c, Instant from, Instant to) {
        return c.events(from, to).stream().map(DemoCamera::logLine).collect(Collectors.joining("\n", "", "\n"));
    }

    private static String agentConf(DemoCamera c) {
        SplittableRandom r = c.random("token");
        return """
                # CamOS camera agent
                device_id = %s
                site = %s
                cloud_endpoint = %s
                mqtt_port = 8883
                heartbeat_interval = 60s
                api_token = cfk_%s
                log_level = info
                """.formatted(c.camera().id(), c.camera().siteId(), DemoCamera.ENDPOINT, hex(r, 16));
    }

    private static String streamConf(DemoCamera c) {
        SplittableRandom r = c.random("stream");
        return """
                # RTSP stream of the camera head
                rtsp_url = rtsp://127.0.0.1:554/stream1
                rtsp_user = camos
                rtsp_password = %s
                codec = h264
                resolution = 1920x1080
                fps = 15
                """.formatted(hex(r, 6));
    }

    private static String networkConf(DemoCamera c) {
        return """
                # Uplink of the camera system
                interface = %s
                dns = %s
                ntp = pool.ntp.org
                """.formatted(c.random("uplink").nextInt(3) == 0 ? "eth0" : "wwan0", c.dnsServer());
    }

    private static String hex(SplittableRandom r, int bytes) {
        byte[] b = new byte[bytes];
        r.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
