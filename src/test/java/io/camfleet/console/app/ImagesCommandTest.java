package io.camfleet.console.app;

import io.camfleet.console.adapter.aws.AwsClients;
import io.camfleet.console.adapter.aws.MotoServer;
import io.camfleet.console.service.environments.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code camfleet images} against a real moto_server, through the user's AWS config and a configured environment. */
class ImagesCommandTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @TempDir
    Path dir;
    private Cli cli;

    private int run(String... args) {
        if (cli == null) {
            cli = Cli.onMoto(dir.resolve("home"), MOTO);
        }
        return cli.run(args);
    }

    @Test
    void imagesListsTheEnvironmentsImagesAndOutdatedOnlyTheOlderOfALineage() throws InterruptedException {
        String data = dir.resolve("data").toString();
        assertThat(run("env", "add", "--label", "prod", "--profile", "moto-a", "--region", "eu-west-1",
                "--endpoint", MOTO.endpoint().toString(), "--data-dir", data)).as(cli.err()).isZero();
        Environment prod = MOTO.environment("prod", "moto-a", "eu-west-1");
        String older;
        String newer;
        try (AwsClients clients = MOTO.clients(op -> { })) {
            Ec2Client ec2 = clients.ec2(prod);
            String builder = ec2.runInstances(r -> r.imageId("ami-03cf127a").minCount(1).maxCount(1)).instances()
                    .getFirst().instanceId();
            older = ec2.createImage(r -> r.instanceId(builder).name("camos-base-2026.10.01")).imageId();
            // moto dates images to the second: the newer one must be a later second
            Thread.sleep(1100);
            newer = ec2.createImage(r -> r.instanceId(builder).name("camos-base-2026.11.01")
                    .tagSpecifications(t -> t.resourceType("image").tags(tag -> tag.key("camfleet:patch-level")
                            .value("2026-11")))).imageId();
        }

        assertThat(run("images", "--env", "prod", "--data-dir", data)).as(cli.err()).isZero();
        assertThat(cli.out()).contains("Images of prod (eu-west-1) as of ", ": 2, 1 outdated.",
                "IMAGE", "LINEAGE", "PATCH LEVEL", older + " *", "camos-base-2026.11.01");
        assertThat(cli.out()).containsPattern(newer + "\\s+camos-base-2026.11.01\\s+camos-base\\s+0d\\s+2026-11");

        assertThat(run("images", "--outdated", "--json", "--data-dir", data)).as(cli.err()).isZero();
        assertThat(cli.out()).contains("\"id\":\"" + older + "\"", "\"newerImage\":\"" + newer + "\"",
                "\"count\":1").doesNotContain("\"id\":\"" + newer + "\"");
    }

    @Test
    void anUnknownEnvironmentIsBadInputWithTheLabelsThereAre() {
        String data = dir.resolve("data").toString();
        assertThat(run("env", "add", "--label", "prod", "--profile", "moto-a", "--region", "eu-west-1",
                "--endpoint", MOTO.endpoint().toString(), "--data-dir", data)).as(cli.err()).isZero();

        assertThat(run("images", "--env", "staging", "--data-dir", data)).isEqualTo(2);
        assertThat(cli.err()).contains("There is no AWS environment 'staging': use one of prod.");
        assertThat(cli.out()).isEmpty();
    }
}
