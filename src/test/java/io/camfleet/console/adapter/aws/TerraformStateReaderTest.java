package io.camfleet.console.adapter.aws;

import io.camfleet.console.domain.terraform.DriftHint;
import io.camfleet.console.domain.terraform.ManagedTag;
import io.camfleet.console.domain.terraform.TerraformState;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.terraform.EnvironmentDrift;
import io.camfleet.console.service.terraform.StateLocation;
import io.camfleet.console.service.terraform.TerraformService;
import io.camfleet.console.service.terraform.TerraformSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Terraform states read from S3 and drift hints against EC2 and IoT, on a real moto_server. */
class TerraformStateReaderTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private static final Map<String, String> MANAGED = Map.of("ManagedBy", "terraform");

    private AwsClients clients;
    private Environment prod;
    private TerraformSeeder seed;
    private TerraformSettings settings = TerraformSettings.DEFAULTS;

    @BeforeEach
    void open() {
        clients = MOTO.clients(op -> { });
        prod = MOTO.environment("prod-eu", "moto-a", "eu-west-1");
        seed = new TerraformSeeder(MOTO, prod);
    }

    @AfterEach
    void close() {
        seed.close();
        clients.close();
    }

    private TerraformService terraform() {
        return new TerraformService(new TerraformStateReader(() -> clients), new AwsDriftInventory(() -> clients),
                () -> settings, () -> List.of(prod));
    }

    private static String sentence(Throwable t) {
        Problem p = (Problem) t;
        return new Messages(Locale.ENGLISH).text(p.key(), p.args());
    }

    private static String fixture() throws IOException {
        try (InputStream in = TerraformService.class.getResourceAsStream("prod-eu.tfstate")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theStateIsReadFromTheBucketWithItsLastModified() throws IOException {
        seed.bucket("camfleet-tf").object("camfleet-tf", "prod-eu/terraform.tfstate", fixture());
        settings = settings.with("prod-eu", new StateLocation("camfleet-tf", "prod-eu/terraform.tfstate", ""));

        TerraformState state = terraform().state("prod-eu");

        assertThat(state.serial()).isEqualTo(1287);
        assertThat(state.terraformVersion()).isEqualTo("1.9.8");
        assertThat(state.countsByType()).containsEntry("aws_instance", 2).containsEntry("aws_iot_thing", 2);
        assertThat(state.lastModified()).isBetween(Instant.now().minus(Duration.ofMinutes(5)),
                Instant.now().plusSeconds(60));
    }

    @Test
    void aStateInABucketOfAnotherRegionIsReadThere() throws IOException {
        try (TerraformSeeder us = new TerraformSeeder(MOTO, MOTO.environment("us", "moto-a", "us-east-2"))) {
            us.bucket("camfleet-tf-us").object("camfleet-tf-us", "state", fixture());
        }
        settings = settings.with("prod-eu", new StateLocation("camfleet-tf-us", "state", "us-east-2"));
        // moto serves a bucket whatever region asks: the request's signature says where it was sent
        List<String> signedFor = new java.util.concurrent.CopyOnWriteArrayList<>();
        clients.close();
        clients = new AwsClients(MOTO::profiles, op -> { }, List.of(new CborToJsonBridge(),
                new software.amazon.awssdk.core.interceptor.ExecutionInterceptor() {
                    @Override
                    public void beforeTransmission(software.amazon.awssdk.core.interceptor.Context.BeforeTransmission
                                                           context,
                                                   software.amazon.awssdk.core.interceptor.ExecutionAttributes a) {
                        context.httpRequest().firstMatchingHeader("Authorization").ifPresent(signedFor::add);
                    }
                }));

        assertThat(terraform().state("prod-eu").managedCount()).isEqualTo(6);
        assertThat(signedFor).hasSize(1).allSatisfy(h -> assertThat(h).contains("/us-east-2/s3/aws4_request"));
    }

    @Test
    void aMissingObjectOrBucketIsNamedWithTheEnvironment() {
        seed.bucket("camfleet-tf");
        settings = settings.with("prod-eu", new StateLocation("camfleet-tf", "prod/terraform.tfstate", ""));
        assertThatThrownBy(() -> terraform().state("prod-eu")).satisfies(e -> assertThat(sentence(e)).isEqualTo(
                "There is no Terraform state at s3://camfleet-tf/prod/terraform.tfstate for environment prod-eu: "
                        + "check the key in the terraform settings against the backend block."));

        settings = settings.with("prod-eu", new StateLocation("no-such-bucket", "prod/terraform.tfstate", ""));
        assertThatThrownBy(() -> terraform().state("prod-eu")).satisfies(e -> assertThat(sentence(e)).isEqualTo(
                "There is no bucket no-such-bucket for the Terraform state of environment prod-eu: check the bucket "
                        + "(and its region) in the terraform settings."));
    }

    @Test
    void aBadObjectInTheBucketIsRefusedNamingIt() {
        seed.bucket("camfleet-tf").object("camfleet-tf", "prod.tfstate", "{\"version\": 4, \"serial\": 9, "
                + "\"resources\": [{\"mode\": \"managed\", \"type\": \"aws_instance\"");
        settings = settings.with("prod-eu", new StateLocation("camfleet-tf", "prod.tfstate", ""));

        assertThatThrownBy(() -> terraform().drift("prod-eu")).satisfies(e -> assertThat(sentence(e)).startsWith(
                "The Terraform state s3://camfleet-tf/prod.tfstate ends early, after"));
    }

    @Test
    void anEnvironmentWithNoStateInTheSettingsOrUnknownIsTold() {
        assertThatThrownBy(() -> terraform().state("prod-eu")).satisfies(e -> assertThat(sentence(e)).startsWith(
                "Environment prod-eu has no Terraform state in the settings"));
        assertThatThrownBy(() -> terraform().state("prod-us")).satisfies(e -> assertThat(sentence(e)).startsWith(
                "There is no environment labelled 'prod-us' in the settings; they are: prod-eu."));
    }

    @Test
    void driftNamesWhatAwsLostAndWhatTheStateLacks() {
        String kept = seed.instance(MANAGED);
        String terminated = seed.instance(MANAGED);
        String untracked = seed.instance(Map.of("ManagedBy", "terraform", "Name", "by-hand"));
        String unmanaged = seed.instance(Map.of("Name", "someone-elses"));
        seed.terminate(terminated);
        String image = seed.image(kept, "camos-2026.11", MANAGED);
        String strayImage = seed.image(kept, "camos-2026.12-test", MANAGED);
        seed.thing("cam-1", MANAGED).thing("cam-9", MANAGED).thing("cam-x", Map.of("site", "ams-01"));
        Map<String, List<String>> ids = new LinkedHashMap<>();
        ids.put("aws_instance", List.of(kept, terminated));
        ids.put("aws_ami", List.of(image, "ami-0000000000000dead"));
        ids.put("aws_iot_thing", List.of("cam-1", "cam-2"));
        seed.bucket("camfleet-tf").object("camfleet-tf", "prod.tfstate", TerraformSeeder.state(5, ids));
        settings = settings.with("prod-eu", new StateLocation("camfleet-tf", "prod.tfstate", ""));

        EnvironmentDrift drift = terraform().drift("prod-eu");

        // By hand: gone from AWS = the terminated instance, the made-up AMI, thing cam-2; tagged ManagedBy=terraform
        // but not in the state = the untracked instance, the stray image, thing cam-9. The unmanaged instance and
        // cam-x carry no such tag. Sorted by kind, then type, then id.
        assertThat(drift.hints()).extracting(DriftHint::kind, DriftHint::type, DriftHint::id, DriftHint::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(DriftHint.Kind.MISSING_IN_AWS, "aws_ami",
                                "ami-0000000000000dead", ""),
                        org.assertj.core.groups.Tuple.tuple(DriftHint.Kind.MISSING_IN_AWS, "aws_instance",
                                terminated, "terminated"),
                        org.assertj.core.groups.Tuple.tuple(DriftHint.Kind.MISSING_IN_AWS, "aws_iot_thing", "cam-2",
                                ""),
                        org.assertj.core.groups.Tuple.tuple(DriftHint.Kind.NOT_IN_STATE, "aws_ami", strayImage,
                                "ManagedBy=terraform"),
                        org.assertj.core.groups.Tuple.tuple(DriftHint.Kind.NOT_IN_STATE, "aws_instance", untracked,
                                "ManagedBy=terraform"),
                        org.assertj.core.groups.Tuple.tuple(DriftHint.Kind.NOT_IN_STATE, "aws_iot_thing", "cam-9",
                                "ManagedBy=terraform"));
        assertThat(drift.hints().get(1).address()).isEqualTo("aws_instance.this[1]");
        assertThat(drift.hints()).extracting(DriftHint::id).doesNotContain(unmanaged, "cam-x", kept, image);
        // 4 instances, 2 images of the account, 3 things
        assertThat(drift.checked()).isEqualTo(9);
        assertThat(drift.managedTag()).isEqualTo(ManagedTag.DEFAULT);
    }

    @Test
    void driftWithAnotherManagedTagFollowsTheSetting() {
        String mine = seed.instance(Map.of("camfleet:managed", "1"));
        seed.instance(MANAGED);
        seed.bucket("camfleet-tf").object("camfleet-tf", "prod.tfstate", TerraformSeeder.state(1, Map.of()));
        settings = new TerraformSettings(Map.of("prod-eu", new StateLocation("camfleet-tf", "prod.tfstate", "")),
                ManagedTag.parse("camfleet:managed"), 256);

        assertThat(terraform().drift("prod-eu").hints()).extracting(DriftHint::id).containsExactly(mine);
    }
}
