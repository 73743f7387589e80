package io.camfleet.console.bench;

import io.camfleet.console.adapter.ssh.LoopbackSshd;
import io.camfleet.console.adapter.ssh.SshSettings;
import io.camfleet.console.adapter.ssh.SshjHostConnector;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcDeploymentJournal;
import io.camfleet.console.domain.deploy.CanaryApproval;
import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.domain.deploy.FailureThreshold;
import io.camfleet.console.domain.deploy.HostCount;
import io.camfleet.console.domain.deploy.MaintenanceWindow;
import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.ReleaseKind;
import io.camfleet.console.domain.deploy.Strategy;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.domain.deploy.Wave;
import io.camfleet.console.domain.deploy.WaveSizing;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.service.deploy.DeploymentRecord;
import io.camfleet.console.service.deploy.Pacer;
import io.camfleet.console.service.deploy.Rollout;
import io.camfleet.console.service.deploy.SshTargetRunner;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.deploy.TargetRecord;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code rollout}: a release rolled out over SSH to 100, 1,000 and 5,000 camera hosts, concurrency 100, one wave:
 * per host a 1 MB artifact checked, uploaded and checked again there, the install script (unpacks it, switches
 * {@code current}), the version marker and the health check. The hosts are loopback addresses (127.10.x.y) of a real
 * OpenSSH sshd; host keys are checked strictly against a known_hosts file; every transition goes to the H2 journal.
 * It is the product's path: {@link Rollout}, {@link SshTargetRunner}, {@link SshjHostConnector},
 * {@link JdbcDeploymentJournal}.
 *
 * <p>Then the same rollout with Ansible on the same 100 hosts ({@code forks = 100}, pipelining, ControlPersist),
 * timed with {@code ansible-playbook}; Debian's {@code ansible} is installed when missing (as root).
 *
 * <p>Targets: 1,000 hosts under 60 s; Ansible at least 20 times slower on the 100 hosts; threads and heap bounded at
 * 5,000 hosts. Arguments: the host counts ({@code 100,1000,5000} when none are given).
 *
 * <p>Client and servers share this machine's cores: every sshd process (a fork per connection, a shell per command)
 * runs next to the console, so the figures are a floor for what a fleet of real cameras, each with its own CPU,
 * would take.
 */
public final class RolloutBench {

    private static final int CONCURRENCY = 100;
    private static final int ANSIBLE_HOSTS = 100;
    private static final int WARMUP_HOSTS = 20;
    private static final String NAME = "camos-agent";
    private static final String VERSION = "6.5.0";
    /** The console's own SSH settings ({@code ConsoleRuntime}): connect 10 s, key exchange 15 s, commands 10 min. */
    private static final Duration CONNECT = Duration.ofSeconds(10);
    private static final Duration AUTH = Duration.ofSeconds(15);
    private static final Duration COMMAND = Duration.ofMinutes(10);

    /**
     * $1 is ROOT/releases/NAME-VERSION/artifact: unpack next to it, then point ROOT/current at it. Paths are cut with
     * the shell's own expansions: every dirname is a process, and processes are what a camera's CPU spends most on.
     */
    private static final String INSTALL = """
            set -e
            d=${1%/*}
            r=${d%/*/*}
            mkdir -p -- "$d/unpacked"
            tar -xzf "$1" -C "$d/unpacked"
            ln -sfn -- "$d/unpacked" "$r/current"
            """;
    /** The release's own probe, from where the install pointed {@code current}. */
    private static final String HEALTH = """
            r=${1%/*/*/*}
            exec "$r/current/bin/health"
            """;
    private static final String ROLLBACK = """
            r=${1%/*/*/*}
            rm -f -- "$r/current"
            """;

    private RolloutBench() {
    }

    /** What one rollout came to. */
    private record Run(int hosts, double wallSeconds, int peakThreads, double peakHeapMb, double heapAfterGcMb,
                       double consoleCpuSeconds, double serverCpuSeconds) {
    }

