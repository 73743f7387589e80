package io.camfleet.console.service.terraform;

import io.camfleet.console.domain.terraform.ManagedTag;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.environments.Environment;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service over a state bucket: which state it reads, and what it refuses before reading. */
class TerraformServiceTest {

    private static final Environment PROD = Environment.of("prod-eu", "", "eu-west-1", null);
    private static final StateLocation WHERE = new StateLocation("camfleet-tf", "prod.tfstate", "");

    private static String sentence(Throwable t) {
        Problem p = (Problem) t;
        return new Messages(Locale.ENGLISH).text(p.key(), p.args());
    }

    @Test
    void anObjectLargerThanTheBoundIsRefusedBeforeItsBodyIsRead() {
        AtomicBoolean read = new AtomicBoolean();
        InputStream body = new ByteArrayInputStream(new byte[0]) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                read.set(true);
                return -1;
            }
        };
        TerraformSettings settings = new TerraformSettings(Map.of("prod-eu", WHERE), ManagedTag.DEFAULT, 2);
        // S3 says 2 MB and a byte: over a bound of 2 MB
        StateBucket bucket = (e, w) -> new StateBucket.StateObject(body, 2L * 1024 * 1024 + 1, Instant.EPOCH);
        TerraformService terraform = new TerraformService(bucket, e -> List.of(), () -> settings, () -> List.of(PROD));

        assertThatThrownBy(() -> terraform.state("prod-eu")).satisfies(e -> assertThat(sentence(e)).isEqualTo(
                "The Terraform state s3://camfleet-tf/prod.tfstate is larger than 2 MB, the most the console reads: "
                        + "raise maxStateMb in the terraform settings if it really is that large."));
        assertThat(read).isFalse();
    }

    @Test
    void noEnvironmentAtAllIsToldAsSuch() {
        TerraformService terraform = new TerraformService((e, w) -> {
            throw new AssertionError("not asked");
        }, e -> List.of(), () -> TerraformSettings.DEFAULTS, List::of);
        assertThatThrownBy(() -> terraform.drift("prod-eu")).satisfies(e -> assertThat(sentence(e)).startsWith(
                "No AWS environment is set up in this data folder"));
    }

    @Test
    void theSettingsSectionKeepsEachEnvironmentsStateAndRefusesWhatS3WouldNot() {
        TerraformSettings.Stored stored = new TerraformSettings.Stored(Map.of("prod-eu",
                new TerraformSettings.StoredLocation(" camfleet-tf ", "prod/terraform.tfstate", "us-east-2")),
                "camfleet:managed", null);
        TerraformSettings read = TerraformSettings.SECTION.read(stored);
        assertThat(read.states()).containsEntry("prod-eu",
                new StateLocation("camfleet-tf", "prod/terraform.tfstate", "us-east-2"));
        assertThat(read.managedTag()).isEqualTo(new ManagedTag("camfleet:managed", ""));
        assertThat(read.maxStateMb()).isEqualTo(256);
        assertThat(TerraformSettings.SECTION.read(TerraformSettings.SECTION.write(read))).isEqualTo(read);

        assertThatThrownBy(() -> TerraformSettings.SECTION.read(new TerraformSettings.Stored(Map.of("dev",
                new TerraformSettings.StoredLocation("tf", "k", null)), null, null)))
                .satisfies(e -> assertThat(sentence(e)).startsWith(
                        "The Terraform state bucket 'tf' of environment dev is not an S3 bucket name"));
        assertThatThrownBy(() -> TerraformSettings.SECTION.read(new TerraformSettings.Stored(Map.of("dev",
                new TerraformSettings.StoredLocation("camfleet-tf", "/k", null)), null, null)))
                .satisfies(e -> assertThat(sentence(e)).startsWith(
                        "The Terraform state key '/k' of environment dev is not usable"));
        assertThatThrownBy(() -> TerraformSettings.SECTION.read(new TerraformSettings.Stored(Map.of(), "=x", null)))
                .satisfies(e -> assertThat(sentence(e)).startsWith("The managed tag '=x' in the terraform settings"));
        assertThatThrownBy(() -> TerraformSettings.SECTION.read(new TerraformSettings.Stored(Map.of(), null, 0)))
                .satisfies(e -> assertThat(sentence(e)).contains("maxStateMb 0 is out of bounds"));
    }
}
