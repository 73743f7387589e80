package io.camfleet.console.service.terraform;

import io.camfleet.console.domain.terraform.StateResource;
import io.camfleet.console.domain.terraform.TerraformState;
import io.camfleet.console.service.common.Messages;
import io.camfleet.console.service.common.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Terraform state files, format version 4: a hand-written one, each kind of bad one, and a large one. */
class StateFileTest {

    private static final Instant WRITTEN = Instant.parse("2026-12-01T09:30:00Z");
    private static final long MB = 1024 * 1024;

    @TempDir
    Path temp;

    private static TerraformState read(byte[] body, long max) {
        return StateFile.read(new ByteArrayInputStream(body), "camfleet-tf", "prod-eu/terraform.tfstate", WRITTEN,
                max);
    }

    private static TerraformState read(String body) {
        return read(body.getBytes(StandardCharsets.UTF_8), MB);
    }

    private static byte[] fixture() throws IOException {
        try (InputStream in = StateFileTest.class.getResourceAsStream("prod-eu.tfstate")) {
            return in.readAllBytes();
        }
    }

    private static String sentence(Throwable t) {
        Problem p = (Problem) t;
        return new Messages(Locale.ENGLISH).text(p.key(), p.args());
    }

    @Test
    void aHandWrittenStateIsReadWithItsModulesCountAndForEachInstances() throws IOException {
        TerraformState state = read(fixture(), MB);

        assertThat(state.terraformVersion()).isEqualTo("1.9.8");
        assertThat(state.serial()).isEqualTo(1287);
        assertThat(state.lineage()).isEqualTo("5f1c2a9e-7b3d-4e0a-9c61-2d8f4b7a1e03");
        assertThat(state.lastModified()).isEqualTo(WRITTEN);
        // By hand from prod-eu.tfstate: aws_ami.camera_os (1), gateway count 2, camera for_each 2, footage 1,
        // spare count 0 (no instance); the data source is read by Terraform, not managed: 6 managed.
        assertThat(state.countsByType()).containsExactly(Map.entry("aws_ami", 1), Map.entry("aws_instance", 2),
                Map.entry("aws_iot_thing", 2), Map.entry("aws_s3_bucket", 1));
        assertThat(state.managedCount()).isEqualTo(6);
        assertThat(state.resources()).extracting(StateResource::address).containsExactly(
                "data.aws_caller_identity.current",
                "aws_ami.camera_os",
                "module.site[\"ams-01\"].aws_instance.gateway[0]",
                "module.site[\"ams-01\"].aws_instance.gateway[1]",
                "module.site[\"ams-01\"].aws_iot_thing.camera[\"cam-1\"]",
                "module.site[\"ams-01\"].aws_iot_thing.camera[\"cam-2\"]",
                "module.site[\"ams-01\"].module.storage.aws_s3_bucket.footage");
        StateResource gateway = state.resources().get(2);
        assertThat(gateway.id()).isEqualTo("i-0aa1111111111111a");
        assertThat(gateway.tags()).isEqualTo(Map.of("Name", "ams-01-gw-0", "ManagedBy", "terraform"));
        assertThat(state.resources().get(0).managed()).isFalse();
        assertThat(state.resources().get(6).tags()).as("tags: null").isEmpty();
    }

    @Test
    void somethingThatIsNotJsonIsRefusedNamingTheObject() {
        assertThatThrownBy(() -> read("<?xml version=\"1.0\"?><state/>"))
                .satisfies(e -> assertThat(sentence(e)).startsWith(
                        "The Terraform state s3://camfleet-tf/prod-eu/terraform.tfstate is not a state file: "))
                .satisfies(e -> assertThat(((Problem) e).kind()).isEqualTo(Problem.Kind.BAD_INPUT));
        assertThatThrownBy(() -> read("")).satisfies(e -> assertThat(sentence(e)).contains(
                "is not a state file: it is empty."));
        assertThatThrownBy(() -> read("[1, 2]")).satisfies(e -> assertThat(sentence(e)).contains(
                "is not a state file: it does not start with {."));
        assertThatThrownBy(() -> read("{\"version\": 4, \"resources\": []} {}")).satisfies(e -> assertThat(
                sentence(e)).contains("something follows the state's closing }"));
        assertThatThrownBy(() -> read("{\"version\": 4, \"serial\": 3,, }")).satisfies(e -> assertThat(
                sentence(e)).contains("is not a state file: ").contains("at line 1"));
    }