    public static void run(String... args) throws Exception {
        int[] sizes = args.length > 0 && !args[0].isBlank()
                ? Arrays.stream(args[0].split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray()
                : new int[] {100, 1_000, 5_000};
        if (!LoopbackSshd.installed()) {
            System.out.println("!!! rollout bench NOT RUN: OpenSSH's sshd is not installed; install it with "
                    + LoopbackSshd.INSTALL + " !!!");
            throw new IllegalStateException("sshd missing");
        }
        Path work = Files.createTempDirectory("camfleet-rollout");
        try (LoopbackSshd sshd = LoopbackSshd.onAllOfLoopback()) {
            Path artifact = artifact(work);
            String sha = sha256(artifact);
            Bench.note("rollout: artifact " + Files.size(artifact) + " bytes, SHA-256 " + sha + "; sshd on *:"
                    + sshd.port() + " (logins from 127.0.0.0/8 only), concurrency " + CONCURRENCY + ", one wave");
            Release release = new Release(NAME, VERSION, ReleaseKind.RELEASE, artifact.toString(), sha, INSTALL,
                    HEALTH, ROLLBACK);
            // The console is a long-running program: a first rollout of 20 hosts loads and compiles what the timed ones
            // use. Its time is shown, as what the first rollout after a start costs.
            Run warmup = console(sshd, work, release, WARMUP_HOSTS, CacheDatabase.Durability.DURABLE);
            Bench.report("rollout", "warmup" + WARMUP_HOSTS + ".wall", warmup.wallSeconds(), "s");
            clean(sshd);
            Double ansible = null;
            for (int n : sizes) {
                // What a durable journal costs: the same rollout with H2's delayed, unsynced commits (the console
                // before it made each transition durable), measured just before, on the same hosts.
                Run delayed = console(sshd, work, release, n, CacheDatabase.Durability.DELAYED);
                Bench.report("rollout", "hosts" + n + ".delayedJournal.wall", delayed.wallSeconds(), "s");
                Bench.report("rollout", "hosts" + n + ".delayedJournal.consoleCpu", delayed.consoleCpuSeconds(), "s");
                clean(sshd);
                Run r = console(sshd, work, release, n, CacheDatabase.Durability.DURABLE);
                report(r);
                Bench.report("rollout", "hosts" + n + ".durabilityCost",
                        100 * (r.wallSeconds() / delayed.wallSeconds() - 1), "%");
                if (n == ANSIBLE_HOSTS && ansible == null) {
                    ansible = ansible(sshd, work, artifact, hosts(ANSIBLE_HOSTS));
                    if (ansible != null) {
                        Bench.report("rollout", "ansible100.wall", ansible, "s");
                        Bench.report("rollout", "ansibleRatio", ansible / r.wallSeconds(), "x");
                    }
                }
                clean(sshd);
            }
        } finally {
            deleteTree(work);
        }
    }

    /** Deletes what the hosts were given, so that the next rollout starts from cameras that have nothing. */
    private static void clean(LoopbackSshd sshd) throws Exception {
        deleteTree(sshd.hostsDir());
        Files.createDirectories(sshd.hostsDir());
    }

    private static void report(Run r) {
        String key = "hosts" + r.hosts();
        Bench.report("rollout", key + ".wall", r.wallSeconds(), "s");
        Bench.report("rollout", key + ".rate", r.hosts() / r.wallSeconds(), "hosts/s");
        Bench.report("rollout", key + ".peakThreads", r.peakThreads(), "threads");
        Bench.report("rollout", key + ".peakHeapUsed", r.peakHeapMb(), "MB");
        Bench.report("rollout", key + ".heapAfterGc", r.heapAfterGcMb(), "MB");
        Bench.report("rollout", key + ".consoleCpu", r.consoleCpuSeconds(), "s");
        Bench.report("rollout", key + ".sshdCpu", r.serverCpuSeconds(), "s");
    }

    /** 127.10.0.1, 127.10.0.2, ...: 250 to a /24, away from the addresses the SSH tests use. */
    static List<String> hosts(int n) {
        List<String> ips = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ips.add("127.10." + (i / 250) + "." + (i % 250 + 1));
        }
        return ips;
    }

    // ---- the console ----

