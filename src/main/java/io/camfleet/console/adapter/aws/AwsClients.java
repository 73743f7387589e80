package io.camfleet.console.adapter.aws;

import io.camfleet.console.service.environments.Environment;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.costexplorer.CostExplorerClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The SDK clients of each environment, built once and reused (building them costs seconds cold), over one small
 * HTTP client. Credentials come only from the SDK's default provider chain for the environment's profile; nothing
 * is stored. The chain must not reach the EC2 instance metadata service on a desktop: the console disables it at
 * start ({@code aws.disableEc2Metadata}), so that missing credentials fail at once instead of after a long stall.
 */
public final class AwsClients implements AutoCloseable {

    /** What every client of one environment shares. */
    public record Clients(IotClient iot, CloudWatchClient cloudWatch, StsClient sts, ThrottleWatch throttles) {
    }

    /**
     * Where an environment's throttled calls are told: the console-wide listener, and whoever is reading the
     * environment now (a sync, which counts them in its report).
     */
    public static final class ThrottleWatch implements Consumer<String> {
        private final Consumer<String> always;
        private volatile Consumer<String> reader = op -> { };

        ThrottleWatch(Consumer<String> always) {
            this.always = always;
        }

        @Override
        public void accept(String operation) {
            always.accept(operation);
            reader.accept(operation);
        }

        /** Tells {@code listener} too until the returned handle is closed. */
        public AutoCloseable listen(Consumer<String> listener) {
            reader = listener;
            return () -> reader = op -> { };
        }
    }

    private final Supplier<ProfileFile> profiles;
    private final Consumer<String> onThrottled;
    private final List<ExecutionInterceptor> interceptors;
    private final SdkHttpClient http;
    private final Map<Environment, Clients> built = new ConcurrentHashMap<>();
    private final Map<Environment, SsmClient> ssm = new ConcurrentHashMap<>();
    private final Map<Environment, S3Client> s3 = new ConcurrentHashMap<>();
    private final Map<Environment, CostExplorerClient> costExplorer = new ConcurrentHashMap<>();
    private final Map<Environment, Ec2Client> ec2 = new ConcurrentHashMap<>();
    private final Map<Environment, SqsClient> sqs = new ConcurrentHashMap<>();

    /**
     * @param profiles    the AWS config and credentials files ({@link ProfileFile#defaultProfileFile()} on a desktop)
     * @param onThrottled told the operation's name each time AWS throttles a call that the SDK then retries
     */
    public AwsClients(Supplier<ProfileFile> profiles, Consumer<String> onThrottled) {
        this(profiles, onThrottled, List.of());
    }

