package io.camfleet.console.app;

import io.camfleet.console.app.features.SettingsFile;
import io.camfleet.console.adapter.ssh.SshdFixture;
import io.camfleet.console.cli.Commands;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.environments.SourceSettings;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A fleet of loopback sshd cameras for {@code camfleet deploy} as a pipeline runs it: an operator's home with the SSH
 * key and a known_hosts trusting the cameras, a site registry naming them (the data folder's fleet source), a 1 MB
 * release whose scripts each camera runs in its own folder under the sshd's hosts folder, and the command line.
 */
final class SshFleet {

    /** {@code $1} is {@code <root>/releases/<name>-<version>/artifact}: the camera's root is three levels up. */
    static final String ROOT = "r=$(dirname \"$(dirname \"$(dirname \"$1\")\")\")";

    final Path dir;
    final Path home;
    final Path data;
    final SshdFixture sshd;
    final List<String> ips;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    SshFleet(SshdFixture sshd, Path dir, List<String> ips) throws Exception {
        this.sshd = sshd;
        this.dir = dir;
        this.ips = ips;
        this.home = dir.resolve("home");
        this.data = dir.resolve("data");
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Files.copy(sshd.clientKey(), ssh.resolve("id_ed25519"));
        sshd.knownHosts(ssh.resolve("known_hosts"), ips);
        for (String ip : ips) {
            Path host = Files.createDirectories(camera(ip));
            try (var files = Files.list(host)) {
                for (Path f : files.toList()) {
                    deleteTree(f);
                }
            }
        }
    }

    /** A camera's own folder: its install root. */
    Path camera(String ip) {
        return sshd.hostsDir().resolve(ip);
    }

    /** The registry: one site per two cameras, all of customer Northwind; {@code addresses} overrides some. */
    SshFleet registry(Map<String, String> addresses) throws Exception {
        StringBuilder csv = new StringBuilder("site_id,site_name,customer,country,latitude,longitude,timezone,"
                + "sla_tier,camera_id,ssh_address,software_version\n");
        for (int i = 0; i < ips.size(); i++) {
            String ip = ips.get(i);
            String site = "S" + (i / 2 + 1);
            csv.append(String.join(",", site, "Site " + site, "Northwind", "NL", "52." + i / 2, "4." + i / 2,
                    "Europe/Amsterdam", "GOLD", cameraId(ip), addresses.getOrDefault(ip, sshd.address(ip)), "6.4.2"))
                    .append('\n');
        }
        Path registry = dir.resolve("sites.csv");
        Files.writeString(registry, csv);
        Files.createDirectories(data);
        SettingsFile.in(data).write(SourceSettings.SECTION,
                SourceSettings.DEMO.withKind(SourceSettings.Kind.IMPORT).withImportFile(registry.toString()));
        return this;
    }

    static String cameraId(String ip) {
        return "cam-" + ip.replace('.', '-');
    }

    /** A release file of a 1 MB artifact with these scripts (each may use {@code $r}, the camera's root). */
    Path release(String install, String healthCheck, String rollback) throws Exception {
        byte[] bytes = new byte[1 << 20];
        new Random(5).nextBytes(bytes);
        Path artifact = dir.resolve("agent.tar.gz");
        Files.write(artifact, bytes);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        Path release = dir.resolve("release.json");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Files.writeString(release, json.writeValueAsString(Map.of("name", "camos-agent", "version", "7.0.0",
                "kind", "release", "artifact", "agent.tar.gz", "sha256", sha, "install", ROOT + "; " + install,
                "healthCheck", ROOT + "; " + healthCheck, "rollback", ROOT + "; " + rollback)));
        return release;
    }

    Path plan(String json) throws Exception {
        Path plan = dir.resolve("plan-" + Integer.toHexString(json.hashCode()) + ".json");
        Files.writeString(plan, json);
        return plan;
    }

    /** What the console needs to reach the cameras: each camera's root is its folder of the sshd's hosts. */
    Map<String, String> env() {
        return Map.of("CAMFLEET_SSH_ROOT", sshd.hostsDir() + "/{host}");
    }

    /** {@code camfleet ARGS} in this JVM, on the data folder, as the fleet's operator. */
    int run(String... args) {
        ConsoleRuntime runtime = new ConsoleRuntime(Clock.systemUTC(), env(), home.toString(),
                new Operator("release-engineer", ""), new Messages(Locale.ENGLISH));
        CommandLine cmd = Commands.commandLine(runtime, new Messages(Locale.ENGLISH));
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--data-dir", data.toString())).toArray(String[]::new);
        return cmd.execute(all);
    }

    /** {@code camfleet ARGS} in a process of its own, which a test may kill. */
    ConsoleProcess start(String... args) throws Exception {
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--data-dir", data.toString())).toArray(String[]::new);
        return ConsoleProcess.start(home, env(), all);
    }

    private static void deleteTree(Path p) throws Exception {
        if (Files.isDirectory(p)) {
            try (var files = Files.list(p)) {
                for (Path f : files.toList()) {
                    deleteTree(f);
                }
            }
        }
        Files.delete(p);
    }
}
