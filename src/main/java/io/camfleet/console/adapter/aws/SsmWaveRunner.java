package io.camfleet.console.adapter.aws;

import io.camfleet.console.domain.deploy.Release;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.deploy.Target;
import io.camfleet.console.service.deploy.WaveRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Command;
import software.amazon.awssdk.services.ssm.model.CommandFilter;
import software.amazon.awssdk.services.ssm.model.CommandFilterKey;
import software.amazon.awssdk.services.ssm.model.CommandInvocation;
import software.amazon.awssdk.services.ssm.model.CommandPlugin;
import software.amazon.awssdk.services.ssm.model.CommandStatus;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;
import software.amazon.awssdk.services.ssm.model.ListCommandInvocationsResponse;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Deployments over SSM Run Command: each wave is one {@code AWS-RunShellScript} command ({@link SsmScript}) to the
 * wave's managed nodes, or, above the 50 ids one command takes, parts of at most 50 that the rollout sends at once
 * within the plan's concurrency. Each runs at most its share of that concurrency at once, stopping after the failures
 * the plan still tolerates ({@code MaxErrors}, "more than" like the plan's threshold), and carries
 * {@code camfleet deployment <id> wave <n>} (then {@code part <k>} for the parts after the first) as its
 * {@code Comment}: SendCommand has no idempotency token, so that comment is how a command sent just before a crash is
 * found again instead of being sent twice.
 *
 * <p>SendCommand itself is never retried on an answer that leaves open whether SSM took it (a 5xx, a timeout, a
 * dropped connection): the command is looked up by its comment instead. Only throttling, which SSM answers before
 * doing anything, is retried.
 *
 * <p>A wave of more than 50 EC2 instances ({@code i-...}) is ONE command instead, targeted by a tag
 * ({@code Targets} = {@code tag:camfleet-wave} = {@code <deployment>-w<wave>}, {@link Ec2WaveTags}) that
 * {@link #prepare} sets on exactly the instances about to be sent, and {@link #waveEnded} removes. When the tag cannot
 * be set, the wave falls back to parts of 50 ids ({@link WaveRunner#parts(List, WaveRunner)}). Hybrid managed nodes
 * ({@code mi-...}), waves mixing both, and all waves when tag targets are turned off go as parts of 50 ids.
 *
 * <p>Progress is polled with {@code ListCommandInvocations}, one call per 50 cameras; where SSM lacks it (moto_server),
 * with {@code ListCommands} and one {@code GetCommandInvocation} per camera still under way. A throttled poll is
 * {@link WaveRunner.Throttled}: the rollout then polls less often.
 */
public final class SsmWaveRunner implements WaveRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SsmWaveRunner.class);

    static final String DOCUMENT = "AWS-RunShellScript";
    /** SendCommand takes at most 50 instance ids. */
    static final int MOST_PER_COMMAND = 50;
    /** ListCommandInvocations returns at most 50 invocations a call. */
    static final int INVOCATIONS_PER_PAGE = 50;
    /** How SSM separates a plugin's standard error from its standard output in a listed invocation. */
    static final String STANDARD_ERROR_FOLLOWS = "----------ERROR-------";
    /** SSM lists the commands of the last 30 days; older ones cannot be told from none. A day less for clocks. */
    private static final Duration HISTORY = Duration.ofDays(29);
    /** The console's clock and AWS's may differ: commands are looked for from a little before the deployment. */
    private static final Duration CLOCK_SLACK = Duration.ofHours(1);
    /** SendCommand's TimeoutSeconds: between 30 s and 30 days. */
    private static final long LONGEST_DELIVERY = Duration.ofDays(30).toSeconds();
    /** SendCommand is retried only when throttled: SSM then did nothing. Anything else is looked up, not resent. */
    static final SdkPlugin RETRY_ONLY_THROTTLING = config -> {
        RetryStrategy onlyThrottling = DefaultRetryStrategy.standardStrategyBuilder()
                .retryOnException(SsmWaveRunner::throttled)
                .treatAsThrottling(SsmWaveRunner::throttled)
                .useClientDefaults(false)
                .build();
        config.overrideConfiguration(config.overrideConfiguration().toBuilder().retryStrategy(onlyThrottling)
                .build());
    };

    private final AwsClients clients;
    private final Function<Target, Optional<Environment>> environmentOf;
    private final String installRoot;
    private final Duration executionTimeout;
    private final Clock clock;
    private final boolean tagTargets;
    private final Ec2WaveTags tags;
    private final Messages words = new Messages(Locale.ROOT);
    /** The environments whose SSM has no ListCommandInvocations (moto_server), found at the first poll. */
    private final Set<Environment> noInvocationListing = ConcurrentHashMap.newKeySet();

    /**
     * @param environmentOf    the AWS environment (account, region, profile) of each camera
     * @param installRoot      where cameras keep releases and their version marker ({@code /var/lib/camfleet})
     * @param executionTimeout how long the script may run on one camera before SSM stops it
     */
    public SsmWaveRunner(AwsClients clients, Function<Target, Optional<Environment>> environmentOf,
                         String installRoot, Duration executionTimeout, Clock clock) {
        this(clients, environmentOf, installRoot, executionTimeout, clock, true);
    }

    /** @param tagTargets whether a wave of more than 50 EC2 instances may be one command targeted by a tag */
    public SsmWaveRunner(AwsClients clients, Function<Target, Optional<Environment>> environmentOf,
                         String installRoot, Duration executionTimeout, Clock clock, boolean tagTargets) {
        this.tagTargets = tagTargets;
        this.tags = new Ec2WaveTags(clients);
        this.clients = clients;
        this.environmentOf = environmentOf;
        this.installRoot = installRoot;
        this.executionTimeout = executionTimeout;
        this.clock = clock;
    }

    /** What a wave's command carries: exact, so that it can be matched and read back. At most 100 characters. */
    static String comment(String deploymentId, int wave) {
        return "camfleet deployment " + deploymentId + " wave " + wave;
    }

    /**
     * What the command of a wave's part carries. Part 0 carries the wave's comment alone, as a wave of one command
     * always has, so that commands sent before waves were split are found again.
     */
    static String comment(String deploymentId, int wave, int part) {
        return part == 0 ? comment(deploymentId, wave) : comment(deploymentId, wave) + " part " + part;
    }

    @Override
    public int mostPerCommand() {
        return MOST_PER_COMMAND;
    }

    /** The whole wave in one command when it is more than 50 EC2 instances and tag targets are on. */
    @Override
    public int mostPerCommand(List<Target> wave) {
        List<String> nodes = wave.stream().map(Target::ssmNodeId).filter(n -> !n.isBlank()).toList();
        return tagTargets && nodes.size() > MOST_PER_COMMAND && nodes.stream().allMatch(n -> n.startsWith("i-"))
                ? Integer.MAX_VALUE : MOST_PER_COMMAND;
    }

    /** A command of more than 50 targets is sent by the wave's tag. */
    private static boolean byTag(List<Target> targets) {
        return targets.size() > MOST_PER_COMMAND;
    }

    /** Sets the wave's tag on the instances of a command of more than 50; falls back to ids when it cannot. */
    @Override
    public Preparation prepare(String deploymentId, int wave, int part, List<Target> targets) {
        if (!byTag(targets)) {
            return Preparation.READY;
        }
        String value = Ec2WaveTags.value(deploymentId, wave);
        try {
            if (part != 0 || !targets.stream().allMatch(t -> t.ssmNodeId().startsWith("i-"))) {
                throw new IllegalStateException("Only part 0 of a wave of EC2 instances is sent by tag, not part "
                        + part + ".");
            }
            tags.set(environment(targets), value, targets.stream().map(Target::ssmNodeId).toList());
            LOG.info("Tagged {}={} on {} instances for deployment {} wave {}", Ec2WaveTags.KEY, value,
                    targets.size(), deploymentId, wave);
            return new Preparation(true, words.text("ssm.tagSet", Ec2WaveTags.KEY, value, targets.size()));
        } catch (Ec2WaveTags.TagFailed | Problem | IllegalStateException e) {
            LOG.warn("Cannot tag the instances of deployment {} wave {}: sending it by ids", deploymentId, wave, e);
            return new Preparation(false, words.text("ssm.tagFailed", Ec2WaveTags.KEY, value, e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Preparation(false, "");
        }
    }

    /** Removes the wave's tag from the instances that carry it, when the wave is one that may have been tagged. */
    @Override
    public Map<String, String> waveEnded(String deploymentId, int wave, List<Target> targets) {
        if (mostPerCommand(targets) <= MOST_PER_COMMAND) {
            return Map.of();
        }
        String value = Ec2WaveTags.value(deploymentId, wave);
        Map<String, String> cameraOf = new LinkedHashMap<>();
        targets.forEach(t -> cameraOf.putIfAbsent(t.ssmNodeId(), t.cameraId()));
        Map<String, String> lines = new LinkedHashMap<>();
        try {
            List<String> removed = tags.remove(environment(targets), value);
            String line = words.text("ssm.tagRemoved", Ec2WaveTags.KEY, value);
            removed.stream().map(cameraOf::get).filter(java.util.Objects::nonNull).forEach(c -> lines.put(c, line));
            if (!removed.isEmpty()) {
                LOG.info("Removed {}={} from {} instances", Ec2WaveTags.KEY, value, removed.size());
            }
        } catch (Ec2WaveTags.TagFailed | Problem e) {
            LOG.warn("Cannot remove the tag of deployment {} wave {}", deploymentId, wave, e);
            String line = words.text("ssm.tagNotRemoved", Ec2WaveTags.KEY, value, e.getMessage());
            targets.forEach(t -> lines.put(t.cameraId(), line));
        }
        return lines;
    }

    /** The cameras fetch the artifact from S3 and check its SHA-256 there: nothing is read on this machine. */
    @Override
    public boolean readsLocalArtifact() {
        return false;
    }

    @Override
    public void check(Release release, List<List<Target>> waves) {
        if (!release.inS3()) {
            throw Problem.badInput("ssm.artifactNotInS3", release.artifact());
        }
        // SSM replaces {{ssm:name}} in a command's parameters by a Parameter Store value.
        if (Stream.of(release.name(), release.artifact(), release.installScript(), release.healthCheck(),
                release.rollbackScript()).anyMatch(s -> s.contains("{{"))) {
            throw Problem.badInput("ssm.braces", release.label());
        }
        for (int i = 0; i < waves.size(); i++) {
            List<Target> sent = waves.get(i).stream().filter(t -> !t.ssmNodeId().isBlank()).toList();
            Set<String> labels = new LinkedHashSet<>();
            for (Target t : sent) {
                Environment e = environmentOf.apply(t).orElseThrow(() -> Problem.badInput("ssm.noEnvironment",
                        t.cameraId(), t.siteId()));
                labels.add(e.label());
            }
            if (labels.size() > 1) {
                throw Problem.badInput("ssm.waveAcrossEnvironments", i, String.join(", ", labels));
            }
        }
    }

    @Override
    public Optional<String> cannotReach(Target target) {
        if (target.ssmNodeId().isBlank()) {
            return Optional.of(words.text("ssm.noNode", target.cameraId()));
        }
        if (environmentOf.apply(target).isEmpty()) {
            return Optional.of(words.text("ssm.noEnvironmentNow", target.cameraId(), target.siteId()));
        }
        return Optional.empty();
    }

    @Override
    public Dispatch send(Order order) {
        Environment env = environment(order.targets());
        int rounds = (order.targets().size() + order.maxConcurrency() - 1) / order.maxConcurrency();
        // An invocation not started within TimeoutSeconds never runs: it must cover the rounds queued before it.
        long delivery = Math.min(LONGEST_DELIVERY, Math.max(30,
                rounds * executionTimeout.toSeconds() + Duration.ofMinutes(10).toSeconds()));
        SendCommandRequest.Builder to = SendCommandRequest.builder();
        if (byTag(order.targets())) { // tagged by prepare(); InstanceIds take at most 50
            to.targets(software.amazon.awssdk.services.ssm.model.Target.builder().key("tag:" + Ec2WaveTags.KEY)
                    .values(Ec2WaveTags.value(order.deploymentId(), order.wave())).build());
        } else {
            to.instanceIds(order.targets().stream().map(Target::ssmNodeId).toList());
        }
        SendCommandRequest request = to
                .documentName(DOCUMENT)
                .comment(comment(order.deploymentId(), order.wave(), order.part()))
                .maxConcurrency(Integer.toString(order.maxConcurrency()))
                .maxErrors(Integer.toString(order.toleratedFailures()))
                .timeoutSeconds((int) delivery)
                .parameters(Map.of(
                        "commands", SsmScript.lines(installRoot, order.release()),
                        "executionTimeout", List.of(Long.toString(executionTimeout.toSeconds()))))
                .overrideConfiguration(o -> o.addPlugin(RETRY_ONLY_THROTTLING))
                .build();
        try {
            return new Sent(clients.ssm(env).sendCommand(request).command().commandId());
        } catch (SdkException e) {
            Problem why = AwsProblems.of(env, "ssm:SendCommand", e);
            if (!mayHaveArrived(e, why)) {
                LOG.warn("SSM did not take the command of {} wave {}", order.deploymentId(), order.wave(), e);
                return new Refused(words.text("ssm.notSent", order.wave(), why.getMessage()));
            }
            LOG.warn("SendCommand of {} wave {} failed in a way that leaves open whether SSM has it; looking",
                    order.deploymentId(), order.wave(), e);
            try {
                Optional<String> found = find(order.deploymentId(), order.wave(), order.part(),
                        clock.instant().minus(CLOCK_SLACK), order.targets());
                found.ifPresent(id -> LOG.warn("SSM has the command of {} wave {} after all: {}",
                        order.deploymentId(), order.wave(), id));
                return found.<Dispatch>map(Sent::new)
                        .orElseGet(() -> new Refused(words.text("ssm.notSent", order.wave(), why.getMessage())));
            } catch (Problem lookup) {
                return new Unconfirmed(words.text("ssm.unconfirmed", order.wave(), why.getMessage(),
                        lookup.getMessage()));
            }
        }
    }

    @Override
    public Optional<String> find(String deploymentId, int wave, Instant since, List<Target> targets) {
        return find(deploymentId, wave, 0, since, targets);
    }

    @Override
    public Optional<String> find(String deploymentId, int wave, int part, Instant since, List<Target> targets) {
        if (since.isBefore(clock.instant().minus(HISTORY))) {
            throw new Problem("ssm.tooOldToFind", deploymentId, HISTORY.toDays(), wave);
        }
        Environment env = environment(targets);
        String comment = comment(deploymentId, wave, part);
        try {
            List<Command> matching = clients.ssm(env).listCommandsPaginator(r -> r.maxResults(50)
                            .filters(CommandFilter.builder().key(CommandFilterKey.INVOKED_AFTER)
                                    .value(since.minus(CLOCK_SLACK).truncatedTo(ChronoUnit.SECONDS).toString())
                                    .build()))
                    .commands().stream()
                    .filter(c -> comment.equals(c.comment()))
                    .sorted(Comparator.comparing(Command::requestedDateTime,
                            Comparator.nullsLast(Comparator.naturalOrder())))
                    .toList();
            if (matching.size() > 1) {
                LOG.warn("{} SSM commands carry '{}'; the first is taken: {}", matching.size(), comment,
                        matching.stream().map(Command::commandId).toList());
            }
            return matching.stream().findFirst().map(Command::commandId);
        } catch (SdkException e) {
            throw AwsProblems.of(env, "ssm:ListCommands", e);
        }
    }

    /**
     * CancelCommand for the nodes of {@code targets}, 50 at a time (its most): SSM cancels what has not started, and
     * tries the rest.
     */
    @Override
    public void cancel(String commandId, List<Target> targets) {
        Environment env = environment(targets);
        try {
            List<String> nodes = targets.stream().map(Target::ssmNodeId).toList();
            for (int from = 0; from < nodes.size(); from += MOST_PER_COMMAND) {
                List<String> some = nodes.subList(from, Math.min(nodes.size(), from + MOST_PER_COMMAND));
                clients.ssm(env).cancelCommand(r -> r.commandId(commandId).instanceIds(some));
            }
        } catch (SdkException e) {
            throw AwsProblems.of(env, "ssm:CancelCommand", e);
        }
    }

    /**
     * One ListCommandInvocations call per 50 invocations where SSM has it; where it does not (moto_server), the command
     * and one GetCommandInvocation per camera, and the runner remembers not to ask for the listing again there.
     */
    @Override
    public Map<String, Invocation> poll(String commandId, List<Target> targets) {
        Environment env = environment(targets);
        SsmClient ssm = clients.ssm(env);
        Map<String, GetCommandInvocationResponse> listed = listed(env, ssm, commandId, targets);
        Map<String, Invocation> out = new LinkedHashMap<>();
        if (listed != null && targets.stream().allMatch(t -> listed.containsKey(t.ssmNodeId()))) {
            targets.forEach(t -> out.put(t.cameraId(), invocation(listed.get(t.ssmNodeId()), words)));
            return out;
        }
        Command command;
        try {
            command = ssm.listCommands(r -> r.commandId(commandId)).commands().stream().findFirst()
                    .orElseThrow(() -> new Problem("ssm.noSuchCommand", commandId));
        } catch (SdkException e) {
            throw pollProblem(env, "ssm:ListCommands", e);
        }
        // A command sent by tag lists no instance ids (moto lists those its tag reached).
        boolean byIds = command.targets().isEmpty();
        for (Target t : targets) {
            if (byIds && !command.instanceIds().contains(t.ssmNodeId())) {
                out.put(t.cameraId(), new Invocation(Outcome.NOT_INSTALLED,
                        words.text("ssm.result.notInCommand", commandId, t.ssmNodeId()), List.of()));
            } else if (listed != null) {
                GetCommandInvocationResponse r = listed.get(t.ssmNodeId());
                out.put(t.cameraId(), r != null ? invocation(r, words)
                        : notVisible(command, byIds, t.ssmNodeId()));
            } else {
                try {
                    out.put(t.cameraId(), invocation(ssm.getCommandInvocation(r -> r.commandId(commandId)
                            .instanceId(t.ssmNodeId())), words));
                } catch (InvocationDoesNotExistException e) {
                    out.put(t.cameraId(), notVisible(command, byIds, t.ssmNodeId()));
                } catch (SdkException e) {
                    throw pollProblem(env, "ssm:GetCommandInvocation", e);
                }
            }
        }
        return out;
    }

    /**
     * The invocations of {@code targets} that ListCommandInvocations shows, by node id, paged 50 at a time; null where
     * SSM has no such call.
     */
    private Map<String, GetCommandInvocationResponse> listed(Environment env, SsmClient ssm, String commandId,
                                                             List<Target> targets) {
        if (noInvocationListing.contains(env)) {
            return null;
        }
        Set<String> wanted = targets.stream().map(Target::ssmNodeId).collect(Collectors.toSet());
        Map<String, GetCommandInvocationResponse> out = new HashMap<>();
        String token = null;
        try {
            do {
                String from = token;
                ListCommandInvocationsResponse page = ssm.listCommandInvocations(r -> r.commandId(commandId)
                        .details(true).maxResults(INVOCATIONS_PER_PAGE).nextToken(from));
                for (CommandInvocation i : page.commandInvocations()) {
                    if (wanted.contains(i.instanceId())) {
                        out.put(i.instanceId(), fetched(i));
                    }
                }
                token = page.nextToken();
            } while (token != null && !token.isEmpty() && !out.keySet().containsAll(wanted));
        } catch (AwsServiceException e) {
            if (!lacksCall(e)) {
                throw pollProblem(env, "ssm:ListCommandInvocations", e);
            }
            LOG.info("SSM of {} has no ListCommandInvocations (HTTP {} {}): polled one camera at a time from now on",
                    env.label(), e.statusCode(), e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode());
            noInvocationListing.add(env);
            return null;
        } catch (SdkException e) {
            throw pollProblem(env, "ssm:ListCommandInvocations", e);
        }
        return out;
    }

    /**
     * Whether the answer says the service has no such call: an unknown operation, or the bare 500 moto_server answers
     * for a call it does not implement (AWS's own 500s carry an error code).
     */
    static boolean lacksCall(AwsServiceException e) {
        String code = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null ? ""
                : e.awsErrorDetails().errorCode();
        return Set.of("UnknownOperationException", "InvalidAction", "NotImplemented").contains(code)
                || e.statusCode() == 404 || e.statusCode() == 501 || e.statusCode() == 500 && code.isBlank();
    }

    /** A listed invocation as GetCommandInvocation tells it: the status, and its one plugin's exit code and output. */
    static GetCommandInvocationResponse fetched(CommandInvocation i) {
        GetCommandInvocationResponse.Builder b = GetCommandInvocationResponse.builder().commandId(i.commandId())
                .instanceId(i.instanceId()).status(i.status()).statusDetails(i.statusDetails());
        if (i.hasCommandPlugins() && !i.commandPlugins().isEmpty()) {
            CommandPlugin plugin = i.commandPlugins().getFirst();
            // The plugin's output is standard output, then standard error after this line.
            String[] output = (plugin.output() == null ? "" : plugin.output()).split(
                    "\\R?" + Pattern.quote(STANDARD_ERROR_FOLLOWS) + "\\R?", 2);
            b.responseCode(plugin.responseCode())
                    .executionStartDateTime(plugin.responseStartDateTime() == null ? ""
                            : plugin.responseStartDateTime().toString())
                    .standardOutputContent(output[0])
                    .standardErrorContent(output.length > 1 ? output[1] : "");
        }
        return b.build();
    }

    /**
     * Just after SendCommand an invocation may not be visible yet; after the command expired it never will, and once a
     * command sent by tag has ended, its tag did not reach this node.
     */
    private Invocation notVisible(Command command, boolean byIds, String node) {
        Instant expires = command.expiresAfter();
        if (expires != null && clock.instant().isAfter(expires)) {
            return new Invocation(Outcome.NOT_INSTALLED, words.text("ssm.result.expired", command.commandId(),
                    expires), List.of());
        }
        return !byIds && ENDED.contains(command.status())
                ? new Invocation(Outcome.NOT_INSTALLED, words.text("ssm.result.notReachedByTag", command.commandId(),
                node), List.of())
                : new Invocation(Outcome.QUEUED, "", List.of());
    }

    /** What a failed poll says; throttled, the rollout polls less often rather than losing sight of the command. */
    private static Problem pollProblem(Environment env, String operation, SdkException e) {
        Problem said = AwsProblems.of(env, operation, e);
        return throttled(e) ? new Throttled(said) : said;
    }

    /** The statuses of a command that has ended. */
    private static final Set<CommandStatus> ENDED = Set.of(CommandStatus.SUCCESS, CommandStatus.FAILED,
            CommandStatus.CANCELLED, CommandStatus.TIMED_OUT);

    /** Status details of an invocation that never ran on its camera. */
    static final Set<String> NEVER_RAN = Set.of("Undeliverable", "Terminated", "DeliveryTimedOut",
            "InvalidPlatform", "AccessDenied");

    /**
     * What an invocation says, in the steps of a rollout. Its status says whether it ended; its status details, or
     * no start time with response code -1, say that it never ran on the camera; the script's exit status says where
     * it ended. An ending nobody can place (an execution timeout, a cancel while it ran, an exit status the script
     * does not use) leaves the camera's state unknown.
     */
    static Invocation invocation(GetCommandInvocationResponse r, Messages words) {
        String details = r.statusDetails() == null ? "" : r.statusDetails().replace(" ", "");
        int code = r.responseCode() == null ? -1 : r.responseCode();
        List<String> output = output(r);
        boolean started = r.executionStartDateTime() != null && !r.executionStartDateTime().isBlank();
        boolean neverRan = NEVER_RAN.contains(details) || !started && code == -1;
        if (r.status() == null) {
            return new Invocation(Outcome.RUNNING, "", List.of());
        }
        return switch (r.status()) {
            case PENDING, DELAYED -> new Invocation(Outcome.QUEUED, "", List.of());
            case IN_PROGRESS, CANCELLING -> new Invocation(Outcome.RUNNING, "", List.of());
            case SUCCESS -> !output.isEmpty() && output.get(0).startsWith(SsmScript.AT_VERSION)
                    ? new Invocation(Outcome.AT_VERSION, words.text("ssm.result.atVersion",
                    output.get(0).substring(SsmScript.AT_VERSION.length())), output)
                    : new Invocation(Outcome.SUCCEEDED, "", output);
            case FAILED -> neverRan ? notRun(details, words, output) : switch (code) {
                case SsmScript.DOWNLOAD_FAILED -> new Invocation(Outcome.NOT_INSTALLED,
                        words.text("ssm.result.download", code), output);
                case SsmScript.CHECKSUM_MISMATCH -> new Invocation(Outcome.NOT_INSTALLED,
                        words.text("ssm.result.checksum", code), output);
                case SsmScript.INSTALL_FAILED -> new Invocation(Outcome.INSTALL_FAILED,
                        words.text("ssm.result.install", code), output);
                case SsmScript.MARKER_FAILED -> new Invocation(Outcome.INSTALL_FAILED,
                        words.text("ssm.result.marker", code), output);
                case SsmScript.ROLLED_BACK -> new Invocation(Outcome.ROLLED_BACK,
                        words.text("ssm.result.rolledBack", code), output);
                case SsmScript.ROLLBACK_FAILED -> new Invocation(Outcome.CHECK_FAILED,
                        words.text("ssm.result.rollbackFailed", code), output);
                default -> new Invocation(Outcome.INTERRUPTED, words.text("ssm.result.exit", code), output);
            };
            case TIMED_OUT -> neverRan ? notRun(details, words, output)
                    : new Invocation(Outcome.INTERRUPTED, words.text("ssm.result.timedOut", details), output);
            case CANCELLED -> neverRan ? notRun(details, words, output)
                    : new Invocation(Outcome.INTERRUPTED, words.text("ssm.result.cancelled", details), output);
            case UNKNOWN_TO_SDK_VERSION -> new Invocation(Outcome.RUNNING, "", List.of());
        };
    }

    private static Invocation notRun(String details, Messages words, List<String> output) {
        return new Invocation(Outcome.NOT_INSTALLED, words.text("ssm.result.notRun", details), output);
    }

    /** The output lines, then those of standard error marked as such. */
    private static List<String> output(GetCommandInvocationResponse r) {
        List<String> lines = new ArrayList<>(lines(r.standardOutputContent()));
        lines(r.standardErrorContent()).forEach(l -> lines.add("stderr: " + l));
        return lines;
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.stripTrailing().split("\r?\n"));
    }

    /** The environment of a wave's cameras (one: checked at launch). */
    private Environment environment(List<Target> targets) {
        return targets.stream().map(environmentOf).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> new Problem("ssm.noEnvironmentForWave",
                        targets.stream().map(Target::cameraId).limit(3).toList()));
    }

    /**
     * Whether SSM may have taken a call that failed: not when it answered with a refusal (4xx) or when the call never
     * left (no credentials, no connection); when it answered 5xx, or the answer was lost or unreadable, it may.
     */
    static boolean mayHaveArrived(SdkException e, Problem said) {
        if (e instanceof AwsServiceException answered) {
            return answered.statusCode() >= 500;
        }
        if (Set.of("aws.noCredentials", "aws.ssoExpired", "aws.expired").contains(said.key())) {
            return false;
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof ConnectException || c instanceof UnknownHostException) {
                return false;
            }
        }
        return true;
    }

    private static boolean throttled(Throwable t) {
        return t instanceof AwsServiceException e && e.isThrottlingException();
    }
}