    private static Run console(LoopbackSshd sshd, Path work, Release release, int n,
                               CacheDatabase.Durability durability) throws Exception {
        List<String> ips = hosts(n);
        Path knownHosts = sshd.knownHosts(work.resolve("known_hosts-" + n), ips);
        SshjHostConnector connector = new SshjHostConnector(new SshSettings(knownHosts, List.of(sshd.clientKey()),
                CONNECT, AUTH));
        Map<String, String> rootOf = new HashMap<>();
        Map<String, Rollout.Placement> placements = new HashMap<>();
        List<TargetRecord> records = new ArrayList<>();
        List<String> cameras = new ArrayList<>();
        Instant now = Instant.now();
        for (String ip : ips) {
            Target t = new Target("cam-" + ip, "site-" + ip, sshd.address(ip), "", "");
            rootOf.put(t.cameraId(), sshd.hostsDir().resolve(ip).toString());
            placements.put(t.cameraId(), new Rollout.Placement(t, MaintenanceWindow.ALWAYS_OPEN, ZoneOffset.UTC));
            records.add(new TargetRecord(t, 0, TargetState.PENDING, 0, "", now));
            cameras.add(t.cameraId());
        }
        // Every failure tolerated, so that a broken run shows all its failures instead of stopping at the first.
        Strategy strategy = new Strategy(HostCount.NONE, CanaryApproval.CONTINUE_WHEN_HEALTHY,
                new WaveSizing.EachOf(HostCount.percent(100)), CONCURRENCY, FailureThreshold.count(n), Duration.ZERO);
        String id = "bench-" + n;
        Path data = work.resolve("data-" + n);
        try (CacheDatabase db = CacheDatabase.open(data, Clock.systemUTC(), durability)) {
            JdbcDeploymentJournal journal = new JdbcDeploymentJournal(db.dataSource(), Clock.systemUTC());
            journal.create(new DeploymentRecord(id, NAME, VERSION, ExecutorKind.SSH, "{}", DeploymentState.RUNNING, now, "bench",
                    now), records);
            SshTargetRunner runner = new SshTargetRunner(connector, sshd.user(), t -> rootOf.get(t.cameraId()),
                    COMMAND);
            Rollout rollout = new Rollout(id, release, strategy, List.of(new Wave(0, false, cameras)), placements,
                    DeploymentState.RUNNING, Map.of(), runner, journal, Clock.systemUTC(), Pacer.REAL, r -> { });

            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            System.gc();
            threads.resetPeakThreadCount();
            AtomicLong peakHeap = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
            Thread sampler = Thread.ofPlatform().daemon().name("bench-heap-sampler").start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            double serverCpu0 = sshd.cpuSeconds();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            rollout.run();
            long t1 = System.nanoTime();
            long cpu1 = os.getProcessCpuTime();
            sampler.interrupt();
            sampler.join();
            int peakThreads = threads.getPeakThreadCount();
            Thread.sleep(500); // the listener reaps the last sessions
            double serverCpu = sshd.cpuSeconds() - serverCpu0;
            System.gc();
            double afterGc = memory.getHeapMemoryUsage().getUsed() / 1e6;

            check(rollout, journal, id, ips, rootOf);
            return new Run(n, (t1 - t0) / 1e9, peakThreads, peakHeap.get() / 1e6, afterGc, (cpu1 - cpu0) / 1e9,
                    serverCpu);
        } finally {
            deleteTree(data);
        }
    }

    /** Every host SUCCEEDED, in memory, in the journal and on the host (marker, unpacked release); else it fails. */
    private static void check(Rollout rollout, JdbcDeploymentJournal journal, String id, List<String> ips,
                              Map<String, String> rootOf) throws IOException {
        List<String> failures = new ArrayList<>();
        journal.targets(id).stream().filter(t -> t.state() != TargetState.SUCCEEDED)
                .forEach(t -> failures.add(t.target().cameraId() + " " + t.state() + ": " + t.detail()));
        for (String ip : ips) {
            Path root = Path.of(rootOf.get("cam-" + ip));
            Path marker = root.resolve("version");
            if (!Files.isRegularFile(marker) || !Files.readString(marker).equals(VERSION + "\n")
                    || !Files.isRegularFile(root.resolve("current/bin/agent"))) {
                failures.add("cam-" + ip + ": the host has no marker " + VERSION + " or no unpacked release");
            }
        }
        if (!failures.isEmpty() || rollout.state() != DeploymentState.SUCCEEDED) {
            System.out.println("!!! rollout to " + ips.size() + " hosts ended " + rollout.state() + " with "
                    + failures.size() + " failures; the first ones:");
            failures.stream().limit(20).forEach(f -> System.out.println("!!!   " + f));
            throw new IllegalStateException("rollout bench: not every host succeeded");
        }
    }