    /** With interceptors on every client, for emulators that need requests adapted (tests). */
    public AwsClients(Supplier<ProfileFile> profiles, Consumer<String> onThrottled,
                      List<ExecutionInterceptor> interceptors) {
        this.profiles = new ProfilesReadAgain(profiles);
        this.onThrottled = onThrottled;
        this.interceptors = List.copyOf(interceptors);
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(3))
                .socketTimeout(Duration.ofSeconds(20))
                .build();
    }

    public Clients of(Environment environment) {
        return built.computeIfAbsent(environment, this::build);
    }

    /** SSM of an environment, for deployments: built on first use, apart from the clients every sync needs. */
    public SsmClient ssm(Environment environment) {
        return ssm.computeIfAbsent(environment, e -> configure(SsmClient.builder(), e, credentials(e, profiles),
                overrides(new ThrottleWatch(onThrottled), interceptors), http).build());
    }

    /**
     * S3 of an environment, for the copies of config backups: built on first use. Behind an endpoint override (a
     * VPC endpoint, an emulator) buckets are addressed by path, as such endpoints have no per-bucket host names.
     */
    public S3Client s3(Environment environment) {
        return s3.computeIfAbsent(environment, e -> configure(S3Client.builder(), e, credentials(e, profiles),
                overrides(new ThrottleWatch(onThrottled), interceptors), http)
                .forcePathStyle(e.endpoint() != null).build());
    }

    /**
     * Cost Explorer of an environment's account, for cost: built on first use. Cost Explorer has one endpoint per
     * account, in us-east-1, whatever the environment's region (an endpoint override still wins).
     */
    public CostExplorerClient costExplorer(Environment environment) {
        return costExplorer.computeIfAbsent(environment, e -> configure(CostExplorerClient.builder(), e,
                credentials(e, profiles), overrides(new ThrottleWatch(onThrottled), interceptors), http)
                .region(Region.US_EAST_1).build());
    }

    /** EC2 of an environment, for the cost cleanup hints (volumes, snapshots, images, instances): on first use. */
    public Ec2Client ec2(Environment environment) {
        return ec2.computeIfAbsent(environment, e -> configure(Ec2Client.builder(), e, credentials(e, profiles),
                overrides(new ThrottleWatch(onThrottled), interceptors), http).build());
    }

    /**
     * SQS of an environment, for the queue its registry events arrive in: built on first use. Its throttled calls
     * are told where the environment's sync listens.
     */
    public SqsClient sqs(Environment environment) {
        return sqs.computeIfAbsent(environment, e -> configure(SqsClient.builder(), e, credentials(e, profiles),
                overrides(of(e).throttles(), interceptors), http).build());
    }

    /** Amazon Inspector v2 of an environment, called by hand (see {@link SignedJsonCall}). */
    public SignedJsonCall inspector(Environment environment) {
        return new SignedJsonCall(environment, "inspector2", credentials(environment, profiles), http);
    }

    public ProfileFile profileFile() {
        return profiles.get();
    }

    private Clients build(Environment e) {
        return build(e, http, profiles, onThrottled, interceptors);
    }

    private static Clients build(Environment e, SdkHttpClient http, Supplier<ProfileFile> profiles,
                                 Consumer<String> onThrottled, List<ExecutionInterceptor> interceptors) {
        AwsCredentialsProvider credentials = credentials(e, profiles);
        ThrottleWatch throttles = new ThrottleWatch(onThrottled);
        ClientOverrideConfiguration overrides = overrides(throttles, interceptors);
        return new Clients(
                configure(IotClient.builder(), e, credentials, overrides, http).build(),
                configure(CloudWatchClient.builder(), e, credentials, overrides, http).build(),
                configure(StsClient.builder(), e, credentials, overrides, http).build(),
                throttles);
    }

    private static AwsCredentialsProvider credentials(Environment e, Supplier<ProfileFile> profiles) {
        DefaultCredentialsProvider.Builder chain = DefaultCredentialsProvider.builder().profileFile(profiles);
        if (!e.profile().isEmpty()) {
            chain.profileName(e.profile());
        }
        return chain.build();
    }

    private static ClientOverrideConfiguration overrides(ThrottleWatch throttles,
                                                         List<ExecutionInterceptor> interceptors) {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(new ObservedRetryStrategy(throttles))
                .apiCallTimeout(Duration.ofSeconds(60))
                .executionInterceptors(interceptors)
                .build();
    }

    private static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder, Environment e, AwsCredentialsProvider credentials,
                        ClientOverrideConfiguration overrides, SdkHttpClient http) {
        builder.region(Region.of(e.region()))
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides)
                .httpClient(http);
        if (e.endpoint() != null) {
            builder.endpointOverride(e.endpoint());
        }
        return builder;
    }

    @Override
    public void close() {
        for (Clients c : built.values()) {
            c.iot().close();
            c.cloudWatch().close();
            c.sts().close();
        }
        built.clear();
        ssm.values().forEach(SsmClient::close);
        ssm.clear();
        s3.values().forEach(S3Client::close);
        s3.clear();
        costExplorer.values().forEach(CostExplorerClient::close);
        costExplorer.clear();
        ec2.values().forEach(Ec2Client::close);
        ec2.clear();
        sqs.values().forEach(SqsClient::close);
        sqs.clear();
        http.close();
    }
}
