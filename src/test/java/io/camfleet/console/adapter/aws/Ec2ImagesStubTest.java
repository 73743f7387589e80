package io.camfleet.console.adapter.aws;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.camfleet.console.adapter.files.AuditAnchorFiles;
import io.camfleet.console.adapter.store.CacheDatabase;
import io.camfleet.console.adapter.store.JdbcAuditTrail;
import io.camfleet.console.domain.audit.AuditActions;
import io.camfleet.console.domain.audit.AuditEvent;
import io.camfleet.console.domain.audit.AuditOutcome;
import io.camfleet.console.service.audit.AuditService;
import io.camfleet.console.service.audit.Operator;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.images.ImageActions;
import io.camfleet.console.service.images.ImageBuild;
import io.camfleet.console.service.images.ImageCatalogue;
import io.camfleet.console.service.images.ImageSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.ProfileFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What moto cannot show: an image that stays pending (moto makes each image available at once) and
 * EnableImageDeprecation (moto 5.2 has no such action). A WireMock stub answers with the EC2 Query API's documented
 * XML, so the real SDK client and adapter run.
 */
class Ec2ImagesStubTest {

    private static final String NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private static final String IMAGE = "ami-0123456789abcdef0";
    private static final String BUILDER = "i-0123456789abcdef0";
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @TempDir
    Path temp;

