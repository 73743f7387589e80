package io.camfleet.console.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camfleet.console.adapter.aws.MotoServer;
import io.camfleet.console.adapter.aws.TerraformSeeder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code camfleet env state}, end to end: the environment and its state's bucket and key in the data folder's
 * settings.json as an operator writes them, the state in S3 and the resources in EC2 and IoT of a real moto_server.
 */
class EnvStateCommandTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private static final Map<String, String> MANAGED = Map.of("ManagedBy", "terraform");

    @TempDir
    Path dir;
    private Cli cli;
    private TerraformSeeder seed;

    @BeforeEach
    void addTheEnvironment() {
        seed = new TerraformSeeder(MOTO, MOTO.environment("prod-eu", "moto-a", "eu-west-1"));
        assertThat(run("env", "add", "--label", "prod-eu", "--profile", "moto-a", "--region", "eu-west-1",
                "--endpoint", MOTO.endpoint().toString(), "--data-dir", data())).as(cli.err()).isZero();
    }

    @AfterEach
    void close() {
        seed.close();
    }

    private int run(String... args) {
        if (cli == null) {
            cli = Cli.onMoto(dir.resolve("home"), MOTO);
        }
        return cli.run(args);
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    /** Adds the terraform section to settings.json, as an operator edits the file. */
    private void terraformSettings(String json) throws Exception {
        Path file = dir.resolve("data/settings.json");
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode) mapper.readTree(file.toFile());
        root.set("terraform", mapper.readTree(json));
        mapper.writeValue(file.toFile(), root);
    }

    @Test
    void theStateAndItsDriftArePrintedAndDriftExitsOne() throws Exception {
        String kept = seed.instance(MANAGED);
        String byHand = seed.instance(MANAGED);
        seed.thing("cam-1", MANAGED);
        Map<String, List<String>> ids = new LinkedHashMap<>();
        ids.put("aws_instance", List.of(kept));
        ids.put("aws_iot_thing", List.of("cam-1", "cam-2"));
        ids.put("aws_s3_bucket", List.of("footage"));
        seed.bucket("camfleet-tf").object("camfleet-tf", "prod-eu/terraform.tfstate", TerraformSeeder.state(42, ids));
        terraformSettings("{\"states\": {\"prod-eu\": {\"bucket\": \"camfleet-tf\", "
                + "\"key\": \"prod-eu/terraform.tfstate\"}}}");

        int code = run("env", "state", "--env", "prod-eu", "--data-dir", data());

        assertThat(code).as(cli.err()).isEqualTo(1);
        assertThat(cli.out()).contains(
                "prod-eu: Terraform state s3://camfleet-tf/prod-eu/terraform.tfstate",
                "Terraform 1.9.8, serial 42, lineage moto-test, last modified 20",
                "4 resources of 3 types:",
                "  aws_instance   1", "  aws_iot_thing  2", "  aws_s3_bucket  1",
                // 2 instances + 1 thing in AWS; cam-2 is gone, the instance made by hand is not in the state
                "2 drift hints (3 AWS instances, images and IoT things checked, managed tag ManagedBy=terraform):",
                "  missing in AWS: aws_iot_thing cam-2, in the state as aws_iot_thing.this[\"cam-2\"]; AWS state: -",
                "  not in the state: aws_instance " + byHand + ", tagged ManagedBy=terraform in AWS");

        assertThat(run("env", "state", "--env", "prod-eu", "--json", "--no-drift", "--data-dir", data()))
                .as(cli.err()).isZero();
        assertThat(cli.out()).contains("\"environment\" : \"prod-eu\"", "\"serial\" : 42",
                "\"resources\" : 4", "\"aws_iot_thing\" : 2").doesNotContain("drift");
    }

    @Test
    void noDriftExitsZero() throws Exception {
        String kept = seed.instance(MANAGED);
        seed.bucket("camfleet-tf").object("camfleet-tf", "s", TerraformSeeder.state(1,
                Map.of("aws_instance", List.of(kept))));
        terraformSettings("{\"states\": {\"prod-eu\": {\"bucket\": \"camfleet-tf\", \"key\": \"s\"}}}");

        assertThat(run("env", "state", "--env", "prod-eu", "--data-dir", data())).as(cli.err()).isZero();
        assertThat(cli.out()).contains("No drift: 1 AWS instances, images and IoT things checked against the "
                + "state (managed tag ManagedBy=terraform).");
    }

    @Test
    void aBadStateFileOrBadSettingsAreToldInOneSentence() throws Exception {
        seed.bucket("camfleet-tf").object("camfleet-tf", "s", "{\"version\": 3, \"modules\": []}");
        terraformSettings("{\"states\": {\"prod-eu\": {\"bucket\": \"camfleet-tf\", \"key\": \"s\"}}}");
        assertThat(run("env", "state", "--env", "prod-eu", "--data-dir", data())).isEqualTo(2);
        assertThat(cli.err()).contains("The Terraform state s3://camfleet-tf/s has format version 3;");

        // a settings file the console cannot use is unavailable (3), as for every other section
        terraformSettings("{\"states\": {\"prod-eu\": {\"bucket\": \"Camfleet_TF\", \"key\": \"s\"}}}");
        assertThat(run("env", "state", "--env", "prod-eu", "--data-dir", data())).isEqualTo(3);
        assertThat(cli.err()).contains("settings.json cannot be read at line ", "The Terraform state bucket 'Camfleet_TF' of environment prod-eu is not "
                + "an S3 bucket name");

        assertThat(run("env", "state", "--env", "nowhere", "--data-dir", data())).isEqualTo(2);
        assertThat(cli.err()).contains("There is no environment labelled 'nowhere'");
        assertThat(Files.readString(dir.resolve("data/settings.json"))).as("nothing rewritten")
                .contains("Camfleet_TF");
    }
}
