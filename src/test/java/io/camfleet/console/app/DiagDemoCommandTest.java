package io.camfleet.console.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camfleet.console.cli.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code camfleet diag} on the demo fleet: its simulated camera hosts are the executor unless another is named. */
class DiagDemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void onTheDemoFleetARunbookRunsOnTheSimulatedCameraHosts() throws Exception {
        Cli cli = new Cli(dir.resolve("home"));

        int code = cli.run("diag", "disk-memory", "--targets", "00001", "--json", "--data-dir",
                dir.resolve("data").toString());

        JsonNode doc = new ObjectMapper().readTree(cli.out());
        assertThat(doc.get("executor").asText()).as(cli.err()).isEqualTo("demo");
        assertThat(doc.get("command").asText()).isEqualTo("df -hP -x tmpfs -x devtmpfs && echo && free -m && echo"
                + " && uptime");
        assertThat(doc.get("cameras").size()).isPositive();
        doc.get("cameras").forEach(c -> assertThat(c.get("camera").asText()).contains("-00001-C"));
        assertThat(doc.get("cameras").get(0).get("output").asText()).contains("Filesystem");
        assertThat(code).isEqualTo(doc.get("failed").asInt() == 0 ? ExitCodes.OK : ExitCodes.FAILED);
    }
}
