package io.camfleet.console.bench;

import io.camfleet.console.adapter.aws.AwsClients;
import io.camfleet.console.adapter.aws.MotoServer;
import io.camfleet.console.adapter.aws.SsmWaveRunner;
import io.camfleet.console.adapter.files.AuditAnchorFiles;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcAuditTrail;
import io.camfleet.console.adapter.store.JdbcDeploymentJournal;
import io.camfleet.console.adapter.store.JdbcReleaseStore;
import io.camfleet.console.domain.deploy.CanaryApproval;
import io.camfleet.console.domain.deploy.DeploymentState;
import io.camfleet.console.domain.deploy.FailureThreshold;
import io.camfleet.console.domain.deploy.HostCount;
import io.camfleet.console.domain.deploy.MaintenanceWindow;
import io.camfleet.console.domain.deploy.PlanTarget;
import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.domain.deploy.ReleaseKind;
import io.camfleet.console.domain.deploy.Strategy;
import io.camfleet.console.domain.deploy.TargetState;
import io.camfleet.console.domain.deploy.WaveSizing;
import io.camfleet.console.domain.fleet.SlaTier;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.deploy.DeploymentService;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.service.deploy.Pacer;
import io.camfleet.console.service.deploy.Rollout;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.deploy.TargetRecord;
import io.camfleet.console.service.environments.Environment;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.ssm.model.Command;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code rollout-ssm}: a release rolled out over SSM Run Command to 2,000 cameras against a moto_server started on a
 * free loopback port, on the product's path: {@link DeploymentService#launch} (checks, audit, the H2 journal, durable
 * commits), {@link Rollout} with {@link SsmWaveRunner} on the console's {@link AwsClients}, the real {@link Pacer}.
 * The artifact is put in moto's S3 first, where the cameras' script would fetch it. Two plans: one wave of 2,000
 * (concurrency 200, threshold 5 %), then waves of 10 % (10 of 200).
 *
 * <p>Every call the SDK sends is counted per operation by an {@link ExecutionInterceptor} on the clients (retries
 * included: they are what a rate limit counts). The console's CPU is this process's CPU time during the rollout; moto
 * is another process, whose CPU is shown apart. moto runs no script: each invocation it creates is Success at once,
 * for any instance id, so the figures are the console's own cost and the API round trips, not a camera's install.
 * Targets: console CPU of the 2,000-camera wave at most 2 s; every target SUCCEEDED in the journal; every camera in
 * exactly one command.
 */
public final class SsmRolloutBench {

    private static final int CAMERAS = 2_000;
    private static final int CONCURRENCY = 200;
    private static final String THRESHOLD = "5%";
    private static final String BUCKET = "camfleet-releases";
    private static final String KEY = "camos-agent/6.5.0.tar.gz";

    private SsmRolloutBench() {
    }

    /** Counts each HTTP attempt the SDK makes, by operation. */
    private static final class CallCounter implements ExecutionInterceptor {
        private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            String op = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + ":"
                    + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
            calls.computeIfAbsent(op, k -> new LongAdder()).increment();
        }