    @Test
    void aStateOfAnotherFormatVersionIsRefusedWithItsVersion() {
        assertThatThrownBy(() -> read("{\"version\": 3, \"serial\": 1, \"modules\": []}"))
                .satisfies(e -> assertThat(sentence(e)).isEqualTo("The Terraform state "
                        + "s3://camfleet-tf/prod-eu/terraform.tfstate has format version 3; the console reads version 4 "
                        + "(Terraform 0.12 and later). Upgrade the state with a current Terraform, or check the key in "
                        + "the terraform settings."));
        assertThatThrownBy(() -> read("{\"serial\": 1, \"resources\": []}"))
                .satisfies(e -> assertThat(sentence(e)).contains("has format version none;"));
        assertThatThrownBy(() -> read("{\"version\": \"4\", \"resources\": []}"))
                .satisfies(e -> assertThat(sentence(e)).contains("has format version \"4\";"));
    }

    @Test
    void aTruncatedStateIsRefusedAsCutShortWhereverItIsCut() throws IOException {
        byte[] whole = fixture();
        for (int cut : List.of(1, 40, whole.length / 3, whole.length / 2, whole.length - 3)) {
            byte[] part = java.util.Arrays.copyOf(whole, cut);
            assertThatThrownBy(() -> read(part, MB)).as("cut at %d", cut)
                    .satisfies(e -> assertThat(sentence(e)).contains("ends early, after")
                            .contains("it is cut short"));
        }
    }

    @Test
    void aStateLargerThanTheBoundIsRefusedWithoutReadingItAll() throws IOException {
        Path file = GeneratedState.write(temp.resolve("two-mb.tfstate"), 1_200);
        assertThat(Files.size(file)).isGreaterThan(MB);
        java.util.concurrent.atomic.AtomicLong served = new java.util.concurrent.atomic.AtomicLong();
        try (InputStream in = new java.io.FilterInputStream(Files.newInputStream(file)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                served.addAndGet(Math.max(n, 0));
                return n;
            }
        }) {
            assertThatThrownBy(() -> StateFile.read(in, "camfleet-tf", "prod-eu/terraform.tfstate", WRITTEN, MB))
                    .satisfies(e -> assertThat(sentence(e)).isEqualTo("The Terraform state "
                            + "s3://camfleet-tf/prod-eu/terraform.tfstate is larger than 1 MB, the most the console "
                            + "reads: raise maxStateMb in the terraform settings if it really is that large."));
            assertThat(served.get()).as("read up to the bound, not the rest").isLessThanOrEqualTo(MB + 1);
        }
        byte[] whole = fixture();
        assertThat(read(whole, whole.length).managedCount()).as("exactly the bound is read").isEqualTo(6);
        assertThatThrownBy(() -> read(whole, whole.length - 1)).satisfies(e -> assertThat(sentence(e))
                .contains("is larger than"));
    }

    @Test
    void resourcesThatAreNotLaidOutAsVersion4AreRefused() {
        assertThatThrownBy(() -> read("{\"version\": 4, \"resources\": {}}"))
                .satisfies(e -> assertThat(sentence(e)).contains("resources is not a list"));
        assertThatThrownBy(() -> read("{\"version\": 4, \"resources\": [{\"mode\": \"managed\", \"instances\": []}]}"))
                .satisfies(e -> assertThat(sentence(e)).contains("resource 0 has no type or name"));
        assertThatThrownBy(() -> read("{\"version\": 4, \"resources\": [{\"type\": \"aws_instance\", \"name\": \"a\", "
                + "\"instances\": {}}]}")).satisfies(e -> assertThat(sentence(e)).contains("instances is not a list"));
        assertThatThrownBy(() -> read("{\"version\": 4, \"resources\": [1]}"))
                .satisfies(e -> assertThat(sentence(e)).contains("resources holds something not a resource"));
    }

    @Test
    void aStateOfTenThousandResourcesIsReadFast() throws IOException {
        Path file = GeneratedState.write(temp.resolve("big.tfstate"), 10_000);
        long t0 = System.nanoTime();
        TerraformState state;
        try (InputStream in = Files.newInputStream(file)) {
            state = StateFile.read(in, "b", "k", WRITTEN, 256 * MB);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;

        // 1,000 blocks of 10, types in turn instance, ami, bucket: 334 + 333 + 333 blocks
        assertThat(state.countsByType()).containsExactly(Map.entry("aws_ami", 3330),
                Map.entry("aws_instance", 3340), Map.entry("aws_s3_bucket", 3330));
        assertThat(state.resources().get(9_999).address()).isEqualTo("module.site[\"s-33\"].aws_instance.r999[9]");
        assertThat(state.serial()).isEqualTo(90210);
        assertThat(Files.size(file)).as("the file is big, the kept state small").isGreaterThan(15 * MB);
        assertThat(seconds).as("seconds to read %d MB", Files.size(file) / MB).isLessThan(10);
    }
}