    // ---- Ansible ----

    /** Seconds {@code ansible-playbook} took for the same rollout on {@code ips}; null when Ansible is missing. */
    private static Double ansible(LoopbackSshd sshd, Path work, Path artifact, List<String> ips) throws Exception {
        Path playbookCommand = Path.of("/usr/bin/ansible-playbook");
        if (!Files.isExecutable(playbookCommand) && !installAnsible()) {
            System.out.println("!!! Ansible comparison NOT RUN: ansible-playbook is missing and could not be "
                    + "installed; install it with: sudo apt-get install -y ansible !!!");
            return null;
        }
        Path dir = Files.createDirectories(work.resolve("ansible"));
        Path knownHosts = sshd.knownHosts(dir.resolve("known_hosts"), ips);
        Path controlDir = Files.createDirectories(dir.resolve("cp"));
        StringBuilder inventory = new StringBuilder("[cameras]\n");
        for (String ip : ips) {
            inventory.append("cam-").append(ip).append(" ansible_host=").append(ip)
                    .append(" ansible_port=").append(sshd.port())
                    .append(" root=").append(sshd.hostsDir().resolve("ansible").resolve(ip)).append('\n');
        }
        inventory.append("""
                [cameras:vars]
                ansible_user=%s
                ansible_ssh_private_key_file=%s
                ansible_python_interpreter=/usr/bin/python3
                """.formatted(sshd.user(), sshd.clientKey()));
        Files.writeString(dir.resolve("inventory.ini"), inventory);
        // Ansible's recommended speed-ups, and host keys checked against the same known_hosts as the console.
        Files.writeString(dir.resolve("ansible.cfg"), """
                [defaults]
                inventory = %1$s/inventory.ini
                forks = 100
                host_key_checking = True
                retry_files_enabled = False
                local_tmp = %1$s/local-tmp
                [ssh_connection]
                pipelining = True
                ssh_args = -o ControlMaster=auto -o ControlPersist=60s -o StrictHostKeyChecking=yes -o UserKnownHostsFile=%2$s -o IdentitiesOnly=yes
                control_path_dir = %3$s
                """.formatted(dir, knownHosts, controlDir));
        Files.writeString(dir.resolve("playbook.yml"), playbook(artifact));

        ProcessBuilder pb = new ProcessBuilder(playbookCommand.toString(), "playbook.yml")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile());
        pb.environment().put("ANSIBLE_CONFIG", dir.resolve("ansible.cfg").toString());
        pb.environment().put("ANSIBLE_NOCOLOR", "1");
        long t0 = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("ansible-playbook did not finish within 30 minutes");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        String out = Files.readString(dir.resolve("out.log"));
        stopControlMasters(controlDir);
        checkAnsible(out, p.exitValue(), ips, sshd.hostsDir().resolve("ansible"));
        return seconds;
    }

    /**
     * The same steps: the release folder, the artifact copied with its checksum checked after the copy (Ansible's
     * {@code copy} supports SHA-1 only), the same install script with the version marker written by it, the same
     * health check. No fact gathering: the console gathers none either, and facts only make Ansible slower.
     */
    private static String playbook(Path artifact) throws Exception {
        String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(artifact)));
        String release = "{{ root }}/releases/" + NAME + "-" + VERSION;
        String marker = "\nprintf '%s\\n' '" + VERSION + "' > \"$r/version\"\n";
        List<Object> tasks = List.of(
                Map.of("name", "release folder", "ansible.builtin.file",
                        Map.of("path", release, "state", "directory")),
                Map.of("name", "artifact", "ansible.builtin.copy",
                        Map.of("src", artifact.toString(), "dest", release + "/artifact", "checksum", sha1)),
                Map.of("name", "install", "ansible.builtin.command",
                        Map.of("argv", List.of("sh", "-c", INSTALL + marker, "camfleet", release + "/artifact"))),
                Map.of("name", "health check", "ansible.builtin.command",
                        Map.of("argv", List.of("sh", "-c", HEALTH, "camfleet", release + "/artifact"))));
        Map<String, Object> play = new LinkedHashMap<>();
        play.put("hosts", "cameras");
        play.put("gather_facts", false);
        play.put("tasks", tasks);
        // JSON is YAML: no quoting of the scripts to get wrong.
        return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(List.of(play));
    }

    private static void checkAnsible(String out, int exit, List<String> ips, Path roots) throws IOException {
        List<String> failures = new ArrayList<>();
        Matcher recap = Pattern.compile("(?m)^(cam-\\S+)\\s*:\\s*ok=(\\d+).*?unreachable=(\\d+)\\s+failed=(\\d+)")
                .matcher(out);
        int hosts = 0;
        while (recap.find()) {
            hosts++;
            if (!recap.group(2).equals("4") || !recap.group(3).equals("0") || !recap.group(4).equals("0")) {
                failures.add(recap.group(0));
            }
        }
        for (String ip : ips) {
            Path marker = roots.resolve(ip).resolve("version");
            if (!Files.isRegularFile(marker) || !Files.readString(marker).equals(VERSION + "\n")) {
                failures.add("cam-" + ip + ": no version marker " + VERSION + " after Ansible");
            }
        }
        if (exit != 0 || hosts != ips.size() || !failures.isEmpty()) {
            System.out.println("!!! ansible-playbook exited " + exit + ", recap for " + hosts + " hosts; failures:");
            failures.stream().limit(20).forEach(f -> System.out.println("!!!   " + f));
            System.out.println(out.lines().skip(Math.max(0, out.lines().count() - 40))
                    .reduce("", (a, b) -> a + "\n" + b));
            throw new IllegalStateException("rollout bench: Ansible did not succeed on every host");
        }
    }

    /** ControlPersist leaves a master per host behind for 60 s: end them now, each by its socket. */
    private static void stopControlMasters(Path controlDir) throws Exception {
        try (Stream<Path> sockets = Files.list(controlDir)) {
            for (Path socket : sockets.toList()) {
                Process p = new ProcessBuilder("ssh", "-o", "ControlPath=" + socket, "-O", "exit", "camfleet-bench")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** {@code apt-get install -y ansible}, with an {@code apt-get update} first if the install alone fails. */
    private static boolean installAnsible() throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            return false;
        }
        Bench.note("rollout: installing Debian's ansible (apt-get install -y ansible)");
        return apt("install", "-y", "ansible") || (apt("update") && apt("install", "-y", "ansible"));
    }

    private static boolean apt(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("apt-get", "-q"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process p = pb.start();
        return p.waitFor(15, TimeUnit.MINUTES) && p.exitValue() == 0;
    }

    // ---- the artifact ----

    /**
     * A release as a camera agent ships: a gzipped tar of a 1 MB binary (random, so it stays 1 MB), its version and
     * the health probe the health check runs.
     */
    private static Path artifact(Path work) throws Exception {
        Path tree = Files.createDirectories(work.resolve("release/bin"));
        byte[] binary = new byte[1 << 20];
        new Random(42).nextBytes(binary);
        Files.write(tree.resolve("agent"), binary);
        Files.writeString(tree.getParent().resolve("VERSION"), VERSION + "\n");
        Path health = tree.resolve("health");
        Files.writeString(health, """
                #!/bin/sh
                here=${0%%/*}
                read -r version < "$here/../VERSION"
                [ "$version" = "%s" ] && [ -s "$here/agent" ] && echo healthy
                """.formatted(VERSION), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(health, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path artifact = work.resolve(NAME + "-" + VERSION + ".tar.gz");
        Process tar = new ProcessBuilder("tar", "-czf", artifact.toString(), "-C", tree.getParent().toString(),
                "bin", "VERSION").redirectErrorStream(true).start();
        String out = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (tar.waitFor() != 0) {
            throw new IllegalStateException("tar failed: " + out);
        }
        return artifact;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            // rm is several times faster than walking 5,000 hosts' folders from Java.
            Process rm = new ProcessBuilder("rm", "-rf", "--", dir.toString()).inheritIO().start();
            if (rm.waitFor() != 0) {
                throw new IllegalStateException("rm -rf " + dir + " failed");
            }
        }
    }
}