        Map<String, Long> snapshotAndReset() {
            Map<String, Long> out = new TreeMap<>();
            calls.forEach((op, n) -> out.put(op, n.sumThenReset()));
            out.values().removeIf(n -> n == 0);
            return out;
        }
    }

    /** What one rollout came to. */
    private record Run(int cameras, int waves, double wallSeconds, double consoleCpuSeconds, double motoCpuSeconds,
                       Map<String, Long> calls, int commands) {
        long total() {
            return calls.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public static void run() throws Exception {
        if (!MotoServer.installed()) {
            System.out.println("!!! rollout-ssm bench NOT RUN: moto_server (the AWS emulator) is not installed; "
                    + "install it with " + MotoServer.INSTALL + " !!!");
            throw new IllegalStateException("moto_server missing");
        }
        Path work = Files.createTempDirectory("camfleet-rollout-ssm");
        MotoServer moto = new MotoServer();
        CallCounter counter = new CallCounter();
        LongAdder throttled = new LongAdder();
        try {
            moto.start();
            Environment env = moto.environment("prod-eu", "moto-a", "eu-west-1");
            try (AwsClients clients = new AwsClients(moto::profiles, op -> throttled.increment(),
                    List.of(counter))) {
                Release release = releaseInS3(clients, env, work);
                counter.snapshotAndReset();
                Bench.note("rollout-ssm: moto_server at " + moto.endpoint() + "; artifact s3://" + BUCKET + "/" + KEY
                        + "; concurrency " + CONCURRENCY + ", threshold " + THRESHOLD + "; H2 journal, durable");
                // A first rollout of the same size loads and compiles what the timed ones use (the console is
                // long-running); shown as what the first rollout after a start costs.
                Run warmup = rollout(moto, clients, env, counter, release, work, "warmup", CAMERAS, 100,
                        CacheDatabase.Durability.DURABLE);
                Bench.report("rollout-ssm", "warmup" + CAMERAS + ".wall", warmup.wallSeconds(), "s");
                Bench.report("rollout-ssm", "warmup" + CAMERAS + ".consoleCpu", warmup.consoleCpuSeconds(), "s");
                report("oneWave" + CAMERAS, rollout(moto, clients, env, counter, release, work, "one", CAMERAS,
                        100, CacheDatabase.Durability.DURABLE));
                // What the durable journal costs: the same wave with H2's delayed, unsynced commits.
                Run delayed = rollout(moto, clients, env, counter, release, work, "delayed", CAMERAS, 100,
                        CacheDatabase.Durability.DELAYED);
                Bench.report("rollout-ssm", "oneWave" + CAMERAS + ".delayedJournal.wall", delayed.wallSeconds(),
                        "s");
                Bench.report("rollout-ssm", "oneWave" + CAMERAS + ".delayedJournal.consoleCpu",
                        delayed.consoleCpuSeconds(), "s");
                report("waves10x" + CAMERAS / 10, rollout(moto, clients, env, counter, release, work, "tenths",
                        CAMERAS, 10, CacheDatabase.Durability.DURABLE));
            }
            Bench.report("rollout-ssm", "throttledCalls", throttled.sum(), "calls");
        } finally {
            moto.stop();
            deleteTree(work);
        }
    }

    private static void report(String key, Run r) {
        Bench.report("rollout-ssm", key + ".waves", r.waves(), "waves");
        Bench.report("rollout-ssm", key + ".commandsSent", r.commands(), "commands");
        r.calls().forEach((op, n) -> Bench.report("rollout-ssm", key + ".calls." + op, n, "calls"));
        Bench.report("rollout-ssm", key + ".calls", r.total(), "calls");
        Bench.report("rollout-ssm", key + ".wall", r.wallSeconds(), "s");
        Bench.report("rollout-ssm", key + ".consoleCpu", r.consoleCpuSeconds(), "s");
        Bench.report("rollout-ssm", key + ".consoleCpuPerCamera", 1000 * r.consoleCpuSeconds() / r.cameras(), "ms");
        Bench.report("rollout-ssm", key + ".motoCpu", r.motoCpuSeconds(), "s");
    }

    /** A 1 MB artifact put in moto's S3, and the release that names it there with its SHA-256. */
    private static Release releaseInS3(AwsClients clients, Environment env, Path work) throws Exception {
        byte[] bytes = new byte[1 << 20];
        new Random(42).nextBytes(bytes);
        Path artifact = Files.write(work.resolve("artifact.tar.gz"), bytes);
        clients.s3(env).createBucket(b -> b.bucket(BUCKET).createBucketConfiguration(c -> c
                .locationConstraint(env.region())));
        clients.s3(env).putObject(b -> b.bucket(BUCKET).key(KEY), RequestBody.fromFile(artifact));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        return new Release("camos-agent", "6.5.0", ReleaseKind.RELEASE, "s3://" + BUCKET + "/" + KEY, sha,
                "./install.sh \"$1\"", "systemctl is-active camos-agent", "./rollback.sh");
    }

    /**
     * One deployment of {@code n} hybrid managed instances ({@code mi-...}: moto takes any id) in waves of
     * {@code wavePercent} %, launched and run as the window and the CLI do, in a fresh data folder.
     */
    private static Run rollout(MotoServer moto, AwsClients clients, Environment env, CallCounter counter,
                               Release release, Path work, String name, int n, int wavePercent,
                               CacheDatabase.Durability durability) throws Exception {
        Map<String, Rollout.Placement> placements = new LinkedHashMap<>();
        List<PlanTarget> plan = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String site = String.format("prod-eu/site-%03d", i / 20);
            Target t = new Target(String.format("prod-eu/%s-cam-%04d", name, i), site, "", "",
                    String.format("mi-%017x", 0xca0000L + i));
            placements.put(t.cameraId(), new Rollout.Placement(t, MaintenanceWindow.ALWAYS_OPEN, ZoneOffset.UTC));
            plan.add(new PlanTarget(t.cameraId(), site, "Acme", SlaTier.GOLD, "Site " + i / 20));
        }
        Strategy strategy = new Strategy(HostCount.NONE, CanaryApproval.CONTINUE_WHEN_HEALTHY,
                new WaveSizing.EachOf(HostCount.percent(wavePercent)), CONCURRENCY, FailureThreshold.parse(THRESHOLD),
                Duration.ZERO);
        Path data = work.resolve("data-" + name);
        try (CacheDatabase db = CacheDatabase.open(data, Clock.systemUTC(), durability)) {
            JdbcDeploymentJournal journal = new JdbcDeploymentJournal(db.dataSource(), Clock.systemUTC());
            DeploymentService service = new DeploymentService(journal,
                    new JdbcReleaseStore(db.dataSource(), Clock.systemUTC()),
                    r -> {
                        throw new IllegalStateException("SSM reads no artifact on this machine");
                    },
                    new AuditService(new JdbcAuditTrail(db.dataSource()), new AuditAnchorFiles(data),
                            new Operator("bench", ""), Clock.systemUTC()),
                    Clock.systemUTC(), Pacer.REAL);
            SsmWaveRunner runner = new SsmWaveRunner(clients, t -> Optional.of(env), "/var/lib/camfleet",
                    Duration.ofMinutes(30), Clock.systemUTC());
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            counter.snapshotAndReset();
            Bench.note("rollout-ssm: " + name + ", " + n + " cameras in waves of " + wavePercent + " %, journal "
                    + durability + ", starts at " + java.time.LocalTime.now());
            double moto0 = moto.cpuSeconds();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            Rollout rollout = service.launch(release, strategy, plan, placements, ExecutorKind.SSM, runner, r -> { });
            rollout.run();
            long t1 = System.nanoTime();
            long cpu1 = os.getProcessCpuTime();
            double motoCpu = moto.cpuSeconds() - moto0;
            Map<String, Long> calls = counter.snapshotAndReset();
            int waves = rollout.targets().isEmpty() ? 0 : (int) journal.targets(rollout.id()).stream()
                    .mapToInt(TargetRecord::wave).distinct().count();
            int commands = check(rollout, journal, clients, env, placements);
            counter.snapshotAndReset(); // the check's own calls are not the rollout's
            return new Run(n, waves, (t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, motoCpu, calls, commands);
        }
    }

    /**
     * Every target SUCCEEDED in the journal, and each camera's node is in exactly one of the deployment's commands
     * in moto (none sent twice); else it fails. Returns how many commands the deployment sent.
     */
    private static int check(Rollout rollout, JdbcDeploymentJournal journal, AwsClients clients, Environment env,
                             Map<String, Rollout.Placement> placements) {
        List<String> failures = new ArrayList<>();
        List<TargetRecord> records = journal.targets(rollout.id());
        if (records.size() != placements.size()) {
            failures.add("the journal has " + records.size() + " targets, not " + placements.size());
        }
        records.stream().filter(t -> t.state() != TargetState.SUCCEEDED)
                .forEach(t -> failures.add(t.target().cameraId() + " " + t.state() + ": " + t.detail()));
        String prefix = "camfleet deployment " + rollout.id() + " ";
        List<Command> commands = clients.ssm(env).listCommandsPaginator(r -> r.maxResults(50)).commands().stream()
                .filter(c -> c.comment() != null && c.comment().startsWith(prefix)).toList();
        Set<String> nodes = new HashSet<>();
        for (Command c : commands) {
            for (String node : c.instanceIds()) {
                if (!nodes.add(node)) {
                    failures.add(node + " is in more than one command");
                }
            }
        }
        if (nodes.size() != placements.size()) {
            failures.add(nodes.size() + " nodes in the commands, not " + placements.size());
        }
        if (!failures.isEmpty() || rollout.state() != DeploymentState.SUCCEEDED) {
            System.out.println("!!! SSM rollout to " + placements.size() + " cameras ended " + rollout.state()
                    + " with " + failures.size() + " failures; the first ones:");
            failures.stream().limit(20).forEach(f -> System.out.println("!!!   " + f));
            throw new IllegalStateException("rollout-ssm bench: not every camera succeeded exactly once");
        }
        return commands.size();
    }

    private static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            Process rm = new ProcessBuilder("rm", "-rf", "--", dir.toString()).inheritIO().start();
            if (rm.waitFor() != 0) {
                throw new IllegalStateException("rm -rf " + dir + " failed");
            }
        }
    }
}
