package io.camfleet.console.app;

import io.camfleet.console.app.features.SettingsFile;
import io.camfleet.console.adapter.aws.AwsClients;
import io.camfleet.console.adapter.aws.AwsEnvironmentReader;
import io.camfleet.console.adapter.aws.SsmCameraShell;
import io.camfleet.console.adapter.aws.SsmWaveRunner;
import io.camfleet.console.adapter.files.DataFolder;
import io.camfleet.console.adapter.files.FleetLock;
import io.camfleet.console.adapter.files.ReleaseFile;
import io.camfleet.console.adapter.files.SiteRegistryFile;
import io.camfleet.console.adapter.geo.NaturalEarthBasemap;
import io.camfleet.console.adapter.sim.DemoFleetSource;
import io.camfleet.console.adapter.sim.DemoCameraFiles;
import io.camfleet.console.adapter.sim.DemoCameraHosts;
import io.camfleet.console.adapter.sim.DemoTargetRunner;
import io.camfleet.console.adapter.os.UserTerminal;
import io.camfleet.console.adapter.ssh.SshLogin;
import io.camfleet.console.adapter.ssh.SshSettings;
import io.camfleet.console.adapter.ssh.SshjHostConnector;
import io.camfleet.console.service.store.FleetStore;
import io.camfleet.console.app.features.AlertRoutesFeature;
import io.camfleet.console.app.features.AlertsFeature;
import io.camfleet.console.app.features.ComplianceReportsFeature;
import io.camfleet.console.app.features.ReportsFeature;
import io.camfleet.console.app.features.SalesReportsFeature;
import io.camfleet.console.app.features.TerraformFeature;
import io.camfleet.console.app.features.CostFeature;
import io.camfleet.console.app.features.EstateFeature;
import io.camfleet.console.app.features.DevicesFeature;
import io.camfleet.console.app.features.AuditFeature;
import io.camfleet.console.app.features.AvailabilityFeature;
import io.camfleet.console.app.features.DeploymentsFeature;
import io.camfleet.console.app.features.KpiFeature;
import io.camfleet.console.app.features.Feature;
import io.camfleet.console.app.features.FleetFeature;
import io.camfleet.console.app.features.ImagesFeature;
import io.camfleet.console.app.features.ImagesFeature;
import io.camfleet.console.app.features.MapFeature;
import io.camfleet.console.app.features.SettingsFeature;
import io.camfleet.console.app.features.SupportFeature;
import io.camfleet.console.app.features.BackupsFeature;
import io.camfleet.console.app.features.FindingsFeature;
import io.camfleet.console.cli.ConsoleBackend;
import io.camfleet.console.cli.LaunchOptions;
import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.environments.EnvironmentReader;
import io.camfleet.console.service.environments.EnvironmentSync;
import io.camfleet.console.service.environments.EnvironmentsFleetSource;
import io.camfleet.console.service.fleet.FleetSnapshot;
import io.camfleet.console.service.fleet.FleetSource;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.environments.MetricNames;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.settings.Settings;
import io.camfleet.console.service.settings.SettingsStore;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.common.Progress;
import io.camfleet.console.service.environments.SourceSettings;
import io.camfleet.console.service.environments.SyncSink;
import io.camfleet.console.service.deploy.SshTargetRunner;
import io.camfleet.console.service.diagnostics.CameraShell;
import io.camfleet.console.service.diagnostics.SshCameraShell;
import io.camfleet.console.service.deploy.DeploySettings;
import io.camfleet.console.service.deploy.DeploymentExecutor;
import io.camfleet.console.service.deploy.ExecutorKind;
import io.camfleet.console.service.deploy.HostConnector;
import io.camfleet.console.service.diagnostics.TerminalOpener;
import io.camfleet.console.service.map.BasemapSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.profiles.ProfileFile;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/** The composition root: everything the commands and the window use is built here, and only here. */
final class ConsoleRuntime implements ConsoleBackend {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleRuntime.class);

    private final Clock clock;
    private final Map<String, String> env;
    private final String userHome;
    private final Operator operator;
    private final Messages messages;
    private final BasemapSource basemaps = new NaturalEarthBasemap();
    private final EnvironmentReader environments;
    private AwsClients awsClients;
    private List<ExecutionInterceptor> awsInterceptors = List.of();
    private volatile Consumer<Path> cacheMovedAside = aside -> { };
    private volatile Consumer<Problem> settingsUnreadable = problem -> { };
    /** What was said about the settings already: a command reads them more than once. */
    private final java.util.Set<String> settingsTold = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The demo cameras' files, kept for the life of the process: a restored config is there when read again. */
    private final DemoCameraFiles demoFiles = new DemoCameraFiles(DemoFleetSource.DEFAULT_SEED);

    ConsoleRuntime(Clock clock, Map<String, String> env, String userHome, Operator operator, Messages messages) {
        this.clock = clock;
        this.env = env;
        this.userHome = userHome;
        this.operator = operator;
        this.messages = messages;
        this.environments = new OnFirstUse(() -> environments(MetricNames.DEFAULT));
    }

    Path chooseFolder(Path option) {
        return DataFolder.choose(option, env, userHome);
    }

    @Override
    public int openWindow(LaunchOptions options) {
        return new DesktopConsole(this, options).run();
    }

    @Override
    public Session open(Path dataDir) {
        FleetSource demo = demoFleet(DemoFleetSource.DEFAULT_SITES, DemoFleetSource.DEFAULT_SEED);
        return openServices(chooseFolder(dataDir), demo);
    }

    @Override
    public Session openKeeping(Path dataDir) {
        FleetSource demo = demoFleet(DemoFleetSource.DEFAULT_SITES, DemoFleetSource.DEFAULT_SEED);
        return openKeeping(chooseFolder(dataDir), cache -> demo);
    }

    @Override
    public Release release(Path file) {
        return ReleaseFile.read(file);
    }

    @Override
    public Session openConfigured(Path dataDir) {
        Path folder = chooseFolder(dataDir);
        SourceSettings settings = readSettings(folder).get(SourceSettings.SECTION);
        return openServices(folder, source(settings, DemoFleetSource.DEFAULT_SITES, DemoFleetSource.DEFAULT_SEED));
    }

    @Override
    public DeploymentExecutor runner(ExecutorKind executor, Path folder, FleetSnapshot fleet, String sshUser) {
        return switch (executor) {
            case DEMO -> {
                Map<String, String> versions = new java.util.HashMap<>();
                fleet.inventory().profiles().forEach(p -> p.cameras()
                        .forEach(c -> versions.put(c.id(), c.softwareVersion())));
                yield new DemoTargetRunner(versions, DemoFleetSource.DEFAULT_SEED, DEMO_PACE);
            }
            case SSH -> new SshTargetRunner(sshConnector(), sshUser, installRoot(), Duration.ofMinutes(10));
            case SSM -> {
                yield new SsmWaveRunner(awsClients(), environmentOf(folder, fleet), SSH_INSTALL_ROOT,
                        SSM_SCRIPT_TIMEOUT, clock, readSettings(folder).get(DeploySettings.SECTION).ssmTagTargets());
            }
        };
    }

    @Override
    public CameraShell shell(ExecutorKind executor, Path folder, FleetSnapshot fleet, String sshUser) {
        return switch (executor) {
            case DEMO -> new DemoCameraHosts(fleet, demoFiles, 1);
            case SSH -> new SshCameraShell(sshConnector(), sshUser, DIAG_PARALLEL);
            case SSM -> new SsmCameraShell(awsClients(), environmentOf(folder, fleet), Duration.ofSeconds(2),
                    Duration.ofMinutes(1));
        };
    }

    /** How many cameras a runbook runs on at once over SSH. */
    static final int DIAG_PARALLEL = 16;

    @Override
    public HostConnector connector(ExecutorKind executor, Path folder, FleetSnapshot fleet, String sshUser) {
        return switch (executor) {
            case DEMO -> new DemoCameraHosts(fleet, demoFiles, 1); // a few hundred ms a command, as a camera takes
            case SSH -> sshConnector();
            case SSM -> throw Problem.badInput("diagnostics.needsSsh");
        };
    }

    /** The user's own keys (~/.ssh/id_*), agent and known_hosts, as OpenSSH would use them. */
    private SshjHostConnector sshConnector() {
        Path ssh = Path.of(userHome, ".ssh");
        List<Path> keys = java.util.stream.Stream.of("id_ed25519", "id_ecdsa", "id_rsa").map(ssh::resolve)
                .filter(Files::isReadable).toList();
        return new SshjHostConnector(new SshSettings(ssh.resolve("known_hosts"), keys, SshSettings.agentSocket(env),
                Duration.ofSeconds(10), Duration.ofSeconds(15)));
    }

    /** Each camera is reached over SSM in the AWS environment its site was synced from. */
    private Function<io.camfleet.console.service.deploy.Target, Optional<Environment>> environmentOf(Path folder,
            FleetSnapshot fleet) {
        Map<String, Environment> byLabel = new java.util.HashMap<>();
        readSettings(folder).get(SourceSettings.SECTION).environments().forEach(e -> byLabel.put(e.label(), e));
        Map<String, String> siteEnvironment = new java.util.HashMap<>();
        fleet.sites().forEach(s -> siteEnvironment.put(s.site().id(), s.site().environment()));
        return t -> Optional.ofNullable(byLabel.get(siteEnvironment.getOrDefault(t.siteId(), "")));
    }

    @Override
    public TerminalOpener terminal() {
        return new UserTerminal(env, System.getProperty("os.name", ""), SshLogin::argv);
    }

    @Override
    public Path detach(List<String> args, Path dataDir, String log) {
        Path file = chooseFolder(dataDir).resolve(log);
        List<String> command = new java.util.ArrayList<>();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(java)) {
            command.add(java.toString());
            command.addAll(DetachedCommand.jvmOptions(ManagementFactory.getRuntimeMXBean().getInputArguments(), env,
                    userHome));
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        } else { // the installer's launcher: its runtime has no java command, the launcher is camfleet itself and
            // gives the child the JVM options it was built with
            command.add(ProcessHandle.current().info().command()
                    .orElseThrow(() -> new Problem("deploy.detachFailed", "this process has no command")));
        }
        command.addAll(args);
        try {
            Files.createDirectories(file.getParent());
            ProcessBuilder child = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(file.toFile()));
            // the runtime's environment, whole: it, not this process's, says where keys, known_hosts and roots are
            child.environment().clear();
            child.environment().putAll(env);
            Process p = child.start();
            p.getOutputStream().close();
            return file;
        } catch (java.io.IOException e) {
            throw new Problem(e, "deploy.detachFailed", e.getMessage());
        }
    }

    /** Where cameras keep releases and their version marker (over SSH and SSM alike). */
    static final String SSH_INSTALL_ROOT = "/var/lib/camfleet";

    /**
     * The install root on each camera: {@link #SSH_INSTALL_ROOT}, or {@code CAMFLEET_SSH_ROOT} where {@code {host}}
     * stands for the camera's host — for a lab where many "cameras" are addresses of one machine.
     */
    private java.util.function.Function<io.camfleet.console.service.deploy.Target, String> installRoot() {
        String template = env.getOrDefault("CAMFLEET_SSH_ROOT", SSH_INSTALL_ROOT);
        return t -> template.replace("{host}", io.camfleet.console.adapter.ssh.HostAddress.parse(t.address()).host());
    }
    /** How long the SSM script (download, install, health check, rollback) may run on one camera. */
    static final Duration SSM_SCRIPT_TIMEOUT = Duration.ofMinutes(30);
    /** Demo rollouts take a fifth of the simulated step times: a few hundred ms a camera. */
    static final double DEMO_PACE = 0.2;

    @Override
    public Session open(Path dataDir, FleetSource source) {
        return openKeeping(chooseFolder(dataDir), cache -> source);
    }

    ConsoleServices openServices(Path folder, FleetSource source) {
        return openServices(folder, cache -> source);
    }

    ConsoleServices openServices(Path folder, Function<FleetStore, FleetSource> source) {
        ConsoleServices opened = ConsoleServices.open(folder, clock, source, operator, features());
        opened.recoveredCache().ifPresent(cacheMovedAside);
        return opened;
    }

    /**
     * Opens the folder as the keeper of its fleet (the window, a sync, an import): one at a time.
     *
     * @throws Problem {@code problem.cacheAlreadyOpen} when another window, sync or import keeps it
     */
    ConsoleServices openKeeping(Path folder, Function<FleetStore, FleetSource> source) {
        FleetLock lock = FleetLock.take(folder);
        try {
            return openServices(folder, source).keeping(lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    @Override
    public <T> Optional<T> asFleetKeeper(Path dataDir, Supplier<T> work) {
        Optional<FleetLock> lock = FleetLock.tryTake(chooseFolder(dataDir));
        if (lock.isEmpty()) {
            return Optional.empty();
        }
        try (FleetLock held = lock.get()) {
            return Optional.of(work.get());
        }
    }

    /**
     * The console's capabilities, in the order the navigation lists their screens. A new capability is a new
     * {@link Feature} and one line here.
     *
     * @param sources      builds the fleet source Settings name, over the cache; called off the FX thread
     * @param environments what Settings asks about AWS environments; called off the FX thread
     */
    List<Feature> features(Function<SourceSettings, Function<FleetStore, FleetSource>> sources,
                           EnvironmentReader environments) {
        return List.of(new MapFeature(basemaps), new FleetFeature(sources), new AvailabilityFeature(),
                new DeploymentsFeature(this, basemaps), new AuditFeature(), new AlertsFeature(),
                new AlertRoutesFeature(env, messages), new KpiFeature(), new DevicesFeature(),
                new SupportFeature(env, this), new BackupsFeature(this::awsClients, messages),
                new ImagesFeature(this::awsClients), new FindingsFeature(this::awsClients),
                new TerraformFeature(this::awsClients),
                new CostFeature(this::awsClients), new EstateFeature(), new SalesReportsFeature(),
                new ComplianceReportsFeature(), new ReportsFeature(), new SettingsFeature(environments));
    }

    /** The features with the demo fleet's defaults: what an open data folder and the commands are made of. */
    private List<Feature> features() {
        return features(settings -> source(settings, DemoFleetSource.DEFAULT_SITES, DemoFleetSource.DEFAULT_SEED),
                environments);
    }

    @Override
    public List<Object> commands(Messages messages) {
        return features().stream().flatMap(f -> f.commands(messages).stream()).toList();
    }

    @Override
    public void onCacheMovedAside(Consumer<Path> notice) {
        cacheMovedAside = notice;
    }

    /**
     * The fleet source Settings name, built over the cache (an AWS sync writes it itself). A choice that cannot be
     * used (AWS without an environment, an import without a file) is the demo fleet, with a warning in the log.
     */
    Function<FleetStore, FleetSource> source(SourceSettings settings, int demoSites, long seed) {
        return switch (settings.kind()) {
            case AWS -> settings.environments().isEmpty()
                    ? demo("AWS without an environment", demoSites, seed)
                    : cache -> environmentsSource(settings.environments(),
                            settings.environments().stream().map(Environment::label).toList(), settings.metrics(),
                            false, cache);
            case IMPORT -> settings.importFile().isBlank()
                    ? demo("an import without a file", demoSites, seed)
                    : cache -> importedFleet(Path.of(settings.importFile()));
            case DEMO -> cache -> demoFleet(demoSites, seed);
        };
    }

    private Function<FleetStore, FleetSource> demo(String why, int sites, long seed) {
        LOG.warn("Settings name {}; using the demo fleet", why);
        return cache -> demoFleet(sites, seed);
    }

    private EnvironmentsFleetSource environmentsSource(List<Environment> environments, Collection<String> toSync,
                                                       MetricNames metrics, boolean full, FleetStore cache) {
        EnvironmentsFleetSource source = new EnvironmentsFleetSource(environments, toSync,
                new EnvironmentSync(environments(metrics), cache, clock), cache);
        if (full) {
            source.fullSyncNext();
        }
        return source;
    }

    /** The data folder on AWS environments, synced through the one set of AWS clients of this console. */
    @Override
    public Session openEnvironments(Path dataDir, SourceSettings source, Collection<String> toSync, boolean full) {
        return openKeeping(chooseFolder(dataDir), cache -> environmentsSource(source.environments(), toSync,
                source.metrics(), full, cache));
    }

    @Override
    public SettingsStore settings(Path dataDir) {
        return SettingsFile.in(chooseFolder(dataDir));
    }

    /**
     * The settings of {@code folder} as they are now, for a command that goes on with the defaults of what cannot be
     * read, and says so once through {@link #onSettingsUnreadable}.
     */
    private Settings readSettings(Path folder) {
        Settings settings = SettingsFile.in(folder).read();
        settings.problems().forEach(p -> {
            if (settingsTold.add(p.getMessage())) {
                settingsUnreadable.accept(p);
            }
        });
        return settings;
    }

    @Override
    public void onSettingsUnreadable(Consumer<Problem> notice) {
        settingsUnreadable = notice;
    }

    /**
     * Reads AWS environments through clients built once for this console (building them costs seconds), with
     * credentials from the SDK's default chain and the user's own AWS config.
     */
    synchronized EnvironmentReader environments(MetricNames metrics) {
        return new AwsEnvironmentReader(awsClients(), metrics, clock);
    }

    private synchronized AwsClients awsClients() {
        if (awsClients == null) {
            awsClients = new AwsClients(this::awsProfiles, op -> LOG.info("AWS throttled {}", op), awsInterceptors);
        }
        return awsClients;
    }

    /**
     * Only for tests against an emulator that needs requests adapted; before the first AWS use.
     */
    synchronized void interceptAws(List<ExecutionInterceptor> interceptors) {
        awsInterceptors = List.copyOf(interceptors);
    }

    /**
     * The user's AWS config and credentials files, where the AWS CLI looks for them: {@code AWS_CONFIG_FILE} and
     * {@code AWS_SHARED_CREDENTIALS_FILE}, else {@code ~/.aws/config} and {@code ~/.aws/credentials}.
     */
    ProfileFile awsProfiles() {
        ProfileFile.Aggregator files = ProfileFile.aggregator();
        Path config = Path.of(env.getOrDefault("AWS_CONFIG_FILE", Path.of(userHome, ".aws", "config").toString()));
        Path credentials = Path.of(env.getOrDefault("AWS_SHARED_CREDENTIALS_FILE",
                Path.of(userHome, ".aws", "credentials").toString()));
        if (Files.isReadable(config)) {
            files.addFile(ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build());
        }
        if (Files.isReadable(credentials)) {
            files.addFile(ProfileFile.builder().content(credentials).type(ProfileFile.Type.CREDENTIALS).build());
        }
        return files.build();
    }

    @Override
    public FleetSource demoFleet(int sites, long seed) {
        return new DemoFleetSource(sites, seed);
    }

    @Override
    public FleetSource importedFleet(Path file) {
        return new SiteRegistryFile(file);
    }

    @Override
    public Clock clock() {
        return clock;
    }

    BasemapSource basemaps() {
        return basemaps;
    }

    Messages messages() {
        return messages;
    }

    /**
     * What the console asks AWS about environments (profiles, who it is there). One for the whole run; the SDK
     * behind it is loaded on the first question, which comes off the FX thread, not while the first window opens.
     */
    @Override
    public EnvironmentReader environments() {
        return environments;
    }

    /** An environment reader built on its first use, once. */
    private static final class OnFirstUse implements EnvironmentReader {
        private final Supplier<EnvironmentReader> build;
        private EnvironmentReader built;

        OnFirstUse(Supplier<EnvironmentReader> build) {
            this.build = build;
        }

        private synchronized EnvironmentReader reader() {
            if (built == null) {
                built = build.get();
            }
            return built;
        }

        @Override
        public void read(Environment environment, SyncSink sink, Progress progress) {
            reader().read(environment, sink, progress);
        }

        @Override
        public CallerIdentity identity(Environment environment) {
            return reader().identity(environment);
        }

        @Override
        public List<AwsProfile> profiles() {
            return reader().profiles();
        }
    }

    Operator operator() {
        return operator;
    }
}