    private WireMockServer ec2;
    private AwsClients clients;
    private CacheDatabase db;
    private ImageActions actions;
    private Environment env;
    private final List<AuditEvent> audited = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws IOException {
        ec2 = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        ec2.start();
        Path config = Files.writeString(temp.resolve("aws-config"), """
                [profile stub]
                aws_access_key_id = AKIASTUB0000000000
                aws_secret_access_key = stub-secret
                """);
        clients = new AwsClients(() -> ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION)
                .build(), op -> { });
        env = Environment.of("prod", "stub", "eu-west-1", ec2.baseUrl());
        db = CacheDatabase.open(temp.resolve("data"), Clock.systemUTC());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        AuditService audit = new AuditService(new JdbcAuditTrail(db.dataSource()),
                new AuditAnchorFiles(temp.resolve("data")), new Operator("nina", ""), clock);
        audit.addListener(audited::add);
        Ec2Images cloud = new Ec2Images(() -> clients, Duration.ofMillis(20));
        ImageCatalogue catalogue = new ImageCatalogue(cloud, () -> ImageSettings.DEFAULTS, () -> List.of(env),
                List::of, clock);
        actions = new ImageActions(cloud, catalogue, audit, clock);
        ec2.stubFor(post(urlPathEqualTo("/")).withRequestBody(containing("Action=CreateImage"))
                .willReturn(xml("<CreateImageResponse xmlns=\"" + NS + "\"><requestId>r-1</requestId><imageId>"
                        + IMAGE + "</imageId></CreateImageResponse>")));
    }

    @AfterEach
    void close() {
        clients.close();
        db.close();
        ec2.stop();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8").withBody(body);
    }

    /** DescribeImages answering with the image in that state. */
    private static String described(String state) {
        return "<DescribeImagesResponse xmlns=\"" + NS + "\"><requestId>r-2</requestId><imagesSet><item>"
                + "<imageId>" + IMAGE + "</imageId><imageState>" + state + "</imageState>"
                + "<name>camos-base-2026.12.06</name><creationDate>2026-12-06T11:00:00.000Z</creationDate>"
                + "</item></imagesSet></DescribeImagesResponse>";
    }

    private void imageIs(String state) {
        ec2.stubFor(post(urlPathEqualTo("/")).withRequestBody(containing("Action=DescribeImages"))
                .willReturn(xml(described(state))));
    }

    @Test
    void theBuildShowsEachLookUntilTheImageTurnsAvailable() {
        ec2.stubFor(post(urlPathEqualTo("/")).inScenario("build").whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(containing("Action=DescribeImages")).willSetStateTo("second")
                .willReturn(xml(described("pending"))));
        ec2.stubFor(post(urlPathEqualTo("/")).inScenario("build").whenScenarioStateIs("second")
                .withRequestBody(containing("Action=DescribeImages")).willSetStateTo("third")
                .willReturn(xml(described("pending"))));
        ec2.stubFor(post(urlPathEqualTo("/")).inScenario("build").whenScenarioStateIs("third")
                .withRequestBody(containing("Action=DescribeImages")).willReturn(xml(described("available"))));
        List<ImageBuild.Progress> progress = new ArrayList<>();

        ImageBuild build = actions.build(env, BUILDER, "camos-base-2026.12.06", Map.of("camfleet:release", "5.3"),
                actions.buildTimeout(), Duration.ofMillis(20), progress::add, () -> false);

        assertThat(build).extracting(ImageBuild::imageId, ImageBuild::result)
                .containsExactly(IMAGE, ImageBuild.Result.AVAILABLE);
        assertThat(progress).extracting(ImageBuild.Progress::state).containsExactly("pending", "pending", "available");
        assertThat(progress).allSatisfy(p -> assertThat(p.timeout()).isEqualTo(Duration.ofMinutes(60)));
        ec2.verify(postRequestedFor(urlPathEqualTo("/")).withRequestBody(containing("Action=CreateImage"))
                .withRequestBody(containing("InstanceId=" + BUILDER))
                .withRequestBody(containing("TagSpecification.1.Tag.1.Key=camfleet%3Arelease")));
    }

    @Test
    void aCancelledWaitLeavesTheImageBuildingAndSaysWhichImageItIs() {
        imageIs("pending");
        List<ImageBuild.Progress> progress = new ArrayList<>();

        ImageBuild build = actions.build(env, BUILDER, "camos-base-2026.12.06", Map.of(), actions.buildTimeout(),
                Duration.ofMillis(20), progress::add, () -> progress.size() >= 2);

        assertThat(build).extracting(ImageBuild::imageId, ImageBuild::result)
                .containsExactly(IMAGE, ImageBuild.Result.STILL_BUILDING_CANCELLED);
        assertThat(progress).hasSize(2);
        // nothing asked EC2 to stop the build: no such call went out
        assertThat(ec2.getAllServeEvents()).extracting(e -> e.getRequest().getBodyAsString().split("&")[0])
                .containsOnly("Action=CreateImage", "Action=DescribeImages");
        assertThat(audited).extracting(AuditEvent::outcome)
                .containsExactly(AuditOutcome.STARTED, AuditOutcome.CANCELLED);
        assertThat(audited.getLast().parameters()).containsEntry("imageId", IMAGE)
                .containsEntry("result", "STILL_BUILDING_CANCELLED");
    }

    @Test
    void aBuildOutlastingTheTimeoutIsLeftBuildingAndSaysSo() {
        imageIs("pending");
        List<ImageBuild.Progress> progress = new ArrayList<>();

        ImageBuild build = actions.build(env, BUILDER, "camos-base-2026.12.06", Map.of(), Duration.ofMillis(300),
                Duration.ofMillis(20), progress::add, () -> false);

        assertThat(build).extracting(ImageBuild::imageId, ImageBuild::result)
                .containsExactly(IMAGE, ImageBuild.Result.STILL_BUILDING_TIMED_OUT);
        assertThat(build.took()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(progress).hasSizeGreaterThan(1).allSatisfy(p -> assertThat(p.state()).isEqualTo("pending"));
        assertThat(audited).extracting(AuditEvent::outcome)
                .containsExactly(AuditOutcome.STARTED, AuditOutcome.CANCELLED);
        assertThat(audited.getLast().parameters()).containsEntry("result", "STILL_BUILDING_TIMED_OUT");
    }

    @Test
    void aFailedImageEndsTheWaitAsFailedAndIsAuditedSo() {
        imageIs("failed");

        ImageBuild build = actions.build(env, BUILDER, "camos-base-2026.12.06", Map.of(), actions.buildTimeout(),
                Duration.ofMillis(20), p -> { }, () -> false);

        assertThat(build.result()).isEqualTo(ImageBuild.Result.FAILED);
        assertThat(audited).extracting(AuditEvent::outcome).containsExactly(AuditOutcome.STARTED, AuditOutcome.FAILED);
    }

    @Test
    void deprecatingSendsEnableImageDeprecationWithTheTimeAndIsAudited() {
        imageIs("available");
        ec2.stubFor(post(urlPathEqualTo("/")).withRequestBody(containing("Action=EnableImageDeprecation"))
                .willReturn(xml("<EnableImageDeprecationResponse xmlns=\"" + NS + "\"><requestId>r-3</requestId>"
                        + "<return>true</return></EnableImageDeprecationResponse>")));

        actions.deprecate(env, IMAGE, Instant.parse("2027-01-05T12:00:00Z"));

        ec2.verify(postRequestedFor(urlPathEqualTo("/"))
                .withRequestBody(containing("Action=EnableImageDeprecation"))
                .withRequestBody(containing("ImageId=" + IMAGE))
                .withRequestBody(containing("DeprecateAt=2027-01-05T12%3A00%3A00")));
        assertThat(audited).extracting(AuditEvent::action, AuditEvent::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AuditActions.IMAGE_DEPRECATE, AuditOutcome.STARTED),
                org.assertj.core.groups.Tuple.tuple(AuditActions.IMAGE_DEPRECATE, AuditOutcome.SUCCEEDED));
        assertThat(audited.getLast().parameters()).containsEntry("at", "2027-01-05T12:00:00Z");
    }

    @Test
    void aDeprecationInThePastIsRefusedAndNothingIsSent() {
        imageIs("available");

        assertThatThrownBy(() -> actions.deprecate(env, IMAGE, NOW.minusSeconds(60)))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.key()).isEqualTo("images.deprecateInPast"));

        assertThat(ec2.getAllServeEvents()).isEmpty();
        assertThat(audited).isEmpty();
    }

    @Test
    void anAwsRefusalOfTheDeprecationIsOneSentenceAndAuditedAsFailed() {
        imageIs("available");
        ec2.stubFor(post(urlPathEqualTo("/")).withRequestBody(containing("Action=EnableImageDeprecation"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "text/xml").withBody(
                        "<Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized"
                                + " to perform this operation.</Message></Error></Errors><RequestID>r-4</RequestID>"
                                + "</Response>")));

        assertThatThrownBy(() -> actions.deprecate(env, IMAGE, Instant.parse("2027-01-05T12:00:00Z")))
                .isInstanceOf(Problem.class);

        assertThat(audited).extracting(AuditEvent::outcome).containsExactly(AuditOutcome.STARTED, AuditOutcome.FAILED);
    }
}
